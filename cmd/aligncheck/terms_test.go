package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/checks/glossary"
)

// TestTermsRoundTrip: the term table of the reference document, written
// as TSV, is a glossary --glossary reads back, entry for entry, with the
// renderings in the order written; checking the document against it
// enforces its terms (a term rendered at some place in none of the ways
// the table learnt is reported there, for the editor to look at).
func TestTermsRoundTrip(t *testing.T) {
	code, out, errOut := runCmd(t, "terms", refDoc)
	require.Equal(t, exitOK, code, errOut)
	lines := strings.Split(strings.TrimSpace(out), "\n")
	require.Greater(t, len(lines), 10, "a table with terms")
	assert.True(t, strings.HasPrefix(lines[0], "#"), "a comment first: %s", lines[0])
	assert.Equal(t, "zh\ten\tnote", lines[1])
	assert.Contains(t, out, "平安中国\t", "the unquoted term the issue names")

	path := filepath.Join(t.TempDir(), "terms.tsv")
	require.NoError(t, os.WriteFile(path, []byte(out), 0o644))
	g, err := glossary.Load(path)
	require.NoError(t, err)
	require.Equal(t, len(lines)-2, g.Len(), "one entry per row")
	for _, ln := range lines[2:] {
		f := strings.Split(ln, "\t")
		require.Len(t, f, 3, ln)
		e := g.Lookup(f[0])
		require.NotNil(t, e, f[0])
		assert.Equal(t, strings.Split(f[1], "|"), e.Allowed, f[0])
	}

	code, out, errOut = runCmd(t, "check", "--format", "json", "--fail-on", "none", "--glossary", path, refDoc)
	require.Equal(t, exitOK, code, errOut)
	var rep struct {
		Documents []struct {
			Findings []struct{ Check, Message string }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &rep))
	n := 0
	for _, f := range rep.Documents[0].Findings {
		if f.Check == "terminology" {
			n++
			assert.Contains(t, f.Message, "× at ", "the note is quoted back: %s", f.Message)
		}
	}
	assert.Positive(t, n, "the glossary is enforced")
}

// TestTermsJSON: the JSON table names each rendering's places on both
// sides.
func TestTermsJSON(t *testing.T) {
	code, out, errOut := runCmd(t, "terms", "--format", "json", refDoc)
	require.Equal(t, exitOK, code, errOut)
	var terms []struct {
		Zh         string
		Source     string
		Renderings []struct {
			En     string
			Count  int
			Places []struct{ Zh, En struct{ Line int } }
		}
	}
	require.NoError(t, json.Unmarshal([]byte(out), &terms))
	require.NotEmpty(t, terms)
	for _, tm := range terms {
		for _, r := range tm.Renderings {
			assert.Len(t, r.Places, r.Count, tm.Zh)
			for _, p := range r.Places {
				assert.Positive(t, p.Zh.Line, tm.Zh)
				assert.Positive(t, p.En.Line, tm.Zh)
			}
		}
	}
}

func TestTermsBadInput(t *testing.T) {
	code, _, errOut := runCmd(t, "terms")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "terms:")
	code, _, errOut = runCmd(t, "terms", "--format", "xml", refDoc)
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "xml")
	code, _, errOut = runCmd(t, "terms", "no-such-file.txt")
	assert.Equal(t, exitError, code)
	assert.Contains(t, errOut, "no-such-file.txt")
}

// TestTermsInHTML: the HTML report has the term table, each rendering
// linked to the pairs it is used in.
func TestTermsInHTML(t *testing.T) {
	code, out, errOut := runCmd(t, "check", "--format", "html", "--fail-on", "none", refDoc)
	require.Equal(t, exitOK, code, errOut)
	assert.Regexp(t, `<h3>Terms \(\d+\)</h3>`, out)
	assert.Regexp(t, `<td lang="zh">平安中国</td><td><span lang="en">[^<]+</span> \(\d: pairs? <a href="#pair-\d+">`, out)
}
