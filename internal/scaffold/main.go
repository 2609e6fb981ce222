// Command scaffold starts a new check: the three things adding one takes.
//
//	go run ./internal/scaffold [-category C] [-severity S] NAME
//
// It writes checks/NAME.go (the check's value with its doc, category,
// severity and an option, and a Run that walks the paired paragraphs),
// adds the one line to the registry (checks/registry.go), and writes two
// fixture cases under testdata/checks/NAME/ (a "/" in NAME is "--" in the
// directory): fires/, whose want.txt you fill with the findings the check
// must give, and clean/, where it must give none. Until the check does
// its job, go test ./checks fails on the fixtures — as it should.
// Run from the repository's root (or give -root).
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"go/format"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"text/template"
	"unicode"
)

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("scaffold", flag.ContinueOnError)
	fs.SetOutput(stderr)
	root := fs.String("root", ".", "the repository's root `directory`")
	category := fs.String("category", "format", "the check's `category` (ARCHITECTURE.md's vocabulary)")
	severity := fs.String("severity", "warning", "the check's default `severity`: error, warning or info")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: go run ./internal/scaffold [-category C] [-severity S] NAME")
		return 2
	}
	files, err := scaffold(*root, fs.Arg(0), *category, *severity)
	if err != nil {
		fmt.Fprintln(stderr, "scaffold:", err)
		return 2
	}
	for _, f := range files {
		fmt.Fprintln(stdout, "wrote", f)
	}
	fmt.Fprintln(stdout, "next: write the rule in Run and the doc, fill testdata's fires/want.txt, then go test ./checks")
	return 0
}

var (
	checkName  = regexp.MustCompile(`^[a-z][a-z0-9-]*(/[a-z][a-z0-9-]*)?$`)
	categories = []string{"alignment", "omission", "addition", "length", "numbering", "numbers",
		"terminology", "names", "punctuation", "untranslated", "format"}
	severities = map[string]string{"error": "Error", "warning": "Warning", "info": "Info"}
)

// params are what the templates fill in.
type params struct {
	Name, Var, Run, Category, Severity, Dir, File string
}

func newParams(name, category, severity string) (params, error) {
	if !checkName.MatchString(name) {
		return params{}, fmt.Errorf("check name %q: want lower case words joined by -, optionally check/sub-check", name)
	}
	cat := ""
	for _, c := range categories {
		if c == category {
			cat = "Cat" + exported(c)
		}
	}
	if cat == "" {
		return params{}, fmt.Errorf("category %q: want one of %s", category, strings.Join(categories, ", "))
	}
	sev, ok := severities[severity]
	if !ok {
		return params{}, fmt.Errorf("severity %q: want error, warning or info", severity)
	}
	v := exported(name)
	return params{Name: name, Var: v, Run: "run" + v, Category: cat, Severity: sev,
		Dir: strings.ReplaceAll(name, "/", "--"), File: strings.NewReplacer("/", "_", "-", "_").Replace(name) + ".go"}, nil
}

