package checks_test

import (
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/aligncheck/aligncheck/checks"
)

// docOptions lists what a check's documentation says about its options
// that the declarations do not: an option named in the doc (as
// CHECK.OPTION) that the check does not declare, a declared option the doc
// does not name, and a declared option whose default the doc does not give
// within a few words of its name.
func docOptions(c *checks.Check) []string {
	mention := regexp.MustCompile(`(?:^|[^\w./-])` + regexp.QuoteMeta(c.Name) + `\.([a-z][a-z0-9-]*)`)
	var problems []string
	named := map[string]bool{}
	for _, m := range mention.FindAllStringSubmatchIndex(c.Doc, -1) {
		name := c.Doc[m[2]:m[3]]
		if named[name] {
			continue
		}
		named[name] = true
		o := c.Option(name)
		if o == nil {
			problems = append(problems, c.Name+"."+name+": named in the doc, not declared")
			continue
		}
		after := c.Doc[m[3]:min(len(c.Doc), m[3]+60)]
		if !regexp.MustCompile(`(^|[^0-9.])` + regexp.QuoteMeta(o.DefaultString()) + `([^0-9]|$)`).MatchString(after) {
			problems = append(problems, c.Name+"."+name+": the doc does not give the default "+o.DefaultString())
		}
	}
	for _, o := range c.Options {
		if !named[o.Name] {
			problems = append(problems, c.Name+"."+o.Name+": declared, not named in the doc")
		}
	}
	sort.Strings(problems)
	return problems
}

// TestOptionsDocumented: every option a check declares is named in its
// doc with its default, and the doc names no option the check does not
// declare.
func TestOptionsDocumented(t *testing.T) {
	n := 0
	for _, c := range checks.Registry() {
		assert.Empty(t, docOptions(c), c.Name)
		n += len(c.Options)
		for _, o := range c.Options {
			assert.Regexp(t, `^[a-z][a-z0-9-]*$`, o.Name, c.Name)
			assert.NotEmpty(t, o.Doc, c.Name+"."+o.Name)
			assert.Contains(t, []checks.OptionType{checks.Real, checks.Integer, checks.Boolean}, o.Type, c.Name+"."+o.Name)
			if o.Type == checks.Integer || o.Type == checks.Boolean {
				assert.Equal(t, float64(int(o.Default)), o.Default, c.Name+"."+o.Name)
			}
		}
	}
	assert.Positive(t, n, "no check declares an option")
}

// TestDocOptionsFindsDisagreement: the test above fails on a doc naming an
// undeclared option, on a declared option the doc leaves out, and on a
// default the doc gives differently.
func TestDocOptionsFindsDisagreement(t *testing.T) {
	z := &checks.Option{Name: "z", Type: checks.Real, Default: 3.5, Doc: "z"}
	cases := []struct {
		doc     string
		options []*checks.Option
		want    []string
	}{
		{"title\n\nreported when |z| ≥ demo.z (default 3.5).", []*checks.Option{z}, nil},
		{"title\n\nreported when demo.z (default 3.5) and demo.k (2).", []*checks.Option{z}, []string{"demo.k: named in the doc, not declared"}},
		{"title\n\nno options named.", []*checks.Option{z}, []string{"demo.z: declared, not named in the doc"}},
		{"title\n\nreported when demo.z (default 3).", []*checks.Option{z}, []string{"demo.z: the doc does not give the default 3.5"}},
		{"title\n\nsee demo.txt or the demo. It ends.", nil, []string{"demo.txt: named in the doc, not declared"}},
	}
	for _, c := range cases {
		got := docOptions(&checks.Check{Name: "demo", Doc: c.doc, Options: c.options})
		assert.Equal(t, c.want, got, strings.SplitN(c.doc, "\n", 3)[2])
	}
}
