package config

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// What the configuration says about showing findings (show, sort) and a
// check's boolean option read, print and read back the same, and mistakes
// in them are errors naming the line.
func TestViewAndBooleanOption(t *testing.T) {
	dir := t.TempDir()
	cat := append([]CheckInfo{{Name: "format/whitespace", Severity: "info",
		Options: []Option{{Name: "interleaved-line-ends", Value: 0, Bool: true}}}}, testCatalog...)
	c, err := Parse(filepath.Join(dir, ".aligncheck.yaml"), []byte("show: info\nsort: file\nchecks:\n  format/whitespace:\n    interleaved-line-ends: true\n"), cat)
	require.NoError(t, err)
	assert.Equal(t, "info", c.Show)
	assert.Equal(t, "file", c.Sort)
	assert.Equal(t, 1.0, c.Options()["format/whitespace.interleaved-line-ends"])
	out, err := c.YAML(dir)
	require.NoError(t, err)
	assert.Contains(t, string(out), "interleaved-line-ends: true")
	c2, err := Parse(filepath.Join(dir, "printed.yaml"), out, cat)
	require.NoError(t, err, string(out))
	c2.File = c.File
	assert.Equal(t, c, c2, string(out))

	d := Default(cat, dir)
	assert.Equal(t, "", d.Show, "the default threshold is decided with fail-on")
	assert.Equal(t, "severity", d.Sort)

	for _, tc := range []struct{ text, want string }{
		{"show: all\n", `:1: show: want info, warning or error, not "all"`},
		{"sort: line\n", `:1: sort: want severity or file, not "line"`},
		{"checks:\n  format/whitespace:\n    interleaved-line-ends: 1\n", `:3: checks: format/whitespace: interleaved-line-ends: want true or false, got a number`},
	} {
		p := write(t, dir, ".aligncheck.yaml", tc.text)
		_, err := Load(p, cat)
		require.Error(t, err, tc.text)
		assert.Equal(t, p+tc.want, err.Error())
	}
}
