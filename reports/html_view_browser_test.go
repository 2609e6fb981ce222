package reports_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/reports"
)

// The view browser test opens the report of a damaged copy of the
// reference document (one English paragraph deleted, 2035 → 2053, "(3)" →
// "(4)": three errors) and checks what an editor sees: the table of
// findings open, errors first; "next" going to each error in turn with its
// first line below the sticky bar; the severity filter "at or above";
// counts that follow the filters; the chart marking the errors and the
// omission; a short title; the table open in print. It asserts what the
// page shows, never how long it took.

func damagedReport(t *testing.T) *reports.Report {
	t.Helper()
	data, err := os.ReadFile(refFile)
	require.NoError(t, err)
	var kept []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "(2) Treating people’s security") {
			kept = append(kept, l)
		}
	}
	text := strings.Join(kept, "\n")
	text = strings.Replace(text, "by 2035 our society", "by 2053 our society", 1)
	text = strings.Replace(text, "(3) Modernizing the national", "(4) Modernizing the national", 1)
	require.NotEqual(t, string(data), text)
	doc, err := input.Interleaved("testdata/damaged.txt", text)
	require.NoError(t, err)
	r := checkDoc(t, doc)
	require.Equal(t, 3, r.Summary.Error, "the three planted errors")
	return r
}

// shot saves a screenshot in the test's temporary directory, and in
// $ALIGNCHECK_SCREENSHOTS when set.
func shot(t *testing.T, b *browser, name string) {
	t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	dirs := []string{t.TempDir()}
	if d := os.Getenv("ALIGNCHECK_SCREENSHOTS"); d != "" {
		dirs = append(dirs, d)
	}
	for _, d := range dirs {
		p := filepath.Join(d, name)
		require.NoError(t, os.WriteFile(p, png, 0o644))
		t.Logf("screenshot: %s", p)
	}
}

// openPage writes a page to a file and loads it.
func openPage(t *testing.T, b *browser, name string, page []byte) {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	require.NoError(t, os.WriteFile(path, page, 0o644))
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Navigate("file://"+path)))
}

type tableState struct {
	Open     bool
	Rows     []string // severities of the visible rows, in order
	Count    string
	Checked  string
	Title    string
	H1Lines  float64
	ErrMarks int
	GapErrs  int
}

const tableStateJS = `(() => {
	const d = document.querySelector("details.flist"), vis = e => e.getClientRects().length > 0;
	const h1 = document.querySelector("h1");
	return {
		Open: d.open && vis(d.querySelector("table.flist")),
		Rows: [...d.querySelectorAll("tr.f")].filter(vis).map(r => r.dataset.sev),
		Count: d.querySelector(".fcount").textContent,
		Checked: document.querySelector("#filters input[name=sev]:checked").value,
		Title: document.title,
		H1Lines: h1.getBoundingClientRect().height / parseFloat(getComputedStyle(h1).lineHeight),
		ErrMarks: document.querySelectorAll("svg circle.pt.err, svg rect.gapmark.err").length,
		GapErrs: document.querySelectorAll("svg rect.gapmark.err").length,
	};
})()`

type navState struct {
	ID, Sev, Cat, At string
	Top, Bar, Height float64
}

// navStateJS reads the finding the controls went to: its row, and where
// its first line is (the words it highlights, else its paragraph pair)
// against the bottom of what sticks over the page.
const navStateJS = `(() => {
	const row = document.querySelector("tr.f.current");
	if (!row) return {ID: "", Sev: "", Cat: "", At: "", Top: 0, Bar: 0, Height: innerHeight};
	const id = row.dataset.f, li = document.getElementById(id);
	const mark = [...document.querySelectorAll('mark[data-f="' + id + '"]')].find(m => m.getClientRects().length > 0);
	const target = mark || li.closest("tbody.pair") || li;
	let bar = document.getElementById("filters").getBoundingClientRect().bottom;
	const table = target.closest("table.align");
	if (table) bar = Math.max(bar, table.tHead.getBoundingClientRect().bottom);
	return {ID: id, Sev: row.dataset.sev, Cat: row.dataset.cat, At: document.getElementById("nav-at").textContent,
		Top: target.getBoundingClientRect().top, Bar: bar, Height: innerHeight};
})()`

func TestHTMLReportViewInBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	b := newBrowser(t)
	r := damagedReport(t)
	total := r.Summary.Error + r.Summary.Warning + r.Summary.Info
	openPage(t, b, "damaged.html", write(t, reports.HTML{}, r))

	// On load: the table is open, errors first, at the view's threshold.
	st := evalJS[tableState](t, b, tableStateJS)
	assert.True(t, st.Open, "the findings table is open")
	require.GreaterOrEqual(t, len(st.Rows), 3)
	assert.Equal(t, []string{"error", "error", "error"}, st.Rows[:3], "errors first")
	assert.NotContains(t, st.Rows, "info", "warnings and errors by default")
	assert.Len(t, st.Rows, r.Summary.Error+r.Summary.Warning)
	assert.Equal(t, "warning", st.Checked)
	assert.Contains(t, st.Count, "of", "the count says what the filter shows: %q", st.Count)
	assert.Equal(t, "aligncheck: damaged.txt", st.Title, "a short title")
	assert.Less(t, st.H1Lines, 1.5, "the title is one line")
	assert.Equal(t, 3, st.ErrMarks, "the chart marks each pair with an error")
	assert.Equal(t, 1, st.GapErrs, "the omitted paragraph is marked apart from furniture")
	shot(t, b, "view-top.png")

	// "next" goes to each error in turn, its first line below the bar.
	seen := map[string]bool{}
	for i := 1; i <= 3; i++ {
		require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("next-f"))))
		nv := evalJS[navState](t, b, navStateJS)
		assert.Equal(t, "error", nv.Sev, "step %d goes to an error", i)
		assert.False(t, seen[nv.ID], "step %d goes to a new error: %s", i, nv.ID)
		seen[nv.ID] = true
		assert.GreaterOrEqual(t, nv.Top, nv.Bar, "step %d: the first line is not under the sticky bar: %+v", i, nv)
		assert.Less(t, nv.Top+8, nv.Height, "step %d: the first line is on screen: %+v", i, nv)
		assert.Contains(t, nv.At, "error "+strconv.Itoa(i)+" of 3", "the bar names where it is")
		shot(t, b, "view-error-"+strconv.Itoa(i)+".png")
	}
	// then the warnings; the keys do the same as the buttons
	require.NoError(t, chromedp.Do(b.ctx, chromedp.KeyEvent("j")))
	nv := evalJS[navState](t, b, navStateJS)
	assert.Equal(t, "warning", nv.Sev, "after the errors, the warnings")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.KeyEvent("k")))
	nv = evalJS[navState](t, b, navStateJS)
	assert.Equal(t, "error", nv.Sev, "k goes back to the last error")
	assert.GreaterOrEqual(t, nv.Top, nv.Bar)

	// A link to a pair also stops below the bar.
	evalJS[bool](t, b, `(() => { window.scrollTo(0, 0); return true; })()`)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(`table.flist tr.f td:last-child a`))))
	pos := evalJS[navState](t, b, `(() => { const p = document.querySelector("tbody.pair.hit, tr.f.current"); const id = document.querySelector("tr.f.current").dataset.f;
		const t = [...document.querySelectorAll('mark[data-f="' + id + '"]')][0] || document.getElementById(id).closest("tbody.pair");
		return {ID: "", Sev: "", Cat: "", At: "", Top: t.getBoundingClientRect().top, Bar: Math.max(document.getElementById("filters").getBoundingClientRect().bottom, document.querySelector("table.align thead").getBoundingClientRect().bottom), Height: innerHeight}; })()`)
	assert.GreaterOrEqual(t, pos.Top, pos.Bar, "a link's target is not under the bar: %+v", pos)

	// The severity filter is "at or above"; the counts follow the filters.
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("sev-error"))))
	st = evalJS[tableState](t, b, tableStateJS)
	assert.Equal(t, []string{"error", "error", "error"}, st.Rows)
	assert.Equal(t, "3 of "+strconv.Itoa(total)+" shown", st.Count)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("sev-warning"))))
	st = evalJS[tableState](t, b, tableStateJS)
	assert.Contains(t, st.Rows, "error", "warning shows the errors too")
	assert.Contains(t, st.Rows, "warning")
	assert.NotContains(t, st.Rows, "info")
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("sev-all"))))
	st = evalJS[tableState](t, b, tableStateJS)
	assert.Len(t, st.Rows, total)
	assert.Equal(t, strconv.Itoa(total), st.Count)
	catCount := evalJS[string](t, b, `document.querySelector('#filters .n[data-cat="omission"]').textContent`)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.ID("sev-error"))))
	assert.Equal(t, "1", evalJS[string](t, b, `document.querySelector('#filters .n[data-cat="omission"]').textContent`), "category counts follow the severity filter (was %s)", catCount)
	require.NoError(t, chromedp.Do(b.ctx, chromedp.Click(chromedp.CSS(`#filters input[name=cat][value="omission"]`))))
	st = evalJS[tableState](t, b, tableStateJS)
	assert.Equal(t, "2 of "+strconv.Itoa(total)+" shown", st.Count)

	// Printing opens the table, even folded.
	evalJS[bool](t, b, `(() => { document.querySelector("details.flist").open = false; return true; })()`)
	_, err := chromedp.Call(b.ctx, page.PrintToPDF, page.PrintToPDFParams{})
	require.NoError(t, err)
	assert.True(t, evalJS[bool](t, b, `document.querySelector("details.flist").open`), "the table is open for print")
	_, err = chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	require.NoError(t, err)
	assert.True(t, evalJS[bool](t, b, `document.querySelector("table.flist").getClientRects().length > 0 && getComputedStyle(document.getElementById("filters")).display === "none"`), "print: table shown, controls hidden")
	shot(t, b, "view-print.png")
	_, err = chromedp.Call(b.ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: ""})
	require.NoError(t, err)

	// A two-file report's title names the files, not their directories.
	zh, en := refPairTexts(t)
	doc, err := input.TwoFiles("/home/editor/projects/institute/2024/translations/zh/modernizing.zh.txt", zh,
		"/home/editor/projects/institute/2024/translations/en/modernizing.en.txt", en)
	require.NoError(t, err)
	openPage(t, b, "two-files.html", write(t, reports.HTML{}, checkDoc(t, doc)))
	st = evalJS[tableState](t, b, tableStateJS)
	assert.Equal(t, "aligncheck: modernizing.zh.txt | modernizing.en.txt", st.Title)
	assert.Less(t, st.H1Lines, 1.5, "the title is one line")
}

// refPairTexts are the first paragraphs of the reference document as two
// files' texts.
func refPairTexts(t *testing.T) (zh, en string) {
	t.Helper()
	data, err := os.ReadFile(refFile)
	require.NoError(t, err)
	var zs, es []string
	for _, b := range strings.Split(string(data), "\n\n")[5:14] {
		b = strings.TrimSpace(b)
		if b == "" {
			continue
		}
		if strings.ContainsAny(b, "的是国") {
			zs = append(zs, b)
		} else {
			es = append(es, b)
		}
	}
	return strings.Join(zs, "\n\n") + "\n", strings.Join(es, "\n\n") + "\n"
}
