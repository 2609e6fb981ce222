package driver

// Remembered is how many contents o holds results for.
func (o *CopyCache) Remembered() int {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.seen)
}

// SetExtentSize makes the spool write a document's pairs in extents of n
// bytes (a pair never splits: an extent can be longer); the returned
// function restores the size.
func SetExtentSize(n int) func() {
	old := extentSize
	extentSize = n
	return func() { extentSize = old }
}

// FollowLiveHeap sets the soft memory limit to follow the live heap from
// floor bytes (TuneGC's, with another floor).
func FollowLiveHeap(floor int64) { followLiveHeap(floor) }

// Headroom is the share of the live heap the soft memory limit allows.
const Headroom = headroom

// PercentWithin is the collector's percentage for a heap with live bytes
// live and room bytes held from the system.
func PercentWithin(live, room uint64) int { return percentWithin(live, room) }

// GrowWithinRoom sets the collector's percentage after every collection
// from now on (TuneGC's, for a small run), until stop is called.
func GrowWithinRoom() (stop func()) { return growWithinRoom() }

// The percentages of a small run: within its room, and beyond it.
const (
	SmallGCPercent = smallGCPercent
	NewRoomPercent = newRoomPercent
)
