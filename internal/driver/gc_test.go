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

// TestPercentWithin: a heap may grow to five times its live data within
// the room it holds, and beyond that room only at Go's default pace.
func TestPercentWithin(t *testing.T) {
	const mb = 1 << 20
	for _, c := range []struct {
		live, room uint64
		want       int
	}{
		{10 * mb, 10 * mb, driver.NewRoomPercent}, // no room to spare
		{10 * mb, 20 * mb, driver.NewRoomPercent}, // room for Go's default
		{10 * mb, 30 * mb, 200},
		{10 * mb, 45 * mb, 350},
		{10 * mb, 50 * mb, driver.SmallGCPercent},
		{10 * mb, 500 * mb, driver.SmallGCPercent},
		{0, 0, driver.SmallGCPercent}, // nothing live: the percentage does not matter
	} {
		if got := driver.PercentWithin(c.live, c.room); got != c.want {
			t.Errorf("PercentWithin(%d MB live, %d MB room) = %d, want %d", c.live/mb, c.room/mb, got, c.want)
		}
	}
	last := 0
	for room := uint64(0); room <= 100*mb; room += mb / 4 {
		p := driver.PercentWithin(10*mb, room)
		if p < last || p < driver.NewRoomPercent || p > driver.SmallGCPercent {
			t.Fatalf("PercentWithin(10 MB live, %d bytes room) = %d after %d: want it rising within [%d, %d]",
				room, p, last, driver.NewRoomPercent, driver.SmallGCPercent)
		}
		last = p
	}
}

// TestGrowWithinRoomSetsPercent: after a collection, the percentage is the
// one percentWithin gives, whatever it was before; once stopped, the
// percentage stays as it is set.
func TestGrowWithinRoomSetsPercent(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(1000))
	stop := driver.GrowWithinRoom()
	set := false
	for range 100 {
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
		p := debug.SetGCPercent(1000)
		if p >= driver.NewRoomPercent && p <= driver.SmallGCPercent {
			set = true
			break
		}
	}
	stop()
	if !set {
		t.Fatal("the collector's percentage stayed 1000 after collections; want it set within [100, 400]")
	}
	// a callback already past its test may still set the percentage once
	runtime.GC()
	time.Sleep(20 * time.Millisecond)
	debug.SetGCPercent(1000)
	for range 3 {
		runtime.GC()
		time.Sleep(20 * time.Millisecond)
	}
	if p := debug.SetGCPercent(1000); p != 1000 {
		t.Fatalf("the percentage is %d after stop, want the 1000 set", p)
	}
}
