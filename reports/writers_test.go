package reports_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

func TestTokens(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
	}{
		{"It's a well-known fact, 3.5%", []string{"It's", " ", "a", " ", "well-known", " ", "fact", ",", " ", "3", ".", "5", "%"}},
		{"国家安全", []string{"国", "家", "安", "全"}},
		{"GDP增长5%左右", []string{"GDP", "增", "长", "5", "%", "左", "右"}},
		{"a  \n b", []string{"a", "  \n ", "b"}},
		{"end-", []string{"end", "-"}},
		{"", nil},
	} {
		assert.Equal(t, tc.want, reports.Tokens(tc.in), "Tokens(%q)", tc.in)
	}
}

// sides rebuilds the old and new texts from a diff.
func sides(ops []reports.DiffOp) (old, new string) {
	for _, o := range ops {
		if o.Op <= 0 {
			old += o.Text
		}
		if o.Op >= 0 {
			new += o.Text
		}
	}
	return old, new
}

func TestWordDiff(t *testing.T) {
	for _, tc := range []struct {
		old, new string
		want     []reports.DiffOp
	}{
		{"the quick brown fox", "the slow brown fox", []reports.DiffOp{{0, "the "}, {-1, "quick"}, {1, "slow"}, {0, " brown fox"}}},
		// Chinese is diffed by character, never by byte.
		{"加强统筹协调", "加强协调", []reports.DiffOp{{0, "加强"}, {-1, "统筹"}, {0, "协调"}}},
		// White space between two changes joins them into one.
		{"a b c d", "a x y d", []reports.DiffOp{{0, "a "}, {-1, "b c"}, {1, "x y"}, {0, " d"}}},
		{"same", "same", []reports.DiffOp{{0, "same"}}},
		{"", "new", []reports.DiffOp{{1, "new"}}},
	} {
		got := reports.WordDiff(tc.old, tc.new)
		assert.Equal(t, tc.want, got, "WordDiff(%q, %q)", tc.old, tc.new)
		o, n := sides(got)
		assert.Equal(t, tc.old, o)
		assert.Equal(t, tc.new, n)
	}
}

// More distinct tokens than the surrogate range leaves room for below it:
// the diff must still rebuild both texts exactly.
func TestWordDiffManyTokens(t *testing.T) {
	var a, b strings.Builder
	for i := 0; i < 60000; i++ {
		fmt.Fprintf(&a, "w%d ", i)
		if i%1000 == 7 {
			fmt.Fprintf(&b, "changed%d ", i)
		} else {
			fmt.Fprintf(&b, "w%d ", i)
		}
	}
	ops := reports.WordDiff(a.String(), b.String())
	o, n := sides(ops)
	require.Equal(t, a.String(), o)
	require.Equal(t, b.String(), n)
	changes := 0
	for _, op := range ops {
		if op.Op == 1 {
			changes++
			assert.True(t, utf8.ValidString(op.Text))
		}
	}
	assert.Equal(t, 60, changes)
	assert.Equal(t, ops, reports.WordDiff(a.String(), b.String()), "deterministic")
}

func TestCompare(t *testing.T) {
	rev := fixtureReport().Documents[0].Revision
	require.NotNil(t, rev)
	assert.Equal(t, "en", rev.Lang)
	assert.Equal(t, 3, rev.Unchanged)
	assert.Equal(t, []string{"A paragraph that was removed."}, rev.Removed)
	var got []string
	for _, c := range rev.Changes {
		got = append(got, fmt.Sprintf("pair %d block %d added=%v", c.Pair, c.Block, c.Added))
	}
	assert.Equal(t, []string{"pair 1 block 1 added=false", "pair 3 block 3 added=false", "pair 6 block 5 added=true"}, got)
}

// report builds a one-document report with n findings of each severity.
func report(nErr, nWarn, nInfo int) *reports.Report {
	d := &reports.Document{Zh: reports.Side{Path: "a.zh.txt"}, En: reports.Side{Path: "a.en.txt"}, Pairs: []reports.Pair{}, Findings: []*reports.Finding{}}
	seen := map[string]int{}
	add := func(sev string, n int) {
		for i := 0; i < n; i++ {
			line := len(d.Findings) + 1
			d.Findings = append(d.Findings, &reports.Finding{Check: "c-" + sev, Category: "format", Severity: sev,
				Message: fmt.Sprintf("%s %d", sev, seen[sev]), Pair: -1, Fingerprint: fmt.Sprint(line),
				En: &reports.Location{Path: "a.en.txt", Line: line, Column: 1, EndLine: line, EndColumn: 5, Text: "text"}})
			seen[sev]++
		}
	}
	// Interleave severities so order by kind is the writer's doing.
	for i := 0; i < max(nErr, nWarn, nInfo); i++ {
		if i < nInfo {
			add("info", 1)
		}
		if i < nWarn {
			add("warning", 1)
		}
		if i < nErr {
			add("error", 1)
		}
	}
	d.Summary = reports.Counts{Error: nErr, Warning: nWarn, Info: nInfo}
	return &reports.Report{Version: 1, Tool: reports.Tool{Name: "aligncheck", Version: "test"}, Documents: []*reports.Document{d},
		Summary: reports.Summary{Documents: 1, Error: nErr, Warning: nWarn, Info: nInfo}}
}

