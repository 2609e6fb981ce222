package checks

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRegistry(t *testing.T) {
	name := regexp.MustCompile(`^[a-z][a-z0-9-]*(/[a-z][a-z0-9-]*)?$`)
	seen := map[string]bool{}
	cats := map[Category]bool{}
	for _, c := range Categories {
		cats[c] = true
	}
	for _, c := range Registry() {
		assert.Regexp(t, name, c.Name)
		assert.False(t, seen[c.Name], "duplicate check %s", c.Name)
		seen[c.Name] = true
		assert.NotEmpty(t, c.Title(), "%s: empty doc", c.Name)
		assert.Contains(t, c.Doc, "\n\n", "%s: doc needs a title line, a blank line, then the explanation", c.Name)
		assert.NotNil(t, c.Run, "%s: nil Run", c.Name)
		assert.NotEmpty(t, c.Confidence, "%s: explain must say what raises and lowers confidence", c.Name)
		assert.True(t, cats[c.Category], "%s: category %q is not in the vocabulary", c.Name, c.Category)
		assert.Contains(t, []Severity{Info, Warning, Error}, c.Severity, c.Name)
		assert.Same(t, c, Lookup(c.Name))
		if parent, _, ok := cut(c.Name); ok {
			assert.NotNil(t, Lookup(parent), "%s: sub-check of unknown check", c.Name)
		}
	}
	assert.Nil(t, Lookup("nosuch"))
}

func cut(s string) (string, string, bool) {
	for i := range s {
		if s[i] == '/' {
			return s[:i], s[i+1:], true
		}
	}
	return s, "", false
}
