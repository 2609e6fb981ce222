package reports

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// GitHub writes GitHub Actions workflow commands, one annotation per
// finding the view lists: ::error for errors, ::warning for warnings,
// ::notice for info. GitHub shows at most githubMaxPerKind annotations of
// each kind per step, so the most important come first (errors, then
// warnings, then notices, each by place), only as many of each kind as will
// be shown, and a last ::notice says how many were left out: below the
// view's threshold, or over GitHub's limit. A finding with both sides names
// the other side's location after its message. Values are escaped by the
// workflow-command rules: %, CR and LF everywhere, and : and , in
// properties; other control characters are percent-encoded too, so they
// show as codes instead of reaching the log.
type GitHub struct{}

const githubMaxPerKind = 10

func (GitHub) Write(w io.Writer, r *Report) error {
	type ann struct {
		d *Document
		f *Finding
	}
	kinds := map[string][]ann{}
	items, below := r.Listed()
	for _, it := range items {
		k := githubKind(it.F.Severity)
		kinds[k] = append(kinds[k], ann{it.Doc, it.F})
	}
	belowLine := HiddenLine(below)
	order := []string{"error", "warning", "notice"}
	total := 0
	for _, k := range order {
		total += len(kinds[k])
	}
	shown := map[string]int{}
	for _, k := range order {
		shown[k] = min(len(kinds[k]), githubMaxPerKind)
	}
	// The summary is a notice too: it needs one of the notice slots.
	if (belowLine != "" || total > shown["error"]+shown["warning"]+shown["notice"]) && shown["notice"] == githubMaxPerKind {
		shown["notice"]--
	}
	hidden := map[string]int{}
	nHidden := 0
	for _, k := range order {
		hidden[k] = len(kinds[k]) - shown[k]
		nHidden += hidden[k]
		for _, a := range kinds[k][:shown[k]] {
			if _, err := io.WriteString(w, githubCommand(r, a.d, a.f)); err != nil {
				return err
			}
		}
	}
	var msgs []string
	if belowLine != "" {
		msgs = append(msgs, belowLine)
	}
	if nHidden > 0 {
		var parts []string
		for _, k := range order {
			if hidden[k] > 0 {
				parts = append(parts, plural(hidden[k], k))
			}
		}
		msgs = append(msgs, fmt.Sprintf("%s not shown as annotations (%s; GitHub shows %d of each kind per step): see the full report",
			plural(nHidden, "more finding"), strings.Join(parts, ", "), githubMaxPerKind))
	}
	if len(msgs) > 0 {
		if _, err := fmt.Fprintf(w, "::notice title=%s::%s\n", githubProp(r.Tool.Name), githubData(strings.Join(msgs, "; "))); err != nil {
			return err
		}
	}
	return nil
}

func githubKind(sev string) string {
	switch sev {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "notice"
}

func githubCommand(r *Report, d *Document, f *Finding) string {
	var props []string
	if l := r.Primary(f); l != nil {
		props = append(props, "file="+githubProp(l.Path), "line="+strconv.Itoa(l.Line), "endLine="+strconv.Itoa(max(l.EndLine, l.Line)))
		// GitHub uses columns only for an annotation on one line.
		if l.EndLine == l.Line {
			props = append(props, "col="+strconv.Itoa(l.Column), "endColumn="+strconv.Itoa(max(l.EndColumn, l.Column)))
		}
	} else if d.Zh.Path != "" {
		props = append(props, "file="+githubProp(d.Zh.Path))
	}
	props = append(props, "title="+githubProp(f.Check))
	msg := f.Message + " [" + f.Check + "]"
	if o := r.otherSide(f); o != "" {
		msg += " " + o
	}
	return "::" + githubKind(f.Severity) + " " + strings.Join(props, ",") + "::" + githubData(msg) + "\n"
}

// githubData escapes the message of a workflow command.
func githubData(s string) string { return githubEscape(s, false) }

// githubProp escapes a property value of a workflow command.
func githubProp(s string) string { return githubEscape(s, true) }

func githubEscape(s string, prop bool) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '%':
			b.WriteString("%25")
		case r == '\r':
			b.WriteString("%0D")
		case r == '\n':
			b.WriteString("%0A")
		case prop && r == ':':
			b.WriteString("%3A")
		case prop && r == ',':
			b.WriteString("%2C")
		case r < 0x20 || r == 0x7F:
			fmt.Fprintf(&b, "%%%02X", r)
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
