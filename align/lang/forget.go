package lang

// ForgetCaches empties what the segmenter and the English word functions
// remember (cuts of Han runs, stems, keywords), as in a process that has
// loaded its dictionaries but not yet seen any text. Benchmarks call it to
// measure text the process has not met before; a program never needs to.
func ForgetCaches() {
	if defaultSeg != nil {
		c := defaultSeg.cuts
		c.Lock()
		clear(c.m)
		c.bytes = 0
		c.Unlock()
	}
	stems.Lock()
	clear(stems.m)
	stems.Unlock()
	keywords.Lock()
	clear(keywords.m)
	keywords.Unlock()
}
