package driver

import (
	"os"
	"runtime/debug"
	"runtime/metrics"
	"sync"
	"sync/atomic"

	"github.com/aligncheck/aligncheck/internal/gcwatch"
)

// Checking allocates many short-lived objects (tokens, candidate beads,
// findings) around a small live heap, so Go's default (collect when the
// heap has doubled) collects often: 156 official documents in one run
// took 6.7 s of CPU with it and 5.5 s with GOGC 400, which lets the heap
// grow to five times the live data (179 collections against 36).
//
// But room that is new costs too: each page (4 KB) the heap has not used
// before is a page fault, about 7 µs on the development machine (a
// virtual machine), as long as the collector takes to mark some 60 KB of
// this program's live heap (a collection of 46 MB live took 5 ms of CPU).
// One document checked cold grows its heap all the way, so five times the
// live data is mostly new pages: a 5,000-pair two-file document (2.5 MB)
// took 48,000 faults and 1.85 s of CPU with GOGC 400, 30,000 and 1.69 s
// with 150, 27,000 and 1.73 s with 100. So a small run lets the heap grow
// to five times the live data only within the memory the heap already
// holds from the system, and beyond that at Go's default pace (twice the
// live data): a run over many documents reuses its room, and one document
// makes no more of it than it needs.
//
// A large input keeps Go's default throughout: its live heap is large,
// and five times it would break the memory bounds (a windowed 20 MB
// memory's 130 MB live heap would peak near 400 MB).
const (
	smallGCPercent = 400     // within the room the heap holds
	newRoomPercent = 100     // beyond it: Go's default
	smallInput     = 4 << 20 // bytes of the largest input of a run
)

// The soft memory limit of a run is a floor, or headroom times the heap
// live after the last collection when that is more; it follows the live
// heap from one collection to the next. The floor is 256 MiB for every
// input. (Large inputs had 512 MiB, the fixed limit they had before the
// limit followed the live heap; once the word tokens no longer held most
// of a long document's heap, that floor alone set the peak: a
// 50,000-pair two-file document, about 300 MB live at its peak, used 532
// MB resident with it and 453 MB with 256 MiB, for 1 % more CPU; a 20 MB
// translation memory 269 against 262 MB. One paragraph of 5 MB a side,
// 322 MB live, is bounded by its headroom either way.)
//
// Why a limit for small inputs too: a small input can still hold a large
// live heap (the word alignment's tables), and five times it is a lot: a
// 5,000-pair two-file document (2.5 MB) peaked at 510–590 MB resident with
// about 110 MB live. Why it follows the live heap: a fixed limit below
// the live data makes the collector run back to back (Go lets it take up
// to half the CPU time under a limit) without freeing anything; a
// 50,000-pair document, 1.5–2 GB live, took 179 s of CPU under the fixed
// 512 MiB and 78 s without a limit. Half the live heap again of room keeps
// the collections at most about twice as frequent as Go's default.
const (
	heapFloor = 256 << 20
	headroom  = 1.5
)

// TuneGC sets the collector for a run whose largest input (both sides of a
// document) is largest bytes; a negative size (unknown: standard input)
// keeps Go's default percentage, as does a GOGC variable set by the user;
// a small run's percentage follows the heap's room (growWithinRoom).
// Every run gets the soft memory limit that follows its live heap, unless
// GOMEMLIMIT is set.
func TuneGC(largest int64) {
	small := largest >= 0 && largest <= smallInput
	if os.Getenv("GOMEMLIMIT") == "" {
		followLiveHeap(heapFloor)
	}
	if os.Getenv("GOGC") != "" || !small {
		return
	}
	// Go's default until a collection has measured the room: the
	// percentage also scales the heap of the first collection (4 MB at
	// 100, 16 MB at 400), which would be new pages.
	debug.SetGCPercent(newRoomPercent)
	growWithinRoom()
}

var (
	within   sync.Once
	roomOn   atomic.Bool
	roomRead = []metrics.Sample{
		{Name: "/memory/classes/heap/objects:bytes"},
		{Name: "/memory/classes/heap/unused:bytes"},
		{Name: "/memory/classes/heap/free:bytes"},
	}
)

// growWithinRoom sets the collector's percentage after every collection
// from now on to percentWithin of the live heap and the heap's room then,
// until stop is called.
func growWithinRoom() (stop func()) {
	roomOn.Store(true)
	within.Do(func() {
		gcwatch.Notify(func(live uint64) {
			if !roomOn.Load() {
				return
			}
			metrics.Read(roomRead)
			var room uint64
			for _, s := range roomRead {
				if s.Value.Kind() == metrics.KindUint64 {
					room += s.Value.Uint64()
				}
			}
			debug.SetGCPercent(percentWithin(live, room))
		})
	})
	return func() { roomOn.Store(false) }
}

// percentWithin is the collector's percentage that lets a heap with live
// bytes live grow to the room it holds from the system (objects, free
// space within its spans, and free spans not yet returned), between Go's
// default (the heap grows beyond its room) and smallGCPercent.
//
// The goal is aimed at the room itself, though it lands above it: Go's
// goal adds the scanned stacks and globals times the percentage, the
// objects need their spans' unused space too, and the heap overshoots
// its goal while a collection marks, so the room creeps up in a long run
// (a test program holding 45 MB live: from 105 to 137 MB, and the
// percentage from 100 to 185, over 1,450 collections), towards the heap
// GOGC 400 gave. Aimed lower (a sixteenth less, and less the roots and
// the unused space), the heap fell below what Go's scavenger keeps for it
// (the goal and a tenth), which then returned pages that were wanted
// again: 156 documents in one run took 5.46 s against 4.97 s, with 40,300
// faults against 34,000.
func percentWithin(live, room uint64) int {
	if live == 0 || room >= live*(100+smallGCPercent)/100 {
		return smallGCPercent
	}
	if room <= live*(100+newRoomPercent)/100 {
		return newRoomPercent
	}
	return int((room - live) * 100 / live)
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
