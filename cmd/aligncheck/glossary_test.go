package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// --glossary: the reference document is clean for its glossary; a broken
// glossary stops the run with exit 2 and names file and line.
func TestCheckGlossary(t *testing.T) {
	gl := "../../testdata/glossary/csis-terms.tsv"
	var out, errb bytes.Buffer
	code := run([]string{"check", "--quiet", "--enable", "terminology,terminology/forbidden", "--glossary", gl, refDoc}, nil, &out, &errb)
	assert.Equal(t, exitOK, code, errb.String())
	assert.Empty(t, strings.TrimSpace(out.String()))

	dir := t.TempDir()
	for name, c := range map[string]struct{ file, data, want string }{
		"bad header":   {"g.tsv", "term\ten\n两个确立\tTwo Establishes\n", `g.tsv:1: bad header: unknown column "term"`},
		"empty term":   {"g.tsv", "zh\ten\n两个确立\tTwo Establishes\n\tdynamic zero\n", "g.tsv:3: empty zh term"},
		"conflict":     {"g.csv", "zh,en\n两个确立,Two Establishes\n两个确立,two affirmations\n", `g.csv:3: duplicate entry for "两个确立" conflicts with`},
		"bad tbx":      {"g.tbx", "<martif>\n<termEntry>\n</martif>\n", "g.tbx:3: bad TBX"},
		"missing file": {"", "", "nosuch.tsv: read glossary:"},
	} {
		path := filepath.Join(dir, "nosuch.tsv")
		if c.file != "" {
			path = filepath.Join(dir, c.file)
			require.NoError(t, os.WriteFile(path, []byte(c.data), 0o644))
		}
		out.Reset()
		errb.Reset()
		code := run([]string{"check", "--glossary", path, refDoc}, nil, &out, &errb)
		assert.Equal(t, exitError, code, name)
		assert.Contains(t, errb.String(), c.want, name)
		assert.Empty(t, out.String(), name)
	}
}
