package reports_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"github.com/aligncheck/aligncheck/reports"
)

func parseHTML(t *testing.T, b []byte) *html.Node {
	t.Helper()
	n, err := html.Parse(bytes.NewReader(b))
	require.NoError(t, err)
	return n
}

func walk(n *html.Node, fn func(*html.Node)) {
	fn(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, fn)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func textOf(n *html.Node) string {
	var b strings.Builder
	walk(n, func(c *html.Node) {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	})
	return b.String()
}

// assertNoInjection checks a page's elements: one script (ours), nothing
// loaded from anywhere, no event handler attributes.
func assertNoInjection(t *testing.T, page []byte) {
	t.Helper()
	scripts := 0
	walk(parseHTML(t, page), func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		switch n.Data {
		case "script":
			scripts++
			assert.Empty(t, attr(n, "src"), "script loaded from elsewhere")
		case "img", "iframe", "object", "embed", "link", "b":
			t.Errorf("unexpected <%s> element in the report", n.Data)
		}
		for _, a := range n.Attr {
			assert.False(t, strings.HasPrefix(a.Key, "on"), "event handler attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
			if a.Key == "href" {
				assert.True(t, strings.HasPrefix(a.Val, "#"), "link out of the page: %q", a.Val)
			}
		}
	})
	assert.Equal(t, 1, scripts, "the report has exactly one (inline) script")
	assert.False(t, strings.Contains(string(page), "http://") || strings.Contains(string(page), "https://"), "the report names a URL")
}

func TestHTMLStructure(t *testing.T) {
	r := fixtureReport()
	page := write(t, reports.HTML{}, r)
	assertNoInjection(t, page)
	ids := map[string]*html.Node{}
	marks := map[string]string{} // finding id → marked text, per side joined with |
	walk(parseHTML(t, page), func(n *html.Node) {
		if n.Type != html.ElementNode {
			return
		}
		if id := attr(n, "id"); id != "" {
			assert.Nil(t, ids[id], "duplicate id %q", id)
			ids[id] = n
		}
		if n.Data == "mark" {
			lang := ""
			for p := n.Parent; p != nil; p = p.Parent {
				if p.Data == "p" && attr(p, "lang") != "" {
					lang = attr(p, "lang")
					break
				}
			}
			marks[attr(n, "data-f")+"/"+lang] += textOf(n)
		}
	})
	// Stable anchors: pairs, findings and checks of the first document;
	// prefixed ones in the second.
	for i := 1; i <= len(r.Documents[0].Pairs); i++ {
		assert.Contains(t, ids, fmt.Sprintf("pair-%d", i))
	}
	for i := 1; i <= len(r.Documents[0].Findings); i++ {
		assert.Contains(t, ids, fmt.Sprintf("finding-%d", i))
	}
	assert.Contains(t, ids, "d2-pair-1")
	assert.Contains(t, ids, "doc-1")
	assert.Contains(t, ids, "doc-2")
	for _, f := range r.Documents[0].Findings {
		assert.Contains(t, ids, "check-"+f.Check)
	}
	// Each finding's words are highlighted on both sides, exactly.
	for i, f := range r.Documents[0].Findings {
		id := fmt.Sprintf("finding-%d", i+1)
		for _, side := range []struct {
			lang string
			loc  *reports.Location
		}{{"zh", f.Zh}, {"en", f.En}} {
			got, ok := marks[id+"/"+side.lang]
			if side.loc == nil || f.Check == "length" || f.Check == "omission" || f.Check == "addition" {
				// Whole paragraphs are flagged, not highlighted.
				assert.False(t, ok, "%s (%s) marked on the %s side", id, f.Check, side.lang)
				continue
			}
			assert.Equal(t, reports.ShowControls(side.loc.Text), got, "%s (%s) highlight on the %s side", id, f.Check, side.lang)
		}
	}
	s := string(page)
	for _, want := range []string{
		// The chart marks the length outlier, which has an error too, and
		// the omitted paragraph, and links each to its pair.
		`<a href="#pair-4"><circle class="pt out err"`,
		`<a href="#pair-6"><rect class="gapmark err"`,
		`<a href="#pair-7"><rect class="gapmark" `,
		// The compared revision: word diff of the changed paragraph, the
		// removed one listed, the new one flagged.
		"Strengthen <ins>overall </ins>coordination",
		"establish<ins> sound</ins> working",
		"<del>A paragraph that was removed.</del>",
		"governance<ins> capacity</ins>.",
		"new since the compared revision",
		// Hostile text is text; control characters are shown as symbols.
		"&lt;script&gt;alert(1)&lt;/script&gt;",
		"&lt;b&gt;not bold&lt;/b&gt;",
		"控制符<mark class=\"hl sev-info\" data-sev=\"info\" data-cat=\"format\" data-f=\"finding-8\"",
		"\u2401\u2407</mark>",
	} {
		if !strings.Contains(s, want) {
			t.Errorf("the HTML report lacks %q", want)
		}
	}
	for _, bad := range []string{"\x01", "\x07"} {
		if strings.Contains(s, bad) {
			t.Errorf("the HTML report holds control character %q", bad)
		}
	}
}

func TestHTMLReferenceSize(t *testing.T) {
	page := write(t, reports.HTML{}, refReport(t))
	t.Logf("HTML report of the reference document: %d bytes", len(page))
	assert.Less(t, len(page), 1<<20, "the reference document's report must stay under 1 MB")
	assertNoInjection(t, page)
	for _, want := range []string{"推进国家安全体系和能力现代化", "Modernizing the National Security System"} {
		if !strings.Contains(string(page), want) {
			t.Errorf("the report lacks %q", want)
		}
	}
}

func TestHTMLHostile(t *testing.T) {
	page := write(t, reports.HTML{}, hostileReport(t))
	assertNoInjection(t, page)
	for _, bad := range []string{"<img", "<script>alert", "<b ", "\x01"} {
		if strings.Contains(string(page), bad) {
			t.Errorf("hostile text came through as %q", bad)
		}
	}
}

// A report without the document (built from JSON, say) still renders its
// findings.
func TestHTMLWithoutText(t *testing.T) {
	r := fixtureReport()
	for _, d := range r.Documents {
		d.Doc, d.Align = nil, nil
	}
	page := write(t, reports.HTML{}, r)
	assert.True(t, strings.Contains(string(page), `id="finding-3"`), "findings listed")
	assert.False(t, strings.Contains(string(page), `id="pair-1"`), "no aligned text")
}
