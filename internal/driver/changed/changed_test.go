package changed

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/checks"
)

func TestDiff(t *testing.T) {
	cases := []struct {
		name          string
		before, after []string
		changed       []int
		deleted       []int
	}{
		{"same", []string{"a", "b", "c"}, []string{"a", "b", "c"}, nil, nil},
		{"edit", []string{"a", "b", "c", "d"}, []string{"a", "B", "c", "d"}, []int{1}, nil},
		{"insert", []string{"a", "b", "c"}, []string{"a", "b", "x", "c"}, []int{2}, nil},
		{"delete", []string{"a", "b", "c", "d"}, []string{"a", "c", "d"}, nil, []int{1}},
		{"delete last", []string{"a", "b", "c"}, []string{"a", "b"}, nil, []int{2}},
		{"all new", nil, []string{"a", "b"}, []int{0, 1}, nil},
		{"repeated paragraphs", []string{"x", "a", "x", "b"}, []string{"x", "a", "x", "B"}, []int{3}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			ch, del := diff(c.before, c.after)
			var got []int
			for i := range c.after {
				if ch[i] {
					got = append(got, i)
				}
			}
			assert.Equal(t, c.changed, got)
			assert.Equal(t, c.deleted, del)
		})
	}
}

// alignment builds a 1-1 alignment over n pairs, with bead k (0-based) left
// 1-0 when gap is k.
func alignment(nz, ne int, beads [][2][]int) *align.Alignment {
	doc := &align.Document{}
	for i := 0; i < nz; i++ {
		doc.Zh = append(doc.Zh, &align.Block{Lang: align.Zh, Index: i})
	}
	for i := 0; i < ne; i++ {
		doc.En = append(doc.En, &align.Block{Lang: align.En, Index: i})
	}
	al := &align.Alignment{Doc: doc, ZhBead: make([]int, nz), EnBead: make([]int, ne)}
	for bi, b := range beads {
		al.Beads = append(al.Beads, align.Bead{Zh: b[0], En: b[1]})
		for _, i := range b[0] {
			al.ZhBead[i] = bi
		}
		for _, i := range b[1] {
			al.EnBead[i] = bi
		}
	}
	return al
}

func TestBeadsAroundDeletion(t *testing.T) {
	// English paragraph 2 of 4 deleted: Chinese 2 now stands alone in bead 2
	al := alignment(4, 3, [][2][]int{{{0}, {0}}, {{1}, {1}}, {{2}, nil}, {{3}, {2}}})
	c := &Changes{blocks: [2]map[int]bool{{}, {}}, deleted: [2][]int{nil, {2}}}
	assert.Equal(t, map[int]bool{2: true}, c.Beads(al))
	// merged instead: the neighbours are marked
	al = alignment(4, 3, [][2][]int{{{0}, {0}}, {{1, 2}, {1}}, {{3}, {2}}})
	assert.Equal(t, map[int]bool{1: true, 2: true}, c.Beads(al))

	c = &Changes{blocks: [2]map[int]bool{{}, {1: true}}}
	fs := []checks.Finding{{Check: "a", Bead: 0}, {Check: "b", Bead: 1}, {Check: "c", Bead: 2}}
	got := c.Filter(fs, al)
	require.Len(t, got, 1)
	assert.Equal(t, "b", got[0].Check)
}

func git(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"}, args...)...)
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "git %s: %s", strings.Join(args, " "), out)
}

func TestSinceGit(t *testing.T) {
	if _, err := exec.LookPath("git"); err != nil {
		t.Skip("no git")
	}
	dir := t.TempDir()
	git(t, dir, "init", "-q")
	zh := []string{"第一段。", "第二段。", "第三段。"}
	en := []string{"The first paragraph.", "The second paragraph.", "The third paragraph."}
	write := func(name string, paras []string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(strings.Join(paras, "\n\n")+"\n"), 0o644))
		return p
	}
	zp, ep := write("a.zh.txt", zh), write("a.en.txt", en)
	git(t, dir, "add", ".")
	git(t, dir, "commit", "-q", "-m", "first")

	// reflowed white space is no change; an edited paragraph is
	en2 := append([]string(nil), en...)
	en2[0] = "The   first\nparagraph."
	en2[2] = "The third paragraph, edited."
	write("a.en.txt", en2)
	doc, err := input.OpenPair(zp, ep, nil, input.Options{})
	require.NoError(t, err)
	g := NewGit("HEAD")
	c, err := Since(g, doc, input.Options{})
	require.NoError(t, err)
	assert.False(t, c.All)
	for i := range en2 {
		assert.Equal(t, i == 2, c.Block(align.En, i), "English paragraph %d", i)
		assert.False(t, c.Block(align.Zh, i), "Chinese paragraph %d", i)
	}

	// a file that did not exist at the revision is all new
	np := write("new.zh.txt", zh)
	ne := write("new.en.txt", en)
	doc, err = input.OpenPair(np, ne, nil, input.Options{})
	require.NoError(t, err)
	c, err = Since(g, doc, input.Options{})
	require.NoError(t, err)
	assert.True(t, c.All)

	_, err = Since(NewGit("nosuchrev"), doc, input.Options{})
	assert.EqualError(t, err, `--new-from-rev: unknown revision "nosuchrev" in the repository of `+dir)

	other := t.TempDir()
	op, oe := filepath.Join(other, "x.zh.txt"), filepath.Join(other, "x.en.txt")
	require.NoError(t, os.WriteFile(op, []byte("第一段。\n"), 0o644))
	require.NoError(t, os.WriteFile(oe, []byte("The first.\n"), 0o644))
	doc, err = input.OpenPair(op, oe, nil, input.Options{})
	require.NoError(t, err)
	_, err = Since(NewGit("HEAD"), doc, input.Options{})
	assert.EqualError(t, err, "--new-from-rev: "+other+" is not in a git repository")
}
