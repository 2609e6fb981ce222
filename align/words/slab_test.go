package words

import (
	"math/rand/v2"
	"slices"
	"testing"
	"unsafe"

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

// TestSlabHandOn cuts slices for owners from one slab (makeFor), then, as
// the model's pruning does, hands on the arrays of the owners up to one
// after another (handOn) to a second slab, cut from by make, copy and
// spare then take between the handings on; and checks that make's slices
// are zeroed, and that no slice still in use (of an owner not handed on,
// or of the second slab) is written over.
func TestSlabHandOn(t *testing.T) {
	reused := 0 // seeds whose second slab cut from an array handed on
	for seed := range uint64(100) {
		r := rand.New(rand.NewPCG(9, seed))
		var raw, dst slab[uint16]
		type cut struct {
			owner int // −1: of dst
			xs    []uint16
			want  []uint16
		}
		var cuts []cut
		owners := 1 + r.IntN(200)
		for o := range owners {
			n := r.IntN(60)
			if r.IntN(30) == 0 {
				n = r.IntN(20000)
			}
			xs := raw.makeFor(n, o)
			require.Len(t, xs, n)
			for k := range xs {
				require.Zero(t, xs[k])
				xs[k] = uint16(r.Uint32())
			}
			cuts = append(cuts, cut{o, xs, append([]uint16(nil), xs...)})
		}
		var arrays [][]uint16 // raw's, shared
		for _, o := range raw.owned {
			arrays = append(arrays, o.a)
		}
		handed := -1
		for handed < owners-1 {
			handed = min(owners-1, handed+1+r.IntN(5))
			raw.handOn(handed, &dst)
			for range 1 + r.IntN(4) {
				n := 1 + r.IntN(80)
				switch r.IntN(3) {
				case 0:
					xs := dst.make(n)
					for k, x := range xs {
						if x != 0 {
							t.Fatalf("seed %d: make(%d)[%d] = %d", seed, n, k, x)
						}
					}
					cuts = append(cuts, cut{-1, xs, make([]uint16, n)})
				case 1:
					src := make([]uint16, n)
					for k := range src {
						src[k] = uint16(r.Uint32())
					}
					cuts = append(cuts, cut{-1, dst.copy(src), src})
				default:
					free := dst.spare(n + 1)
					if free == nil {
						continue
					}
					for k := range n + 1 {
						free[k] = uint16(r.Uint32()) | 1
					}
					keep := r.IntN(n + 1)
					want := append([]uint16(nil), free[:keep]...)
					cuts = append(cuts, cut{-1, dst.take(keep, n+1), want})
				}
			}
			for k, c := range cuts {
				if c.owner >= 0 && c.owner <= handed {
					continue // no longer in use
				}
				for x := range c.want {
					if c.want[x] != c.xs[x] {
						t.Fatalf("seed %d cut %d (owner %d) [%d]: %d, want %d", seed, k, c.owner, x, c.xs[x], c.want[x])
					}
				}
			}
		}
		require.Empty(t, raw.owned, "seed %d", seed)
		if slices.ContainsFunc(cuts, func(c cut) bool {
			return c.owner < 0 && len(c.xs) > 0 && slices.ContainsFunc(arrays, func(a []uint16) bool {
				p, lo := uintptr(unsafe.Pointer(&c.xs[0])), uintptr(unsafe.Pointer(&a[0]))
				return p >= lo && p < lo+2*uintptr(len(a))
			})
		}) {
			reused++
		}
	}
	require.Greater(t, reused, 50)
}
