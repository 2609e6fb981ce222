package lang

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestSplitQuality joins the one-sentence-a-line files of the gold sets in
// ../shared/data (absent in a plain checkout: the test skips) and measures
// how many of the original sentence boundaries the splitters recover.
// The gold sentence splits are the corpora's own, not ours to match
// exactly: joined, their headings lose the line break that separated them,
// and they do not split at ；, where SplitZh does on purpose.
func TestSplitQuality(t *testing.T) {
	const dataDir = "../../../shared/data"
	if _, err := os.Stat(dataDir); err != nil {
		t.Skip("shared data not present")
	}
	type set struct {
		name  string
		glob  string
		zh    bool
		floor float64
	}
	for _, s := range []set{
		// Floors a little under the F1 measured when they were set.
		{"mac-dev zh", "mac-dev/zh/*", true, 0.96},               // 0.982
		{"mac-dev en", "mac-dev/en/*", false, 0.97},              // 0.992
		{"pol zh", "aligner-eval-nonlit/pol/src/*", true, 0.93},  // 0.951 (；)
		{"pol en", "aligner-eval-nonlit/pol/tgt/*", false, 0.96}, // 0.978 (headings)
		{"aca en", "aligner-eval-nonlit/aca/src/*", false, 0.95}, // 0.973
		{"aca zh", "aligner-eval-nonlit/aca/tgt/*", true, 0.92},  // 0.941 (；)
		{"mag en", "aligner-eval-nonlit/mag/src/*", false, 0.96}, // 0.982
		{"mag zh", "aligner-eval-nonlit/mag/tgt/*", true, 0.96},  // 0.982
	} {
		files, _ := filepath.Glob(filepath.Join(dataDir, s.glob))
		var gold, found, extra, total int
		for _, f := range files {
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(strings.TrimRight(string(b), "\n"), "\n")
			sep := " "
			if s.zh {
				sep = ""
			}
			var text strings.Builder
			want := map[int]bool{}
			for i, l := range lines {
				if i > 0 {
					text.WriteString(sep)
				}
				text.WriteString(strings.TrimSpace(l))
				want[text.Len()] = true
			}
			var spans []Span
			if s.zh {
				spans = SplitZh(text.String())
			} else {
				spans = SplitEn(text.String())
			}
			gold += len(lines)
			total += len(spans)
			got := map[int]bool{}
			for _, sp := range spans {
				got[sp.End] = true
				if want[sp.End] {
					found++
				} else {
					extra++
					if os.Getenv("SPLITDEBUG") == s.name {
						t.Logf("extra: %q", around(text.String(), sp.End))
					}
				}
			}
			if os.Getenv("SPLITDEBUG") == s.name {
				for k := range want {
					if !got[k] {
						t.Logf("missed: %q", around(text.String(), k))
					}
				}
			}
		}
		if gold == 0 {
			continue
		}
		r, p := float64(found)/float64(gold), float64(found)/float64(total)
		t.Logf("%-11s sentences %5d  boundaries recovered %.3f  precision %.3f", s.name, gold, r, p)
		if f1 := 2 * p * r / (p + r); f1 < s.floor {
			t.Errorf("%s: F1 %.3f below %.2f", s.name, f1, s.floor)
		}
	}
}

func around(s string, i int) string {
	a, b := max(0, i-24), min(len(s), i+12)
	for a > 0 && !utf8.RuneStart(s[a]) {
		a--
	}
	for b < len(s) && !utf8.RuneStart(s[b]) {
		b++
	}
	return s[a:i] + "|" + s[i:b]
}
