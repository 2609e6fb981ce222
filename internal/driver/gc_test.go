package driver_test

import (
	"math"
	"runtime"
	"runtime/debug"
	"testing"
	"time"

	"github.com/aligncheck/aligncheck/internal/driver"
)

// TestLimitFollowsLiveHeap: once the live heap passes the floor, the soft
// memory limit rises with it after a collection (a fixed limit below the
// live data made the collector run back to back), and comes back to the
// floor when the data is let go.
func TestLimitFollowsLiveHeap(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	const floor = 4 << 20
	driver.FollowLiveHeap(floor)
	if got := debug.SetMemoryLimit(-1); got != floor {
		t.Fatalf("limit %d after FollowLiveHeap, want the floor %d", got, floor)
	}
	live := make([]byte, 32<<20)
	for i := range live {
		live[i] = byte(i)
	}
	want := int64(float64(len(live)) * driver.Headroom)
	if !limitReaches(func(l int64) bool { return l >= want }) {
		t.Fatalf("limit %d with %d bytes live, want at least %d", debug.SetMemoryLimit(-1), len(live), want)
	}
	runtime.KeepAlive(live)
	live = nil
	if !limitReaches(func(l int64) bool { return l == floor }) {
		t.Fatalf("limit %d once the data is gone, want the floor %d", debug.SetMemoryLimit(-1), floor)
	}
	driver.FollowLiveHeap(math.MaxInt64)
}

// limitReaches collects until the limit satisfies ok (the limit is set on
// the finalizer goroutine after a collection), for a few seconds at most.
func limitReaches(ok func(int64) bool) bool {
	for range 100 {
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
		if ok(debug.SetMemoryLimit(-1)) {
			return true
		}
	}
	return false
}
