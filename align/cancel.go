package align

import (
	"context"
	"sync/atomic"
)

// stopper lets a context stop the aligner's dynamic programmes from
// inside their loops. The loops call poll, which is cheap: a counter, and
// a look at the context every stopEvery calls. When the context is done,
// poll panics with a stopped value that AlignContext recovers: the DP
// functions then need no error result, and a stop needs no check on every
// level between the innermost loop and the caller. poll is only ever
// called on the goroutine that called AlignContext (the DPs are
// sequential), so the panic cannot escape it.
type stopper struct {
	ctx context.Context
	n   atomic.Uint32
}

// stopEvery is how many polls pass between two looks at the context. The
// paragraph DP polls once per paired bead's cost (about a microsecond) and
// once per row for its null beads, the sentence DP once per row (a band's
// width of cells, some tens of microseconds), so a stop is seen within
// milliseconds either way (at 5,000 paragraph pairs the context is looked
// at every 1.5 ms or so), and the look itself (a mutex) is paid once in
// stopEvery polls.
const stopEvery = 256

// stopped carries the context's error from poll to AlignContext.
type stopped struct{ err error }

// poll panics with stopped when the context is done; nil polls nothing.
func (s *stopper) poll() {
	if s == nil || s.n.Add(1)%stopEvery != 0 {
		return
	}
	if err := s.ctx.Err(); err != nil {
		panic(stopped{err})
	}
}

// AlignContext is Align stopped early when ctx is done: it then returns
// nil and ctx's error. A server gives up a request that ran out of time
// this way, instead of leaving the work running after the answer.
func AlignContext(ctx context.Context, doc *Document, opt Options) (a *Alignment, err error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if ctx.Done() == nil { // never done: nothing to poll
		return Align(doc, opt), nil
	}
	opt.stop = &stopper{ctx: ctx}
	defer func() {
		if p := recover(); p != nil {
			s, ok := p.(stopped)
			if !ok {
				panic(p)
			}
			a, err = nil, s.err
		}
	}()
	return Align(doc, opt), nil
}
