package checks

import (
	"testing"

	"github.com/aligncheck/aligncheck/align"
)

// TestMayHaveURL: the pre-test that lets nameItems skip the URL expression
// must accept every text the expression could match.
func TestMayHaveURL(t *testing.T) {
	for s, want := range map[string]bool{
		"see www.csis.org": true, "见WWW.GOV.CN。": true, "Www.x": true, "www.": true,
		"www": false, "http://x": true, "ww.x": false, "a.b.c": false, "": false, "w.ww.x": false,
	} {
		if got := align.MayHaveURL(s); got != want {
			t.Errorf("MayHaveURL(%q) = %v, want %v", s, got, want)
		}
		if urlRe.MatchString(s) && !align.MayHaveURL(s) {
			t.Errorf("%q: the URL expression matches but the pre-test says no", s)
		}
	}
}
