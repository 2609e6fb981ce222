package words

import "unsafe"

// slab hands out slices cut from a few large arrays. The pairs of a
// document keep many short slices for as long as the checks run (each
// pair's tokens, links, strengths): cut from a slab, they cost neither an
// allocation each nor the rounding up to the allocator's size classes
// (a fifth of the tokens, when each pair's were allocated alone). The
// slices are capped at their length, so that appending to one copies it
// instead of writing over the next. Arrays grow from a few hundred
// elements to slabBytes, so that a document of a few sentences takes
// little.
type slab[T any] struct {
	free []T // what is left of the current array
	next int // elements of the next array
}

// slabBytes is the size an array of a slab grows to.
const slabBytes = 64 << 10

// make returns a zeroed slice of n elements; nil when n is 0.
func (s *slab[T]) make(n int) []T {
	if n == 0 {
		return nil
	}
	if len(s.free) < n {
		var zero T
		most := max(256, slabBytes/max(1, int(unsafe.Sizeof(zero))))
		if n > most/4 {
			// big: an array of its own, rather than leave much of
			// the current one unused
			return make([]T, n)
		}
		s.next = max(n, min(2*s.next, most), 256)
		s.free = make([]T, s.next)
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	return out
}

// copy returns a copy of xs cut from the slab; nil when xs is empty.
func (s *slab[T]) copy(xs []T) []T {
	out := s.make(len(xs))
	copy(out, xs)
	return out
}
