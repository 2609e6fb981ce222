package driver

import (
	"os"
	"runtime/debug"
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

// largeHeapLimit is the soft memory limit of a run over a large input.
// Its live heap is large and short-lived tables come and go around it (the
// sentence aligner's pair table, rebuilt for each band), so with the
// default the heap, and the process, reached twice the live data: one
// paragraph of 5 MB a side, 322 MB live, 814 MB resident; with this limit
// 538 MB, for the same CPU time. A live heap beyond it is not refused: the
// collector then runs more often, up to the half of the CPU time Go allows
// it under a limit.
const largeHeapLimit = 512 << 20

// TuneGC sets the collector for a run whose largest input (both sides of a
// document) is largest bytes; a negative size (unknown: standard input)
// keeps Go's default, as does a GOGC variable set by the user. A large
// input gets a soft memory limit unless GOMEMLIMIT is set.
func TuneGC(largest int64) {
	if largest > smallInput && os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(largeHeapLimit)
	}
	if os.Getenv("GOGC") != "" || largest < 0 || largest > smallInput {
		return
	}
	debug.SetGCPercent(smallGCPercent)
}
