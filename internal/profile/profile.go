// Package profile writes the CPU and memory profiles of a run
// (--cpuprofile, --memprofile), so that anyone can see where a slow or
// large check spends its time and memory (go tool pprof FILE).
package profile

import (
	"fmt"
	"os"
	"runtime"
	"runtime/pprof"
)

// Files are the profiles of a run: CPU and memory ("" for none).
type Files struct {
	CPU, Mem string
	cpuFile  *os.File
}

// Start begins the CPU profile, if asked for.
func (p *Files) Start() error {
	if p.CPU == "" {
		return nil
	}
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
// over the whole run, and what is live at its end), if asked for.
func (p *Files) Stop() error {
	if p.cpuFile != nil {
		pprof.StopCPUProfile()
		err := p.cpuFile.Close()
		p.cpuFile = nil
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
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
