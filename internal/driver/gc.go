package driver

import (
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/aligncheck/aligncheck/internal/gcwatch"
)

// Checking allocates many short-lived objects (tokens, candidate beads,
// findings) around a small live heap, so Go's default (collect when the
// heap has doubled) spends a fifth of the CPU time of a small document in
// the collector and in returning pages to the system that are wanted again
// a moment later. Letting the heap grow to five times the live data before
// collecting halves that. A large input keeps the default: its live heap
// is large, and five times it would break the memory bounds (a windowed
// 20 MB memory's 130 MB live heap would peak near 400 MB).
const (
	smallGCPercent = 400
	smallInput     = 4 << 20 // bytes of the largest input of a run
)

// The soft memory limit of a run is heapFloor, or headroom times the heap
// live after the last collection when that is more; it follows the live
// heap from one collection to the next.
//
// Why a limit: short-lived tables come and go around the live heap (the
// sentence aligner's pair table, rebuilt for each band; the word
// alignment's cells), so the heap, and the process, reached twice the live
// data, or five times it under smallGCPercent: a 5,000-pair two-file
// document (2.5 MB, a small input) peaked at 731 MB resident with live
// data near 110 MB. Why it follows the live heap: a fixed limit below the
// live data makes the collector run back to back (Go lets it take up to
// half the CPU time under a limit) without freeing anything; a 50,000-pair
// document, 1.5–2 GB live, took 179 s of CPU under a fixed 512 MB limit
// and 78 s without one. Half the live heap again of room keeps the
// collections at most about twice as frequent as Go's default.
const (
	heapFloor = 256 << 20
	headroom  = 1.5
)

// TuneGC sets the collector for a run whose largest input (both sides of a
// document) is largest bytes; a negative size (unknown: standard input)
// keeps Go's default percentage, as does a GOGC variable set by the user.
// Every run gets the soft memory limit that follows its live heap, unless
// GOMEMLIMIT is set.
func TuneGC(largest int64) {
	if os.Getenv("GOMEMLIMIT") == "" {
		followLiveHeap(heapFloor)
	}
	if os.Getenv("GOGC") != "" || largest < 0 || largest > smallInput {
		return
	}
	debug.SetGCPercent(smallGCPercent)
}

var (
	follow     sync.Once
	limitFloor atomic.Int64
)

// followLiveHeap sets the soft memory limit to floor and, after every
// collection from now on, to headroom times the live heap when that is
// more (a later call changes the floor).
func followLiveHeap(floor int64) {
	limitFloor.Store(floor)
	debug.SetMemoryLimit(floor)
	follow.Do(func() {
		gcwatch.Notify(func(live uint64) {
			debug.SetMemoryLimit(max(limitFloor.Load(), int64(float64(live)*headroom)))
		})
	})
}
