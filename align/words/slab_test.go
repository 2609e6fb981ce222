package words

import (
	"math/rand/v2"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestSlabSpare cuts slices from a slab at random by make, copy and
// spare then take, writing garbage past what is taken as eStep does, and
// checks that make's slices are zeroed, copy's and take's hold what was
// written, and that none overlaps a slice cut before.
func TestSlabSpare(t *testing.T) {
	for seed := range uint64(200) {
		r := rand.New(rand.NewPCG(7, seed))
		var sl slab[uint16]
		type cut struct {
			xs   []uint16
			want []uint16
		}
		var cuts []cut
		for range 300 {
			n := r.IntN(40)
			if r.IntN(20) == 0 {
				n = r.IntN(20000) // at times one too big to share an array
			}
			switch r.IntN(3) {
			case 0:
				xs := sl.make(n)
				require.Len(t, xs, n)
				for k, x := range xs {
					if x != 0 {
						t.Fatalf("seed %d: make(%d)[%d] = %d", seed, n, k, x)
					}
				}
				cuts = append(cuts, cut{xs, make([]uint16, n)})
			case 1:
				src := make([]uint16, n)
				for k := range src {
					src[k] = uint16(r.Uint32())
				}
				xs := sl.copy(src)
				require.Equal(t, len(src), len(xs))
				cuts = append(cuts, cut{xs, src})
			default:
				free := sl.spare(n + 1)
				if free == nil {
					continue
				}
				// garbage in all n+1, then n kept at most
				for k := range n + 1 {
					free[k] = uint16(r.Uint32()) | 1
				}
				keep := r.IntN(n + 1)
				want := append([]uint16(nil), free[:keep]...)
				xs := sl.take(keep, n+1)
				require.Equal(t, keep, len(xs))
				if keep == 0 {
					require.Nil(t, xs)
				}
				cuts = append(cuts, cut{xs, want})
			}
		}
		// Nothing cut later wrote over a slice cut before.
		for k, c := range cuts {
			require.Equal(t, len(c.want), len(c.xs), "seed %d cut %d", seed, k)
			for x := range c.want {
				if c.want[x] != c.xs[x] {
					t.Fatalf("seed %d cut %d [%d]: %d, want %d", seed, k, x, c.xs[x], c.want[x])
				}
			}
		}
	}
}
