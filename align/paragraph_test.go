package align

import (
	"fmt"
	"math"
	"reflect"
	"testing"

	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/align/numerals"
)

// numberedDoc builds a two-file document of n paragraph pairs, each with
// its own numbers, leaving out the English of paragraphs drop[0]..drop[1]-1.
func numberedDoc(n int, drop [2]int) *Document {
	topics := [][2]string{
		{"农业", "agriculture"}, {"教育", "education"}, {"医疗", "health care"}, {"交通", "transport"},
		{"能源", "energy"}, {"环境", "the environment"}, {"科技", "technology"}, {"住房", "housing"},
		{"就业", "employment"}, {"文化", "culture"}, {"旅游", "tourism"}, {"金融", "finance"},
		{"水利", "water conservancy"}, {"体育", "sport"}, {"税收", "taxation"}, {"养老", "old-age care"},
	}
	var zh, en []string
	for k := 0; k < n; k++ {
		a, b := topics[k%len(topics)], topics[(k/len(topics)+k*5+3)%len(topics)]
		zh = append(zh, fmt.Sprintf("去年全省%s和%s领域共有%d名代表出席会议，比前年增加%d%%，其中%d名来自基层。", a[0], b[0], 1000+k*7, 3+k%40, 200+k))
		if k >= drop[0] && k < drop[1] {
			continue
		}
		en = append(en, fmt.Sprintf("Last year %d delegates from %s and %s across the province attended the meeting, %d%% more than the year before; %d of them came from the grassroots.", 1000+k*7, a[1], b[1], 3+k%40, 200+k))
	}
	return linesDoc("numbered", zh, en)
}

// TestParagraphBandFollowsLongOmission: a document too long for the full
// matrix, with 200 paragraphs left out in the middle, so that the path
// leaves the first band; the band widens and the result is the full DP's.
func TestParagraphBandFollowsLongOmission(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the full matrix for comparison")
	}
	const n = 700
	doc := numberedDoc(n, [2]int{300, 500})
	p := newParagraphAligner(doc, lexicon.Default())
	if len(p.zh)*len(p.en) <= fullDPCells {
		t.Fatalf("document of %d×%d blocks is not above the full-matrix limit", len(p.zh), len(p.en))
	}
	band := DiagonalBand(len(p.zh), len(p.en), startBand)
	if first := Solve(len(p.zh), len(p.en), paragraphTypes, p.cost, band); first != nil && !nearEdge(first, band, len(p.en), bandMargin) {
		t.Fatal("the omission does not take the path to the first band's edge; the test tests nothing")
	}
	banded := p.solve()
	full := Solve(len(p.zh), len(p.en), paragraphTypes, p.cost, nil)
	if fmt.Sprint(banded) != fmt.Sprint(full) {
		t.Fatalf("banded path differs from the full matrix's")
	}
	// every 1-1 bead pairs a paragraph with its own translation, and the
	// omission is left unpaired, not smeared over merged beads
	omitted := 0
	for _, c := range banded {
		switch {
		case c.Type.Zh == 1 && c.Type.En == 1:
			want := c.I
			if c.I >= 500 {
				want = c.I - 200
			}
			if c.J != want {
				t.Fatalf("zh %d paired with en %d, want %d", c.I, c.J, want)
			}
		case c.Type.Zh == 1 && c.Type.En == 0 && c.I >= 300 && c.I < 500:
			omitted++
		}
	}
	if omitted < 190 {
		t.Errorf("%d of the 200 omitted paragraphs left unpaired, want ≥ 190", omitted)
	}
	t.Logf("%d of the 200 omitted paragraphs left unpaired", omitted)
}

// TestParagraphBandNeedsNoWidening: on a document that stays near the
// diagonal the first band is enough (no doubling, which would cost time).
func TestParagraphBandNeedsNoWidening(t *testing.T) {
	doc := numberedDoc(600, [2]int{100, 110})
	p := newParagraphAligner(doc, lexicon.Default())
	band := DiagonalBand(len(p.zh), len(p.en), startBand)
	first := Solve(len(p.zh), len(p.en), paragraphTypes, p.cost, band)
	if first == nil || nearEdge(first, band, len(p.en), bandMargin) {
		t.Fatal("the first band did not hold the path of a document near the diagonal")
	}
}

// TestCappedCost: the shortcut gives min(Cost, limit) exactly.
func TestCappedCost(t *testing.T) {
	for _, m := range []LengthModel{{Ratio: 2.5, S2: 6.8}, {Ratio: 3.1, S2: 0.5}, {Ratio: 1, S2: 40}} {
		for lz := 0; lz <= 400; lz += 7 {
			for le := 0; le <= 1500; le += 13 {
				for _, limit := range []float64{8, 16, 24} {
					if got, want := m.CappedCost(lz, le, limit), math.Min(m.Cost(lz, le), limit); got != want {
						t.Fatalf("%+v (%d, %d) limit %g: %v, want %v", m, lz, le, limit, got, want)
					}
				}
			}
		}
	}
}

// TestLowSquareBelowCost: lowSquare is a lower bound of the length cost
// and of its capped form for every pair of lengths, including the pairs
// where the cost is 0 or nearly (le = ratio × lz) and null beads; the
// paragraph DP prunes on it, so one value above the cost would change an
// alignment.
func TestLowSquareBelowCost(t *testing.T) {
	for _, m := range []LengthModel{{Ratio: 2.5, S2: 6.8}, {Ratio: 3.1, S2: 0.5}, {Ratio: 1, S2: 40}, {Ratio: 1.4142135623730951, S2: 0.0625}} {
		for lz := 0; lz <= 600; lz += 3 {
			for le := 0; le <= 1800; le++ {
				low := m.lowSquare(lz, le)
				if c := m.Cost(lz, le); !(low <= c) {
					t.Fatalf("%+v (%d, %d): lowSquare %v above the cost %v", m, lz, le, low, c)
				}
				if c := m.CappedCost(lz, le, 8); !(math.Min(low, 8) <= c) {
					t.Fatalf("%+v (%d, %d): capped lowSquare %v above the capped cost %v", m, lz, le, low, c)
				}
			}
		}
	}
}

// TestAlignmentBlockNumbers checks the numbers the paragraph aligner hands
// on to the sentence aligner against reading each block again, and that
// the sentence aligner lets go of them.
func TestAlignmentBlockNumbers(t *testing.T) {
	doc := numberedDoc(40, [2]int{10, 12})
	a := alignParagraphs(doc, nil, nil)
	for _, l := range []Lang{Zh, En} {
		nums := a.nums[l]
		if nums == nil || len(nums) != len(doc.Blocks(l)) {
			t.Fatalf("%v: %d numbers for %d blocks", l, len(nums), len(doc.Blocks(l)))
		}
		for i, b := range doc.Blocks(l) {
			want := numerals.English(b.Text)
			if l == Zh {
				want = numerals.Chinese(b.Text)
			}
			if !reflect.DeepEqual(nums[i], want) {
				t.Errorf("%v block %d: got %v, want %v", l, i, nums[i], want)
			}
		}
	}
	alignSentences(a, Options{})
	if a.nums[Zh] != nil || a.nums[En] != nil {
		t.Error("the alignment keeps the block numbers after the sentences")
	}
	if p := Pairing(doc); p.nums[Zh] != nil || p.nums[En] != nil {
		t.Error("a given pairing has block numbers it did not read")
	}
}