// exported is a name's Go identifier: "numbers/missing" → NumbersMissing.
func exported(name string) string {
	var b strings.Builder
	up := true
	for _, r := range name {
		if r == '/' || r == '-' {
			up = true
			continue
		}
		if up {
			r, up = unicode.ToUpper(r), false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// scaffold writes the files and returns their paths; nothing is
// overwritten.
func scaffold(root, name, category, severity string) ([]string, error) {
	p, err := newParams(name, category, severity)
	if err != nil {
		return nil, err
	}
	regPath := filepath.Join(root, "checks", "registry.go")
	reg, err := os.ReadFile(regPath)
	if err != nil {
		return nil, fmt.Errorf("%v (run from the repository's root, or give -root)", err)
	}
	if regexp.MustCompile(`(?m)^\t` + p.Var + `,$`).Match(reg) {
		return nil, fmt.Errorf("%s is registered already", p.Var)
	}
	end := bytes.Index(reg, []byte("\n}\n"))
	if end < 0 {
		return nil, errors.New(regPath + ": the registry's list not found")
	}
	reg = append(reg[:end:end], append([]byte("\n\t"+p.Var+","), reg[end:]...)...)
	src, err := render(checkTemplate, p)
	if err != nil {
		return nil, err
	}
	if src, err = format.Source(src); err != nil {
		return nil, fmt.Errorf("generated code: %w", err)
	}
	fixtures := filepath.Join(root, "testdata", "checks", p.Dir)
	out := map[string][]byte{filepath.Join(root, "checks", p.File): src}
	for _, c := range []struct{ name, want string }{{"fires", fireWant}, {"clean", cleanWant}} {
		w, err := render(c.want, p)
		if err != nil {
			return nil, err
		}
		dir := filepath.Join(fixtures, c.name)
		out[filepath.Join(dir, "zh.txt")] = []byte(fixtureZh)
		out[filepath.Join(dir, "en.txt")] = []byte(fixtureEn)
		out[filepath.Join(dir, "want.txt")] = w
	}
	var written []string
	for _, path := range sortedKeys(out) {
		if _, err := os.Stat(path); err == nil {
			return written, fmt.Errorf("%s exists already", path)
		}
	}
	for _, path := range sortedKeys(out) {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return written, err
		}
		if err := os.WriteFile(path, out[path], 0o644); err != nil {
			return written, err
		}
		written = append(written, path)
	}
	if err := os.WriteFile(regPath, reg, 0o644); err != nil {
		return written, err
	}
	return append(written, regPath), nil
}

func render(text string, p params) ([]byte, error) {
	var b bytes.Buffer
	err := template.Must(template.New("").Parse(text)).Execute(&b, p)
	return b.Bytes(), err
}

func sortedKeys(m map[string][]byte) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

const checkTemplate = `package checks

import (
	"fmt"

	"github.com/aligncheck/aligncheck/align"
)

// {{.Var}} reports … (one line: what it finds).
var {{.Var}} = &Check{
	Name:     "{{.Name}}",
	Category: {{.Category}},
	Severity: {{.Severity}},
	Run:      {{.Run}},
	Options:  []*Option{ {{- .Run}}MinLength},
	// Confidence says what raises and lowers the confidence findings
	// carry (Finding.Confidence; CapSeverity caps severity by it).
	Confidence: ` + "`" + `1: say here what evidence lowers it.` + "`" + `,
	// The doc is what 'aligncheck explain {{.Name}}' prints and what SARIF and
	// HTML reports show: a title line, a blank line, the rule, what raises
	// and lowers confidence, each option as {{.Name}}.NAME with its default,
	// and an example with the message it gives.
	Doc: ` + "`" + `a title: what is wrong, in a few words

The rule, in prose: what is compared across the pair and when it is
reported. Pairs shorter than {{.Name}}.min-length characters (default 20)
on the Chinese side are skipped.

Example: zh "…" / en "…" → the message it gives` + "`" + `,
}

// {{.Run}}MinLength is an option: config sets it under checks: {{.Name}}:,
// the check reads it with p.Int; TestOptionsDocumented holds the doc to it.
var {{.Run}}MinLength = &Option{Name: "min-length", Type: Integer, Default: 20,
	Doc: "pairs with fewer Chinese characters than this are skipped"}

// {{.Run}} walks the paired paragraphs. Shared facts come from the Pass
// (p.Numbers, p.Leading, p.Quotes; facts.go); report with p.Report, a
// message in lower case, no final period, the evidence quoted.
func {{.Run}}(p *Pass) error {
	minLen := p.Int({{.Run}}MinLength)
	for bi := range p.Align.Beads {
		b := &p.Align.Beads[bi]
		if !pairedBody(p, b) {
			continue
		}
		zh, en := p.Align.Text(b, align.Zh), p.Align.Text(b, align.En)
		if align.Length(zh) < minLen {
			continue
		}
		_ = en // compare zh and en here; when they disagree:
		if false {
			p.Report(Finding{Bead: bi, Zh: p.SideSpan(b, align.Zh), En: p.SideSpan(b, align.En),
				Evidence: "what identifies the finding apart from where it is",
				Message:  fmt.Sprintf("what is wrong, quoting %q", zh)})
		}
	}
	return nil
}
`

const fixtureZh = `（一）加强统筹协调。各地区各部门要把安全工作摆在突出位置，建立健全工作机制。
`

const fixtureEn = `(1) Strengthen overall coordination. All regions and departments must give security work a prominent place and establish working mechanisms.
`

const fireWant = `# Edit zh.txt and en.txt into a pair {{.Name}} must report, and list each
# finding: "file:line: {{.Name}}: regexp of the message". A finding not
# listed fails the test, and so does one listed and not found.
en.txt:1: {{.Name}}: ^the message it gives$
`

const cleanWant = `# A pair that looks like a case for {{.Name}} but is correct: nothing to
# report.
`
