package checks

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// renderingGroupsMaps is renderingGroups as it was, with a map of stems
// for each place: what TestRenderingGroupsSorted holds the sorted sets to.
func renderingGroupsMaps(obs []termObs) []*renderingGroup {
	sets := make([]map[string]bool, len(obs))
	for i, o := range obs {
		sets[i] = map[string]bool{}
		for _, w := range strings.Fields(o.key) {
			sets[i][w] = true
		}
	}
	subset := func(a, b map[string]bool) bool {
		for w := range a {
			if !b[w] {
				return false
			}
		}
		return true
	}
	same := func(a, b map[string]bool) bool { return len(a) == len(b) && subset(a, b) }
	var reps []int
	for i := range obs {
		maximal := true
		for j := range obs {
			if len(sets[j]) > len(sets[i]) && subset(sets[i], sets[j]) {
				maximal = false
				break
			}
		}
		if !maximal {
			continue
		}
		dup := false
		for _, r := range reps {
			if same(sets[r], sets[i]) {
				dup = true
				break
			}
		}
		if !dup {
			reps = append(reps, i)
		}
	}
	groups := make([]*renderingGroup, len(reps))
	for k, r := range reps {
		groups[k] = &renderingGroup{en: obs[r].enText()}
	}
	var order []*renderingGroup
	seen := map[*renderingGroup]bool{}
	for i, o := range obs {
		var g *renderingGroup
		holders := 0
		for k, r := range reps {
			if subset(sets[i], sets[r]) {
				g = groups[k]
				holders++
			}
		}
		if holders != 1 {
			continue
		}
		g.items = append(g.items, o)
		if !seen[g] {
			seen[g] = true
			order = append(order, g)
		}
	}
	return order
}

// TestRenderingGroupsSorted: the groups made with sorted sets of stems are
// those the maps made, on random renderings of a few stems (repeated,
// in any order, empty), shared keys or not.
func TestRenderingGroupsSorted(t *testing.T) {
	rng := rand.New(rand.NewPCG(18, 2))
	stems := []string{"china", "secur", "peac", "safeti", "reform", "draft", "industri", "tourism", "a"}
	for n := range 3000 {
		var shared []*termKeys
		obs := make([]termObs, 1+rng.IntN(12))
		for i := range obs {
			if len(shared) > 0 && rng.IntN(2) == 0 {
				obs[i].termKeys = shared[rng.IntN(len(shared))]
			} else {
				var ws []string
				for range rng.IntN(4) {
					ws = append(ws, stems[rng.IntN(1+n%len(stems))])
				}
				obs[i].termKeys = &termKeys{zh: "中国", key: strings.Join(ws, " ")}
				shared = append(shared, obs[i].termKeys)
			}
			obs[i].quote = &quotedForms{zh: "中国", en: fmt.Sprint("rendering ", i)}
		}
		want, got := renderingGroupsMaps(obs), renderingGroups(obs)
		require.Equal(t, len(want), len(got), "case %d", n)
		for k := range want {
			require.Equal(t, want[k].en, got[k].en, "case %d group %d", n, k)
			require.Equal(t, len(want[k].items), len(got[k].items), "case %d group %d", n, k)
			for m := range want[k].items {
				require.Same(t, want[k].items[m].quote, got[k].items[m].quote, "case %d group %d", n, k)
			}
		}
	}
}
