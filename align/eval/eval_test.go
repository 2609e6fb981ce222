package eval

import (
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// dataDir locates ../shared/data beside the repository, or skips the test.
func dataDir(t testing.TB) string {
	t.Helper()
	_, file, _, _ := runtime.Caller(0)
	dir := filepath.Join(filepath.Dir(file), "..", "..", "..", "shared", "data")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("no ../shared/data beside the repository")
	}
	return dir
}

func TestParseBead(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"[0,1]:[0]", "[0,1]:[0]"},
		{"[0, 1]:[0]", "[0,1]:[0]"},
		{"[5]:[]", "[5]:[]"},
		{"[]:[7]", "[]:[7]"},
		{" [3]:[4,5]:0.25 ", "[3]:[4,5]"},
	} {
		b, err := ParseBead(tc.in)
		if err != nil {
			t.Fatalf("ParseBead(%q): %v", tc.in, err)
		}
		if b.String() != tc.want {
			t.Errorf("ParseBead(%q) = %s, want %s", tc.in, b, tc.want)
		}
	}
	for _, bad := range []string{"", "[0]", "[a]:[1]", "[0]:[1", "0:1", "[0]:[1]x", "[-1]:[2]"} {
		if _, err := ParseBead(bad); err == nil {
			t.Errorf("ParseBead(%q): want an error", bad)
		}
	}
}

func TestScore(t *testing.T) {
	gold, _ := ReadBeads(strings.NewReader("[0]:[0]\n[1,2]:[1]\n[3]:[]\n[4]:[2,3]\n"))
	sys, _ := ReadBeads(strings.NewReader("[0]:[0]\n[2,1]:[1]\n[3]:[]\n[4]:[2]\n[]:[3]\n"))
	var s Score
	s.Add(sys, gold)
	if s.Match != 3 || s.Sys != 5 || s.Gold != 4 {
		t.Fatalf("counts %+v", s)
	}
	if s.NullSys != 2 || s.NullGold != 1 || s.NullMatch != 1 {
		t.Fatalf("null counts %+v", s)
	}
	if math.Abs(s.F1()-2*0.6*0.75/(0.6+0.75)) > 1e-12 {
		t.Errorf("F1 %v", s.F1())
	}
}

func TestMergeByVerse(t *testing.T) {
	sv := []string{"a", "a", "b", "c"}
	tv := []string{"a", "b", "b", "c", "c"}
	in := []Bead{{[]int{0}, []int{0}}, {[]int{1}, nil}, {[]int{2}, []int{1}}, {nil, []int{2}}, {[]int{3}, []int{3, 4}}}
	got := MergeByVerse(in, sv, tv)
	var s []string
	for _, b := range got {
		s = append(s, b.String())
	}
	if want := "[0,1]:[0] [2]:[1,2] [3]:[3,4]"; strings.Join(s, " ") != want {
		t.Errorf("got %s, want %s", strings.Join(s, " "), want)
	}
}

// TestScorerBertalign pins the scorer to the published figures: Bertalign's
// output on MAC-Dev scores P 0.909, R 0.911, F1 0.910 with the exact-match
// metric that keeps null beads.
func TestScorerBertalign(t *testing.T) {
	dir := filepath.Join(dataDir(t), "mac-dev")
	set, err := ReadSet(dir, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(set.Files) != 6 {
		t.Fatalf("%d files", len(set.Files))
	}
	var s Score
	for _, f := range set.Files {
		sys, err := ReadBeadsFile(filepath.Join(dir, "auto-bertalign", f.Name+".align"))
		if err != nil {
			t.Fatal(err)
		}
		s.Add(sys, f.Gold)
	}
	r3 := func(x float64) float64 { return math.Round(x*1000) / 1000 }
	if r3(s.Precision()) != 0.909 || r3(s.Recall()) != 0.911 || r3(s.F1()) != 0.910 {
		t.Errorf("P %.4f R %.4f F1 %.4f, want 0.909 0.911 0.910", s.Precision(), s.Recall(), s.F1())
	}
}

func TestReadSetDirections(t *testing.T) {
	d := dataDir(t)
	set, err := ReadSet(filepath.Join(d, "aligner-eval-nonlit", "aca"), false)
	if err != nil {
		t.Fatal(err)
	}
	if !set.Files[0].SrcIsEnglish() {
		t.Error("aca: want English source")
	}
	set, err = ReadSet(filepath.Join(d, "bible-en-zh"), true)
	if err != nil {
		t.Fatal(err)
	}
	if !set.Files[0].SrcIsEnglish() || len(set.SrcVerse) != len(set.Files[0].Src) {
		t.Error("bible: want English source with verses")
	}
	set, err = ReadSet(filepath.Join(d, "mac-test"), false)
	if err != nil {
		t.Fatal(err)
	}
	if set.Files[0].SrcIsEnglish() || len(set.Files) != 24 {
		t.Error("mac-test: want 24 files, Chinese source")
	}
}
