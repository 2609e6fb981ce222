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
//
// A slab's arrays can also go on to another slab once nothing cut from
// them is used any more (makeFor, handOn), for it to cut from before it
// makes arrays of its own: the model's cells, cut for each seg before
// training and copied to arrays of their own as the seg is pruned, leave
// their arrays behind seg after seg, and the cells kept are cut from
// these rather than from new arrays, whose pages are fresh (a fault
// each: 17 MB, some 4,000 faults, in the generated 5,000-pair document).
type slab[T any] struct {
	free []T // what is left of the current array
	cur  []T // the current array, whole
	next int // elements of the next array
	// dirty is how many elements at the start of free a caller of spare
	// may have written, or a slab they were handed on from (handOn):
	// make clears them before it hands them out.
	dirty int
	// owned are the arrays makeFor has cut from and handOn not handed
	// on yet, oldest first, each with the last owner it cut for.
	owned []ownedArray[T]
	// spent are the arrays handed on to this slab, which it cuts from
	// before it makes new ones.
	spent [][]T
}

// ownedArray is an array of a slab and the last owner makeFor cut from it
// for.
type ownedArray[T any] struct {
	a    []T
	last int
}

// slabBytes is the size an array of a slab grows to.
const slabBytes = 64 << 10

// make returns a zeroed slice of n elements; nil when n is 0.
func (s *slab[T]) make(n int) []T {
	if n == 0 {
		return nil
	}
	if own := s.fit(n); own != nil {
		return own
	}
	if s.dirty > 0 {
		clear(s.free[:min(n, s.dirty)])
	}
	return s.cut(n)
}

// cut returns a slice of n elements (n > 0), their values those left in
// the array: zero unless written through spare, or before the array was
// handed on to s.
func (s *slab[T]) cut(n int) []T {
	if own := s.fit(n); own != nil {
		return own
	}
	out := s.free[:n:n]
	s.free = s.free[n:]
	s.dirty = max(0, s.dirty-n)
	return out
}

// fit makes room for n elements (n > 0) in free, moving on to an array
// handed on to s or a new one if the current one has not that many
// left; or, when n is too big to share an array, returns a new (zeroed)
// array of n elements of its own, rather than leave much of the current
// one unused.
func (s *slab[T]) fit(n int) []T {
	if len(s.free) >= n {
		return nil
	}
	var zero T
	most := max(256, slabBytes/max(1, int(unsafe.Sizeof(zero))))
	if n > most/4 {
		return make([]T, n)
	}
	if s.free = s.reuse(n); s.free != nil {
		s.dirty = len(s.free) // written for the slab it came from
	} else {
		s.next = max(n, min(2*s.next, most), 256)
		s.free, s.dirty = make([]T, s.next), 0
	}
	s.cur = s.free
	return nil
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

// reuse returns an array handed on to s (spent) of at least n elements,
// or nil when there is none; those too short are let go.
func (s *slab[T]) reuse(n int) []T {
	for len(s.spent) > 0 {
		a := s.spent[len(s.spent)-1]
		s.spent[len(s.spent)-1] = nil
		s.spent = s.spent[:len(s.spent)-1]
		if len(a) >= n {
			return a
		}
	}
	return nil
}

// makeFor is make for owner: owners are numbers that do not decrease from
// one call to the next, and handOn(owner) hands on the arrays that only
// owners up to owner hold slices of. The slab must be cut from by makeFor
// alone.
func (s *slab[T]) makeFor(n, owner int) []T {
	out := s.make(n)
	if n == 0 || len(s.cur) == 0 {
		return out
	}
	if k := len(s.owned) - 1; k >= 0 && &s.owned[k].a[0] == &s.cur[0] {
		// (also when out has an array of its own, too big to share
		// one: the current array is then held a while longer)
		s.owned[k].last = owner
	} else {
		s.owned = append(s.owned, ownedArray[T]{s.cur, owner})
	}
	return out
}

// handOn hands the arrays of s that only owners up to owner hold slices
// of (makeFor) on to the slab to, for it to cut from: the caller no
// longer uses them.
func (s *slab[T]) handOn(owner int, to *slab[T]) {
	k := 0
	for ; k < len(s.owned) && s.owned[k].last <= owner; k++ {
		a := s.owned[k].a
		if len(s.cur) > 0 && &a[0] == &s.cur[0] {
			s.free, s.cur = nil, nil
		}
		to.spent = append(to.spent, a)
		s.owned[k] = ownedArray[T]{} // not held here any more
	}
	s.owned = s.owned[k:]
}
