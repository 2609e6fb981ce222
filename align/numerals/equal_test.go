package numerals

import (
	"math/rand"
	"testing"

	"github.com/stretchr/testify/require"
)

// equalBefore is Equal as it was before numbers without a unit, or of one
// unit, were let go without siEqual's lookups.
func equalBefore(a, b Number) bool {
	fa, fb := familyOf(a.Kind), familyOf(b.Kind)
	if fa == famDate && fb == famCount {
		return dayOnly(a, b.Value)
	}
	if fb == famDate && fa == famCount {
		return dayOnly(b, a.Value)
	}
	if fa == famFraction && fb == famPercent || fa == famPercent && fb == famFraction {
		sa, sb := percentScale(a), percentScale(b)
		return closeTo(a.Value*sa, b.Value*sb) && closeTo(hi(a)*sa, hi(b)*sb)
	}
	if fa != fb {
		return false
	}
	if fa == famDate {
		return datesEqual(a.Date, b.Date)
	}
	if a.Approx == ApproxMany && b.Approx == ApproxMany {
		return magnitude(a.Value) == magnitude(b.Value)
	}
	if closeTo(a.Value, b.Value) && closeTo(hi(a), hi(b)) {
		return true
	}
	return siEqual(a, b)
}

// TestEqualWithoutUnits: no unit of unitTable is "", and Equal answers as
// before on random pairs of numbers of every kind, with and without
// units, among them the same quantities in different units.
func TestEqualWithoutUnits(t *testing.T) {
	_, ok := unitTable[""]
	require.False(t, ok)
	units := append(mapKeys(unitTable), "", "", "", "zz")
	rng := rand.New(rand.NewSource(18))
	values := []float64{0, 1, 2, 5, 8, 12, 100, 1000, 1609.344, 5000, 1e4 / 15, 0.5, 98.62}
	approx := []string{"", "", ApproxMore, ApproxAbout, ApproxMany}
	number := func() Number {
		n := Number{Kind: Kind(rng.Intn(int(KindID) + 1)), Unit: units[rng.Intn(len(units))], Approx: approx[rng.Intn(len(approx))]}
		n.Value = values[rng.Intn(len(values))]
		if u, ok := unitTable[n.Unit]; ok && rng.Intn(2) == 0 {
			n.Value /= u.si // the same quantity in this unit
		}
		n.Hi = n.Value
		if rng.Intn(4) == 0 {
			n.Hi = n.Value * 2
		}
		if n.Kind == KindDate {
			n.Date = &Date{Day: rng.Intn(3)}
		}
		return n
	}
	equalSeen := 0
	for range 200000 {
		a, b := number(), number()
		want := equalBefore(a, b)
		require.Equal(t, want, Equal(a, b), "%+v %+v", a, b)
		if want && a.Unit != "" && b.Unit != "" && a.Unit != b.Unit {
			equalSeen++
		}
	}
	require.Greater(t, equalSeen, 100) // siEqual's yes is reached
}
