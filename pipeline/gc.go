package pipeline

import (
	"os"
	"runtime/debug"
)

// The collector's settings for a run of the pipeline. Checking allocates
// many short-lived objects (tokens, candidate beads, findings) around a
// small live heap, so Go's default (collect when the heap has doubled)
// spends a fifth of the CPU time in the collector and in returning pages
// to the system that are wanted again a moment later. Letting the heap grow
// to five times the live data before collecting halves that; the soft limit
// makes the collector work harder instead when a very large input brings
// the heap near it, so peak memory stays bounded.
const (
	gcPercent   = 400
	memoryLimit = 768 << 20
)

// TuneGC applies those settings to the process, unless the user chose
// their own with the GOGC or GOMEMLIMIT environment variables.
func TuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit)
	}
}
