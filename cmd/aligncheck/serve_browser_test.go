package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// browser starts headless Chromium with a fresh profile, or skips the test
// when there is none. ALIGNCHECK_CHROMIUM names another binary.
func browser(t *testing.T) context.Context {
	t.Helper()
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	path := os.Getenv("ALIGNCHECK_CHROMIUM")
	if path == "none" { // as if none were installed
		path = ""
	} else if path == "" {
		for _, name := range []string{"/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome"} {
			if p, err := exec.LookPath(name); err == nil {
				path = p
				break
			}
		}
	}
	if path == "" {
		msg := "browser test skipped: no Chromium (scripts/chromium.sh, apt-get install -y chromium, or set ALIGNCHECK_CHROMIUM)"
		if os.Getenv("ALIGNCHECK_REQUIRE_BROWSER") == "1" {
			t.Fatal(msg + " (ALIGNCHECK_REQUIRE_BROWSER=1: a browser test may not skip)")
		}
		t.Skip(msg)
	}
	dir := t.TempDir()
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(),
		chromedp.ExecPath(path),
		// Chromium makes its singleton socket's directory in TMPDIR and
		// leaves it behind when it is stopped: in the test's own
		// directory, the test's clean-up takes it away.
		chromedp.Env("TMPDIR="+dir),
		chromedp.Headless,
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(filepath.Join(dir, "profile")),
		chromedp.WindowSize(1280, 1000),
	)
	ctx, cancelTab := chromedp.NewContext(alloc)
	ctx, cancelTime := context.WithTimeout(ctx, 90*time.Second)
	t.Cleanup(func() {
		cancelTime()
		cancelTab()
		cancelAlloc()
	})
	return ctx
}

// screenshot saves the page in the test's temporary directory, and in
// $ALIGNCHECK_SCREENSHOTS when set, so that a person can look at it.
func screenshot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	png, err := chromedp.Run(ctx, chromedp.FullScreenshot(100)) // quality 100 gives a PNG
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

// spotPair is a paragraph pair with one finding the page must show: a
// number that differs, or (in a build without the numbers check) a section
// number that differs.
func spotPair() (zh, en, category string) {
	if checks.Lookup("numbers") != nil {
		return "2022年全国粮食产量达到13731亿斤，比上年增加74亿斤。",
			"In 2022 national grain output reached 1,373.1 billion jin, 84 billion jin more than the previous year.",
			"numbers"
	}
	return spotZh, spotEn, "numbering"
}

// wantFinding asks the API for the finding the page must show: its message
// and the excerpt it highlights.
func wantFinding(t *testing.T, base, zh, en, category string) (message, excerpt string) {
	t.Helper()
	req, _ := json.Marshal(map[string]string{"zh": zh, "en": en})
	resp, err := http.Post(base+"/api/check", "application/json", bytes.NewReader(req))
	require.NoError(t, err)
	defer resp.Body.Close()
	var rep reports.Report
	require.NoError(t, json.NewDecoder(resp.Body).Decode(&rep))
	for _, f := range rep.Documents[0].Findings {
		if f.Category != category {
			continue
		}
		for _, l := range []*reports.Location{f.En, f.Zh} {
			if l != nil && l.Text != "" && l.Text != en && l.Text != zh {
				return f.Message, l.Text
			}
		}
	}
	t.Fatalf("no %s finding with an excerpt: %+v", category, rep.Documents[0].Findings)
	return "", ""
}

// shownJS finds, in the report the page shows in its (sandboxed) iframe,
// the message and an element highlighting the excerpt: a mark, or an
// element whose class names a severity or a finding. It runs in the frame
// (frameEval).
const shownJS = `((message, excerpt) => {
	const doc = document;
	if (!doc.body) return false;
	const text = doc.body.innerText || "";
	if (!text.includes(message)) return false;
	const marked = [...doc.querySelectorAll("mark, [class*=sev], [class*=finding]")]
		.filter((e) => e.textContent.trim() === excerpt);
	if (!marked.length) return false;
	return {marked: marked.map((e) => e.outerHTML.slice(0, 300)), scrolled: doc.scrollingElement.scrollTop};
})(%s, %s)`

type shown struct {
	Marked   []string `json:"marked"`
	Status   string   `json:"status"`
	Summary  string   `json:"summary"`
	Scrolled float64  `json:"scrolled"`
}

func jsString(s string) string {
	b, _ := json.Marshal(s)
	return string(b)
}

