package driver

// Remembered is how many contents o holds results for.
func (o *Once) Remembered() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.seen)
}