func TestGitHubLimits(t *testing.T) {
	for _, tc := range []struct {
		e, w, i          int
		shown            [3]int // errors, warnings, notices before the summary
		summary          string
		wantSummaryFirst string
	}{
		{3, 2, 10, [3]int{3, 2, 10}, "", ""},
		{3, 2, 11, [3]int{3, 2, 9}, "2 more findings not shown as annotations (2 notices; GitHub shows 10 of each kind per step)", ""},
		{25, 3, 12, [3]int{10, 3, 9}, "18 more findings not shown as annotations (15 errors, 3 notices; GitHub shows 10 of each kind per step)", ""},
		{12, 0, 0, [3]int{10, 0, 0}, "2 more findings not shown as annotations (2 errors; GitHub shows 10 of each kind per step)", ""},
	} {
		r := report(tc.e, tc.w, tc.i)
		r.View.Show = checks.Info // every finding: this is about GitHub's limits
		out := string(write(t, reports.GitHub{}, r))
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		var kinds []string
		count := map[string]int{}
		for _, l := range lines {
			k, _, _ := strings.Cut(strings.TrimPrefix(l, "::"), " ")
			kinds = append(kinds, k)
			count[k]++
		}
		name := fmt.Sprintf("%d/%d/%d", tc.e, tc.w, tc.i)
		wantNotices := tc.shown[2]
		if tc.summary != "" {
			wantNotices++
			assert.Contains(t, lines[len(lines)-1], "::notice title=aligncheck::"+tc.summary, name)
		}
		assert.Equal(t, tc.shown[0], count["error"], name)
		assert.Equal(t, tc.shown[1], count["warning"], name)
		assert.Equal(t, wantNotices, count["notice"], name)
		// Most important first.
		rank := map[string]int{"error": 0, "warning": 1, "notice": 2}
		for k := 1; k < len(kinds); k++ {
			assert.LessOrEqual(t, rank[kinds[k-1]], rank[kinds[k]], "%s: %s after %s", name, kinds[k], kinds[k-1])
		}
	}
	// Within a kind, report order.
	out := string(write(t, reports.GitHub{}, report(3, 0, 0)))
	assert.Equal(t, 3, strings.Count("\n"+out, "\n::error "))
	assert.Less(t, strings.Index(out, "error 0"), strings.Index(out, "error 1"))
	assert.Less(t, strings.Index(out, "error 1"), strings.Index(out, "error 2"))
}

func TestGitHubEscaping(t *testing.T) {
	r := report(1, 0, 0)
	f := r.Documents[0].Findings[0]
	f.Message = "100% sure\r\nsecond line, a:b \x1b[31m"
	f.Check = "a:b,c"
	f.En.Path = "dir,x:y/50%.txt"
	f.En.EndLine = 3
	out := string(write(t, reports.GitHub{}, r))
	assert.Equal(t, "::error file=dir%2Cx%3Ay/50%25.txt,line=1,endLine=3,title=a%3Ab%2Cc::100%25 sure%0D%0Asecond line, a:b %1B[31m [a:b,c]\n", out)
}

func TestJUnit(t *testing.T) {
	for name, r := range map[string]*reports.Report{"fixture": fixtureReport(), "hostile": hostileReport(t), "reference": refReport(t)} {
		out := write(t, reports.JUnit{}, r)
		for i, c := range string(out) {
			if c < 0x20 && c != '\n' && c != '\t' && c != '\r' {
				t.Fatalf("%s: control character %U at byte %d of the JUnit XML", name, c, i)
			}
		}
		dec := xml.NewDecoder(bytes.NewReader(out))
		for {
			_, err := dec.Token()
			if err == io.EOF {
				break
			}
			require.NoError(t, err, "%s: JUnit XML is not well-formed", name)
		}
		var suites struct {
			Tests    int `xml:"tests,attr"`
			Failures int `xml:"failures,attr"`
			Suites   []struct {
				Name     string `xml:"name,attr"`
				Tests    int    `xml:"tests,attr"`
				Failures int    `xml:"failures,attr"`
				Cases    []struct {
					Name    string `xml:"name,attr"`
					Failure *struct {
						Type string `xml:"type,attr"`
						Text string `xml:",chardata"`
					} `xml:"failure"`
					Out string `xml:"system-out"`
				} `xml:"testcase"`
			} `xml:"testsuite"`
		}
		require.NoError(t, xml.Unmarshal(out, &suites))
		require.Len(t, suites.Suites, len(r.Documents))
		tests, failures := 0, 0
		for si, s := range suites.Suites {
			d := r.Documents[si]
			assert.Len(t, s.Cases, s.Tests)
			assert.GreaterOrEqual(t, s.Tests, len(r.Checks), "%s: a testcase per check", name)
			tests += s.Tests
			failures += s.Failures
			n := 0
			for _, c := range s.Cases {
				var failing, info int
				for _, f := range d.Findings {
					if f.Check == c.Name {
						if f.Severity == "info" {
							info++
						} else {
							failing++
						}
					}
				}
				assert.Equal(t, failing > 0, c.Failure != nil, "%s/%s: fails exactly when it has an error or warning", name, c.Name)
				if c.Failure != nil {
					n++
					assert.Equal(t, failing, strings.Count(c.Failure.Text, "\n"), "%s/%s: one line per failing finding", name, c.Name)
				}
				assert.Equal(t, info, strings.Count(c.Out, "\n"), "%s/%s: info findings in system-out", name, c.Name)
			}
			assert.Equal(t, n, s.Failures)
		}
		assert.Equal(t, tests, suites.Tests)
		assert.Equal(t, failures, suites.Failures)
	}
	// Control characters are shown as escapes, not dropped.
	assert.Contains(t, string(write(t, reports.JUnit{}, fixtureReport())), `control characters "\u0001\u0007"`)
}

