// Package profile writes the CPU and memory profiles of a run
// (--cpuprofile, --memprofile, --memprofile-peak), so that anyone can see
// where a slow or large check spends its time and memory (go tool pprof
// FILE).
package profile

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
	"sync"

	"github.com/aligncheck/aligncheck/internal/gcwatch"
)

// Files are the profiles of a run: CPU, memory, and the heap at its peak
// ("" for none).
type Files struct {
	CPU, Mem, Peak string
	cpuFile        *os.File
	peakFile       *os.File
	peak           *peakHeap
}

// Flags registers --cpuprofile, --memprofile and --memprofile-peak on fs,
// writing their values into p.
func (p *Files) Flags(fs *flag.FlagSet) {
	fs.StringVar(&p.CPU, "cpuprofile", "", "write a CPU profile of the run to `file` (go tool pprof)")
	fs.StringVar(&p.Mem, "memprofile", "", "write a memory profile of the run to `file` (go tool pprof: allocations, and the heap live at the end)")
	fs.StringVar(&p.Peak, "memprofile-peak", "", "write the heap profile at the run's peak (after the collection that found the most live data) to `file` (go tool pprof)")
}

// peakHeap keeps the heap profile of the collection that found the most
// live data so far. The end of a run shows what stays (the document, the
// findings), not what came and went on the way (the word alignment's
// model, gone by the end, was most of the peak of a 50,000-pair
// document).
type peakHeap struct {
	mu   sync.Mutex
	done bool
	live uint64 // live bytes at the collection prof shows
	prof []byte
	// want, when not 0, is a new peak found by the last collection: the
	// runtime publishes the heap profile of a collection at the end of
	// the next one, so the profile is taken then.
	want uint64
}

// observe runs after each collection (gcwatch).
func (h *peakHeap) observe(live uint64) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.done {
		return
	}
	if h.want != 0 {
		var buf bytes.Buffer
		if pprof.Lookup("heap").WriteTo(&buf, 0) == nil {
			h.live, h.prof = h.want, buf.Bytes()
		}
		h.want = 0
	}
	if live > h.live {
		h.want = live
	}
}

// Start begins the CPU profile and the watch for the heap's peak, if
// asked for.
func (p *Files) Start() error {
	if p.Peak != "" && p.peak == nil {
		f, err := os.Create(p.Peak)
		if err != nil {
			return fmt.Errorf("--memprofile-peak: %w", err)
		}
		p.peakFile = f
		p.peak = &peakHeap{}
		gcwatch.Notify(p.peak.observe)
	}
	if p.CPU == "" {
		return nil
	}
	err := p.startCPU()
	if err != nil && p.peakFile != nil {
		p.peakFile.Close()
		p.peakFile = nil
	}
	return err
}

func (p *Files) startCPU() error {
	f, err := os.Create(p.CPU)
	if err != nil {
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return fmt.Errorf("--cpuprofile: %w", err)
	}
	p.cpuFile = f
	return nil
}

// Stop ends the CPU profile and writes the heap profile (allocations
// over the whole run, and what is live at its end) and the heap profile
// at the peak, if asked for.
func (p *Files) Stop() error {
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		err := p.cpuFile.Close()
		p.cpuFile = nil
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
	}
	if p.peakFile != nil {
		p.peak.mu.Lock()
		p.peak.done = true
		prof := p.peak.prof
		p.peak.mu.Unlock()
		err := writePeak(p.peakFile, prof)
		if cerr := p.peakFile.Close(); err == nil {
			err = cerr
		}
		p.peakFile = nil
		if err != nil {
			return fmt.Errorf("--memprofile-peak: %w", err)
		}
	}
	if p.Mem == "" {
		return nil
	}
	f, err := os.Create(p.Mem)
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	runtime.GC() // the live heap as of the end of the run
	err = pprof.Lookup("allocs").WriteTo(f, 0)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("--memprofile: %w", err)
	}
	return nil
}

// writePeak writes the peak's heap profile to f; prof nil (the run ended
// before any collection) writes the heap live at the end.
func writePeak(f *os.File, prof []byte) error {
	if prof == nil {
		runtime.GC()
		return pprof.Lookup("heap").WriteTo(f, 0)
	}
	_, err := f.Write(prof)
	return err
}
