package profile

import (
	"bytes"
	"os"
	"path/filepath"
	"runtime"
	"testing"
	"time"
)

// TestPeakKeepsTransientHeap: the peak profile is taken at the collection
// that found the most live data, here a table let go before the end of
// the run, which a profile of the end would not show.
func TestPeakKeepsTransientHeap(t *testing.T) {
	path := filepath.Join(t.TempDir(), "peak.prof")
	p := &Files{Peak: path}
	if err := p.Start(); err != nil {
		t.Fatal(err)
	}
	const size = 48 << 20
	table := make([]byte, size)
	for i := range table {
		table[i] = byte(i)
	}
	for k := 0; k < 100 && peakLive(p) < size; k++ {
		runtime.GC()
		time.Sleep(10 * time.Millisecond)
	}
	runtime.KeepAlive(table)
	table = nil
	runtime.GC()
	runtime.GC()
	if got := peakLive(p); got < size {
		t.Fatalf("peak live %d bytes, want at least the %d of the table", got, size)
	}
	if err := p.Stop(); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(b, []byte{0x1f, 0x8b}) { // a gzip-compressed profile
		t.Fatalf("%s is not a profile", path)
	}
	// after Stop the peak no longer moves
	before := peakLive(p)
	more := make([]byte, 2*size)
	runtime.GC()
	runtime.KeepAlive(more)
	time.Sleep(20 * time.Millisecond)
	if peakLive(p) != before {
		t.Fatal("the peak moved after Stop")
	}
}

func peakLive(p *Files) uint64 {
	p.peak.mu.Lock()
	defer p.peak.mu.Unlock()
	return p.peak.live
}
