// Package gcwatch calls functions at the end of every garbage collection
// with the heap then live: the driver's soft memory limit follows it, and
// --memprofile keeps the heap profile of its peak.
package gcwatch

import (
	"runtime"
	"runtime/metrics"
	"sync"
)

var (
	mu    sync.Mutex
	funcs []func(live uint64)
	start sync.Once
)

// Notify calls f after every collection from now on, on one goroutine
// (the runtime's finalizer goroutine: f must be quick and must not wait
// for the program), with the bytes of heap the collection found live.
func Notify(f func(live uint64)) {
	mu.Lock()
	funcs = append(funcs, f)
	mu.Unlock()
	start.Do(arm)
}

// mark is an object nothing refers to: its finalizer runs after the
// collection that finds it unreachable. It holds a pointer so that it is
// never batched with other small objects (whose finalizers may not run).
type mark struct{ _ *int }

var liveSample = []metrics.Sample{{Name: "/gc/heap/live:bytes"}}

func arm() {
	runtime.SetFinalizer(&mark{}, func(*mark) {
		metrics.Read(liveSample)
		if liveSample[0].Value.Kind() == metrics.KindUint64 {
			live := liveSample[0].Value.Uint64()
			mu.Lock()
			fs := funcs
			mu.Unlock()
			for _, f := range fs {
				f(live)
			}
		}
		arm()
	})
}
