// Package progress draws the command line's progress bar.
package progress

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"golang.org/x/term"
)

// Bar draws a one-line progress bar on a terminal: documents done, rate
// and time left. It stays silent for the first second, so short runs print
// nothing, and clears its line when the run ends. A nil *Bar does nothing.
type Bar struct {
	w     io.Writer
	total int
	now   func() time.Time
	delay time.Duration

	mu    sync.Mutex
	done  int
	start time.Time
	shown bool
	quit  chan struct{}
	once  sync.Once
	wg    sync.WaitGroup
}

// New starts a progress bar on stderr when it is a terminal and the run
// has more than one document; otherwise it returns nil.
func New(stderr io.Writer, total int, quiet bool) *Bar {
	if quiet || total < 2 || !isTerminal(stderr) {
		return nil
	}
	p := &Bar{w: stderr, total: total, now: time.Now, delay: time.Second}
	p.begin(200 * time.Millisecond)
	return p
}

// isTerminal reports whether w is a terminal that can redraw a line.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("TERM") == "dumb" {
		return false
	}
	return term.IsTerminal(int(f.Fd()))
}

func (p *Bar) begin(every time.Duration) {
	p.start = p.now()
	p.quit = make(chan struct{})
	p.wg.Add(1)
	go func() {
		defer p.wg.Done()
		t := time.NewTicker(every)
		defer t.Stop()
		for {
			select {
			case <-p.quit:
				return
			case <-t.C:
				p.draw()
			}
		}
	}()
}

// Step counts one more document done.
func (p *Bar) Step() { p.add(1) }

func (p *Bar) add(n int) {
	if p == nil {
		return
	}
	p.mu.Lock()
	p.done += n
	p.mu.Unlock()
}

func (p *Bar) draw() {
	p.mu.Lock()
	defer p.mu.Unlock()
	el := p.now().Sub(p.start)
	if el < p.delay {
		return
	}
	p.shown = true
	fmt.Fprintf(p.w, "\r%s\x1b[K", p.line(el))
}

// line renders the bar: "[=====>    ]  57/200 documents  3.1/s  ETA 0:46".
func (p *Bar) line(el time.Duration) string {
	const width = 24
	filled := 0
	if p.total > 0 {
		filled = p.done * width / p.total
	}
	bar := strings.Repeat("=", filled)
	if filled < width {
		bar += ">" + strings.Repeat(" ", width-filled-1)
	}
	s := fmt.Sprintf("[%s] %d/%d documents", bar, p.done, p.total)
	if secs := el.Seconds(); secs > 0 && p.done > 0 {
		rate := float64(p.done) / secs
		left := time.Duration(float64(p.total-p.done) / rate * float64(time.Second))
		s += fmt.Sprintf("  %.1f/s  ETA %s", rate, clock(left))
	}
	return s
}

func clock(d time.Duration) string {
	s := int(d.Round(time.Second).Seconds())
	if s >= 3600 {
		return fmt.Sprintf("%d:%02d:%02d", s/3600, s/60%60, s%60)
	}
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// Stop ends the bar and clears its line; later calls do nothing.
func (p *Bar) Stop() {
	if p == nil {
		return
	}
	p.once.Do(func() { close(p.quit) })
	p.wg.Wait()
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.shown {
		fmt.Fprint(p.w, "\r\x1b[K")
	}
}
