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
	// dirty is how many elements at the start of free a caller of spare
	// may have written: make clears them before it hands them out.
	dirty int
}

// slabBytes is the size an array of a slab grows to.
const slabBytes = 64 << 10

// make returns a zeroed slice of n elements; nil when n is 0.
func (s *slab[T]) make(n int) []T {
	if n == 0 {
		return nil
	}
	if s.dirty > 0 && len(s.free) >= n {
		clear(s.free[:min(n, s.dirty)])
	}
	return s.cut(n)
}

// cut returns a slice of n elements (n > 0), their values those left in
// the array: zero unless written through spare.
func (s *slab[T]) cut(n int) []T {
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
		s.dirty = 0
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	s.dirty = max(0, s.dirty-n)
	return out
}

// copy returns a copy of xs cut from the slab; nil when xs is empty.
func (s *slab[T]) copy(xs []T) []T {
	if len(xs) == 0 {
		return nil
	}
	out := s.cut(len(xs))
	copy(out, xs)
	return out
}

// spare returns what is left of the slab's current array when it holds
// at least n elements, else nil: a caller that writes a slice of at most
// n elements into it and then takes it (take) saves copying it there.
// Nothing is cut from the slab until take.
func (s *slab[T]) spare(n int) []T {
	if len(s.free) < n {
		return nil
	}
	return s.free
}

// take cuts the first n elements of what spare returned (n > 0), the
// caller having written the first written of them (written ≥ n): those
// past n are cleared before make hands them out. nil when n is 0.
func (s *slab[T]) take(n, written int) []T {
	var out []T
	if n > 0 {
		out = s.free[:n:n]
	}
	s.free = s.free[n:]
	s.dirty = max(s.dirty, written) - n
	return out
}
