package words

// segCells and sweep are how eStep laid out the cells before segNorms
// added them up as it swept them: the tests' reference for the cells'
// words and weights (as stored, float32), row by row: s.j and s.w, or,
// before they are stored, worked out into js and ws, grown as needed.

func (md *model) segCells(s *seg, js []uint16, ws []float32) ([]uint16, []float32) {
	if md.weighed {
		return s.j, s.w
	}
	m, n := len(s.zh), len(s.en)
	cells := int(s.rowEnd[m-1])
	js, ws = grow(js, cells+1), grow(ws, cells+1)
	width := md.width(m, n)
	b := md.band(m, n)
	back, step := b.back, b.step
	enPunct := s.enPunct
	starts := md.rowStarts(s)
	c := 0
	for i, punct := range s.zhPunct {
		lo := s.lo(i)
		w, cross := starts[2*i], (i+1)*n/m
		end := lo + width
		mid := min(max(cross, lo), end)
		c, w = sweep(enPunct[lo:mid], punct, 0, js, ws, c, w, back)
		if mid < end && mid > lo {
			// mid is cross
			w = starts[2*i+1]
		}
		c, _ = sweep(enPunct[mid:end], punct, mid-lo, js, ws, c, w, step)
	}
	return js[:cells], ws[:cells]
}

// sweep lays out the columns of a run of a row's band on one side of
// the diagonal, whose punctuation enPunct gives, the first off columns
// past the row's lo: each column's offset from lo and weight (w, then w·f,
// w·f², …) are written at js[c] and ws[c], and c moves on past the cells,
// the columns whose punctuation is punct. It returns c and the weight of
// the column after the run.
//
//go:noinline
func sweep(enPunct []bool, punct bool, off int, js []uint16, ws []float32, c int, w, f float64) (int, float64) {
	ws = ws[:len(js)] // one bounds check a column, not two
	for k, p := range enPunct {
		js[c], ws[c] = uint16(off+k), float32(w)
		if p == punct {
			c++
		}
		w *= f
	}
	return c, w
}
