package align

import (
	"strings"
	"testing"
)

// Hostile input of issue 15: one paragraph pair of the same sentence over
// and over. No placement of the extra sentences costs less than another,
// so the band never settles clear of its edges, and the whole matrix the
// search fell back to grew with the square of the sentences (9,752 × 7,013
// sentences: 73 s, 3.4 GB).

const (
	repeatZh = "国家安全体系和能力现代化是一个重要的任务，我们必须坚持总体国家安全观。"
	repeatEn = "Modernizing the national security system and capabilities is an important task, and we must adhere to the holistic approach to national security."
)

// alignWork aligns as AlignSentences does and returns the beads and the
// search work.
func alignWork(t *testing.T, zh, en []string, opt Options) ([]SentenceBead, int) {
	t.Helper()
	gl, _ := opt.Lex.(Glosser)
	zf, ef, v := sentFeatures(zh, en, gl)
	s := newSentAligner(zf, ef, v, LengthModel{})
	beads := s.run()
	checkCover(t, beads, len(zh), len(en))
	return beads, s.work
}

func repeated(s string, n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = s
	}
	return out
}

// TestRepeatedSentencesLinear: four times the sentences cost at most six
// times the work (four, and the band may need more rounds to give up on
// the larger text), where the whole-matrix fallback cost about fifteen.
func TestRepeatedSentencesLinear(t *testing.T) {
	opt := lexOpt(t)
	work := func(n int) int {
		_, w := alignWork(t, repeated(repeatZh, 14*n), repeated(repeatEn, 10*n), opt)
		return w
	}
	w1, w4 := work(100), work(400)
	t.Logf("work 1,400 × 1,000 sentences %d, ×4 %d (%.1f times)", w1, w4, float64(w4)/float64(w1))
	if w4 > 6*w1 {
		t.Errorf("work ×4 is %.1f times work ×1, want at most 6", float64(w4)/float64(w1))
	}
}

// workBound is what the search may cost on nz × ne sentences: the band's
// rounds, each over cells proportional to the sentences, and the whole
// matrix only up to fullFallbackCells.
func workBound(nz, ne int) int {
	const rounds = 3*maxRecentre + 3
	band := (nz + ne + 2) * (4*minBandWidth + 2*4 + 1)
	full := min(nz*ne, max(fullMatrixCells, fullFallbackCells))
	return rounds * len(sentenceTypes) * max(band, full)
}

// FuzzRepeatedSentences aligns long paragraphs of one sentence a side
// repeated, with a few sentences of their own: every sentence is covered
// once, in order, and the work stays within workBound.
func FuzzRepeatedSentences(f *testing.F) {
	f.Add(repeatZh, repeatEn, uint16(1400), uint16(1000), "")
	f.Add("国家安全。", "National security.", uint16(300), uint16(900), "另一句。\x00Another one.")
	f.Add("一", "One two three four five six.", uint16(2000), uint16(40), "")
	f.Add("", "", uint16(5), uint16(5), "")
	opt := lexOpt(f)
	f.Fuzz(func(t *testing.T, z, e string, nz, ne uint16, extra string) {
		zh, en := repeated(z, int(nz%2500)), repeated(e, int(ne%2500))
		// sentences of their own, spread through the repeats
		for k, x := range strings.Split(extra, "\x00") {
			if x == "" {
				continue
			}
			if k%2 == 0 && len(zh) > 0 {
				zh[(k*7919)%len(zh)] = x
			} else if len(en) > 0 {
				en[(k*7919)%len(en)] = x
			}
		}
		if len(zh) == 0 || len(en) == 0 || len(zh) == 1 && len(en) > 4 || len(en) == 1 && len(zh) > 4 {
			// no search: AlignSentences answers these directly
			checkCover(t, AlignSentences(zh, en, opt), len(zh), len(en))
			return
		}
		_, w := alignWork(t, zh, en, opt)
		if b := workBound(len(zh), len(en)); w > b {
			t.Fatalf("%d × %d sentences: work %d, bound %d", len(zh), len(en), w, b)
		}
	})
}
