package checks

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/internal/testref"
)

// TestLengthOutliersListFact: the outliers the length check and
// lengthOutliersFact share, found once a run, are those lengthOutliers
// finds by the length check's options, whichever check's pass asks first
// (the numbers check's has options of its own), with the default options
// and with looser ones that make many pairs of the reference document
// outliers.
func TestLengthOutliersListFact(t *testing.T) {
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	base := pairsPass(t, pairs)
	loose := DefaultSettings()
	loose.Options["length.z"] = 1
	loose.Options["length.min-deviation"] = 0.1
	loose.Options["length.min-zh"] = 5
	outliers := 0
	for _, set := range []*Settings{DefaultSettings(), loose} {
		want := lengthOutliers(&Pass{Check: Length, Doc: base.Doc, Align: base.Align, Settings: set})
		outliers += len(want)
		for _, c := range []*Check{Numbers, Length} {
			p := &Pass{Check: c, Doc: base.Doc, Align: base.Align, Settings: set, facts: facts{}}
			require.Equal(t, want, Get(p, lengthOutliersListFact), "asked by %s", c.Name)
			byBead := Get(p, lengthOutliersFact)
			require.Len(t, byBead, len(want))
			for _, o := range want {
				require.Equal(t, o.rel, byBead[o.bead])
			}
		}
	}
	require.Greater(t, outliers, 3, "few outliers: the comparison tests little")
}
