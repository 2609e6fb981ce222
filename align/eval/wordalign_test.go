package eval

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func writeWordSet(t *testing.T, zh, en, al string) string {
	t.Helper()
	dir := t.TempDir()
	for name, text := range map[string]string{"gold.zh": zh, "gold.en": en, "gold.align": al} {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	return dir
}

func TestReadWordSet(t *testing.T) {
	dir := writeWordSet(t, "印 尼 重申 3月 APEC 2001\n", "Indonesia -LRB- reiterated -RRB- it 's '' fine '' do n't\n", "0-0 1-0 2-2 3-1-P\n")
	s, err := ReadWordSet(dir)
	require.NoError(t, err)
	require.Len(t, s.Sents, 1)
	ws := s.Sents[0]
	assert.Equal(t, "印尼重申3月APEC 2001", ws.ZhText)
	assert.Equal(t, `Indonesia ( reiterated ) it's " fine " don't`, ws.EnText)
	for k, sp := range ws.ZhSpans {
		assert.Equal(t, ws.Zh[k], ws.ZhText[sp[0]:sp[1]])
	}
	assert.Equal(t, "(", ws.EnText[ws.EnSpans[1][0]:ws.EnSpans[1][1]])
	assert.Equal(t, "'s", ws.EnText[ws.EnSpans[5][0]:ws.EnSpans[5][1]])
	assert.Equal(t, map[WordLink]bool{{0, 0}: true, {1, 0}: true, {2, 2}: true}, ws.Sure)
	assert.Len(t, ws.Possible, 4)
	assert.True(t, ws.Possible[WordLink{3, 1}])
}

func TestReadWordSetErrors(t *testing.T) {
	for _, tc := range []struct {
		name, zh, en, al, want string
	}{
		{"bad link", "甲 乙\n", "a b\n", "0-0 1-x\n", "gold.align:1: bad link \"1-x\""},
		{"out of range", "甲\n", "a\n", "\n0-1\n", "gold.align:2: bad link"},
		{"unequal lines", "甲\n乙\n", "a\n", "0-0\n", "gold.zh has 2 lines, gold.en 1"},
		{"bad mark", "甲\n", "a\n", "0-0-Q\n", "bad link \"0-0-Q\""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if tc.name == "out of range" {
				tc.zh, tc.en = "甲\n乙\n", "a\nb\n"
			}
			_, err := ReadWordSet(writeWordSet(t, tc.zh, tc.en, tc.al))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tc.want)
		})
	}
	_, err := ReadWordSet(t.TempDir())
	require.Error(t, err)
	assert.Contains(t, err.Error(), "gold.zh")
}

// TestWordScore: a system token covering two gold tokens stands for both;
// precision, recall and AER as Och and Ney define them.
func TestWordScore(t *testing.T) {
	dir := writeWordSet(t, "印 尼 重申\n", "Indonesia reiterated it\n", "0-0 1-0 2-1 2-2-P\n")
	s, err := ReadWordSet(dir)
	require.NoError(t, err)
	// system tokens: 印尼 (bytes 0-6), 重申 (6-12); Indonesia, reiterated, it
	out := []WordAlignment{{
		Zh:    [][2]int{{0, 6}, {6, 12}},
		En:    [][2]int{{0, 9}, {10, 20}, {21, 23}},
		Links: [][]WordLink{{{0, 0}, {1, 2}}, {{0, 0}, {1, 1}, {0, 2}}},
	}}
	sc, err := s.Score(out)
	require.NoError(t, err)
	require.Len(t, sc, 2)
	// set 0: A = {0-0, 1-0, 2-2}; S = {0-0, 1-0, 2-1}; A∩S = 2, A∩P = 3
	assert.Equal(t, WordScore{Sys: 3, Sure: 3, SysSure: 2, SysPossib: 3}, sc[0])
	assert.InDelta(t, 1.0, sc[0].Precision(), 1e-9)
	assert.InDelta(t, 2.0/3, sc[0].Recall(), 1e-9)
	assert.InDelta(t, 1-5.0/6, sc[0].AER(), 1e-9)
	// set 1: A = {0-0, 1-0, 2-1, 0-2, 1-2}; A∩S = 3, A∩P = 3
	assert.Equal(t, WordScore{Sys: 5, Sure: 3, SysSure: 3, SysPossib: 3}, sc[1])
	assert.InDelta(t, 0.25, sc[1].AER(), 1e-9)

	_, err = s.Score(nil)
	assert.Error(t, err)
}
