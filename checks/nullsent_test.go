package checks

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
	"github.com/aligncheck/aligncheck/internal/testref"
)

// reportNullSentencesEvery is reportNullSentences as it was before
// hasNullSentence: the confidence worked out for every paired bead.
func reportNullSentencesEvery(p *Pass, l align.Lang) {
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if len(b.Zh) == 0 || len(b.En) == 0 {
			continue
		}
		conf := nullSentenceConfidence(p, b, l)
		if l == align.En && explicitSlogans(p, bi) {
			conf = min(conf, 0.4)
		}
		if historyBead(p, bi) {
			conf = min(conf, historyConfidence)
		}
		for _, s := range b.Sents {
			refs, other := s.Zh, s.En
			if l == align.En {
				refs, other = s.En, s.Zh
			}
			if len(refs) == 0 || len(other) > 0 || !s.Null {
				continue
			}
			for _, r := range refs {
				blk := p.Doc.Blocks(l)[r.Block]
				sp := blk.SubSpan(blk.Sents[r.Sent].Start, blk.Sents[r.Sent].End)
				c := conf
				if sentenceNumberMatched(p, bi, l, r.Block, blk.Sents[r.Sent].Start, blk.Sents[r.Sent].End) {
					c = min(c, 0.4)
				}
				f := Finding{Bead: bi, Evidence: "sentence " + align.NormText(sp.Text), Confidence: c}
				if l == align.Zh {
					f.Zh = &sp
				} else {
					f.En = &sp
				}
				f.Message = langName(l) + excerpt(sp.Text, 40)
				p.Report(f)
			}
		}
	}
}

// TestReportNullSentencesSkipsOnlyEmpty: reportNullSentences, which skips
// the beads with no sentence to report before weighing them, reports the
// same sentences with the same confidences as weighing every bead, on the
// reference document's pairs and pairs with sentences left out on either
// side (a numbered slogan, a history note, a figure).
func TestReportNullSentencesSkipsOnlyEmpty(t *testing.T) {
	require.NoError(t, lexicon.Load())
	require.NoError(t, lang.Load())
	pairs, err := testref.TextPairs()
	require.NoError(t, err)
	edges := [][2]string{
		{"开展“两学一做”学习教育。全面从严治党。", "We launched the campaign. Party members study the Party Constitution and rules, and speeches. We will exercise strict governance over the Party."},
		{"今年新招录人员1200名。另有300名临时人员。", "This year 1,200 new staff were recruited."},
		{"国家安全体系和能力现代化。", "Modernizing the national security system. It is a priority. We will do it."},
		{"并自公布日施行。第二条。", "Article 2."},
		{"中国经济稳定增长。出口增长百分之五。进口也增长了。", "China's economy grew steadily. Exports grew by five percent. The weather was fine in Beijing. Tourists came in great numbers. Imports grew too."},
		{"我们将坚持改革开放。我们将扩大开放。人民生活水平提高。城乡差距缩小。", "We will uphold reform and opening up. Living standards rose."},
	}
	reported := 0
	for _, set := range [][][2]string{pairs, edges} {
		p := pairsPass(t, set)
		for _, l := range []align.Lang{align.Zh, align.En} {
			p.findings = nil
			reportNullSentences(p, l)
			got := p.findings
			p.findings = nil
			reportNullSentencesEvery(p, l)
			want := p.findings
			require.Equal(t, len(want), len(got), "%v", l)
			for i := range want {
				require.Equal(t, want[i].Bead, got[i].Bead)
				require.Equal(t, want[i].Evidence, got[i].Evidence)
				require.Equal(t, want[i].Confidence, got[i].Confidence)
				require.Equal(t, want[i].Zh, got[i].Zh)
				require.Equal(t, want[i].En, got[i].En)
			}
			reported += len(want)
		}
	}
	require.Greater(t, reported, 3, "too few sentences reported to compare")
	t.Logf("%d sentences reported", reported)
}