// TestServeBrowser pastes a paragraph pair into the page of a running
// `aligncheck serve`, once typed (checked as one types) and once pasted and
// submitted, and looks for the highlighted finding.
func TestServeBrowser(t *testing.T) {
	ctx := browser(t)
	base, _, _ := startServe(t, serveFlags{quiet: true})
	zh, en, category := spotPair()
	message, excerpt := wantFinding(t, base, zh, en, category)
	// find waits for the finding in the report, then reads the page's
	// status and summary beside it.
	find := func(what string) shown {
		t.Helper()
		got := waitFrame[shown](t, ctx, what, fmt.Sprintf(shownJS, jsString(message), jsString(excerpt)))
		var err error
		got.Status, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("status").textContent`))
		require.NoError(t, err)
		got.Summary, err = chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("summary").textContent`))
		require.NoError(t, err)
		return got
	}
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/")))
	sandbox, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.getElementById("report").getAttribute("sandbox")`))
	require.NoError(t, err)
	assert.Equal(t, "allow-scripts", sandbox, "the report runs its scripts in a frame of no origin")

	// Typed: the page checks by itself once typing pauses.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitReady("#checks input"),
		chromedp.Evaluate[chromedp.Void](`window.cspViolations = []; document.addEventListener("securitypolicyviolation", (e) => window.cspViolations.push(e.violatedDirective + " " + e.blockedURI))`),
		chromedp.SetValue("#zh", zh),
		chromedp.SendKeys("#en", en),
	))
	got := find(fmt.Sprintf("the finding %q on %q appears without pressing Check", message, excerpt))
	t.Logf("typed: highlighted %v; %s; %s", got.Marked, got.Summary, got.Status)

	// Pasted and submitted: clear the result, paste, press Check.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Navigate(base+"/"),
		chromedp.WaitReady("#checks input"),
		chromedp.Click("#live"),
		chromedp.SetValue("#zh", zh),
		chromedp.SetValue("#en", en),
		chromedp.Click("#go"),
	))
	got = find(fmt.Sprintf("the finding %q on %q appears after Check", message, excerpt))
	assert.Contains(t, got.Status, "checked in")
	assert.Regexp(t, `^\d+ errors?, \d+ warnings?, \d+ info$`, got.Summary)
	// The report's inline script ran (it shows its filters) and its inline
	// style applies, under the page's content security policy.
	ran := waitFrame[string](t, ctx, "the report's script and style", `(() => {
		const f = document.getElementById("filters");
		const mark = document.querySelector("mark");
		return (f ? (f.hidden ? "script blocked" : "script ran") : "no filters") + "; mark background " + getComputedStyle(mark).backgroundColor;
	})()`)
	assert.NotContains(t, ran, "script blocked")
	assert.NotContains(t, ran, "rgba(0, 0, 0, 0)", "the report's style applies")
	t.Logf("submitted: %s; %s; report scrolled to %vpx", ran, got.Summary, got.Scrolled)
	screenshot(t, ctx, "spot-check.png")

	violations, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`window.cspViolations || []`))
	require.NoError(t, err)
	assert.Empty(t, violations, "content security policy violations")

	// An error is shown, not swallowed.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.SetValue("#zh", "only English here"),
		chromedp.Click("#go"),
	))
	status, err := chromedp.Run(ctx, chromedp.Poll[string](`document.getElementById("status").className === "error" && document.getElementById("status").textContent`,
		chromedp.WithPollingTimeout(10*time.Second)))
	require.NoError(t, err)
	assert.Contains(t, status, "no Chinese text")

	// A glossary pasted in its box reaches the terminology check.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.SetValue("#zh", "深刻领悟“两个确立”的决定性意义。"),
		chromedp.SetValue("#en", "Deeply understand the decisive significance of the 'two affirmations'."),
		chromedp.Click("#glossary-box summary"),
		chromedp.SetValue("#glossary", "两个确立\tTwo Establishes"),
		chromedp.Click("#go"),
	))
	waitFrame[bool](t, ctx, "a terminology finding from the page's glossary", `(() => {
		return !!document.body && document.body.innerText.includes("Two Establishes") && !!document.querySelector("mark");
	})()`)
	require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("glossary").value = ""`)))

	// One box: the same pair interleaved.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(`input[name=shape][value=one]`),
		chromedp.SetValue("#text", en+"\n\n"+zh+"\n"),
		chromedp.Click("#go"),
	))
	find("the finding appears for interleaved text")
}
