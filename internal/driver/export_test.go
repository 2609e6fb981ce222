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

// HeapRoom is what a collection found (heapRoom).
type HeapRoom = heapRoom

// NewHeapRoom makes a HeapRoom of bytes live, the heap's objects, unused
// span space and free spans, and the roots' bytes.
func NewHeapRoom(live, objects, unused, free, roots uint64) HeapRoom {
	return heapRoom{live: live, objects: objects, unused: unused, free: free, roots: roots}
}

// PercentWithin is the collector's percentage for a heap as h found it.
func PercentWithin(h HeapRoom) int { return percentWithin(h) }

// GrowWithinRoom sets the collector's percentage after every collection
// from now on (TuneGC's, for a small run), until stop is called.
func GrowWithinRoom() (stop func()) { return growWithinRoom() }

// The percentages of a small run: within its room, and beyond it.
const (
	SmallGCPercent = smallGCPercent
	NewRoomPercent = newRoomPercent
)