func TestMarkdown(t *testing.T) {
	r := report(1, 24, 0)
	f := r.Documents[0].Findings[0]
	f.Message = "# not a heading <img src=x onerror=alert(1)> *bold* [link](x) | pipe `code` ~~strike~~"
	f.En.Text = "1. not a list\nsecond line\x07"
	out := string(write(t, reports.Markdown{}, r))
	for _, want := range []string{
		`\# not a heading &lt;img src=x onerror=alert(1)&gt; \*bold\* \[link\](x) \| pipe` + " \\`code\\` \\~\\~strike\\~\\~",
		"> en: 1\\. not a list second line\uFFFD",
		"…and 5 more (5 warning): see the full report.",
	} {
		assert.Contains(t, out, want)
	}
	assert.NotContains(t, out, "<img")
	assert.Equal(t, 20, strings.Count(out, "\n   > en:"), "top 20 findings")
	// Errors first.
	assert.Less(t, strings.Index(out, "**error**"), strings.Index(out, "**warning**"))
}

func TestSARIFLocations(t *testing.T) {
	r := fixtureReport()
	var log struct {
		Runs []struct {
			ColumnKind string `json:"columnKind"`
			Tool       struct {
				Driver struct {
					Rules []struct {
						ID                   string `json:"id"`
						DefaultConfiguration struct {
							Level string `json:"level"`
						} `json:"defaultConfiguration"`
					} `json:"rules"`
				} `json:"driver"`
			} `json:"tool"`
			Results []struct {
				RuleID    string `json:"ruleId"`
				RuleIndex int    `json:"ruleIndex"`
				Level     string `json:"level"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"locations"`
				Related []struct {
					PhysicalLocation struct {
						ArtifactLocation struct {
							URI string `json:"uri"`
						} `json:"artifactLocation"`
					} `json:"physicalLocation"`
				} `json:"relatedLocations"`
				Fingerprints map[string]string `json:"partialFingerprints"`
			} `json:"results"`
		} `json:"runs"`
	}
	require.NoError(t, json.Unmarshal(write(t, reports.SARIF{}, r), &log))
	require.Len(t, log.Runs, 1)
	run := log.Runs[0]
	assert.Equal(t, "unicodeCodePoints", run.ColumnKind)
	require.Len(t, run.Tool.Driver.Rules, len(fixtureChecks))
	assert.Equal(t, "note", run.Tool.Driver.Rules[6].DefaultConfiguration.Level, "info → note")
	var all []*reports.Finding
	for _, d := range r.Documents {
		all = append(all, d.Findings...)
	}
	require.Len(t, run.Results, len(all))
	for i, res := range run.Results {
		f := all[i]
		assert.Equal(t, f.Check, res.RuleID)
		assert.Equal(t, f.Check, run.Tool.Driver.Rules[res.RuleIndex].ID)
		assert.Equal(t, f.Fingerprint, res.Fingerprints["alignCheckFingerprint/v1"])
		if f.En != nil && f.Zh != nil {
			assert.Equal(t, "a.en.txt", res.Locations[0].PhysicalLocation.ArtifactLocation.URI, "translation first")
			require.Len(t, res.Related, 1)
			assert.Equal(t, "a.zh.txt", res.Related[0].PhysicalLocation.ArtifactLocation.URI)
		}
	}
	// With English as the original, the Chinese side comes first.
	r.Source = "en"
	require.NoError(t, json.Unmarshal(write(t, reports.SARIF{}, r), &log))
	for i, res := range log.Runs[0].Results {
		if all[i].En != nil && all[i].Zh != nil {
			assert.Equal(t, "a.zh.txt", res.Locations[0].PhysicalLocation.ArtifactLocation.URI)
		}
	}
	// Paths become URI references.
	r2 := report(1, 0, 0)
	r2.Documents[0].Findings[0].En.Path = "/abs/dir/a b#1.txt"
	out := string(write(t, reports.SARIF{}, r2))
	assert.Contains(t, out, `"uri": "file:///abs/dir/a%20b%231.txt"`)
}
