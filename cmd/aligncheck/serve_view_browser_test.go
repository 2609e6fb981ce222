package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/cdproto/target"
	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The spot-check page shows the report in an iframe that may be sandboxed,
// so the page itself never reaches into it. The test does, through the
// browser's debugging protocol: it evaluates script in an isolated world
// of the frame, which sees the frame's document whatever its origin.

// frameEval evaluates js in the report's frame and decodes its JSON value
// into T; ok is false while there is no report in the frame, or js returns
// null or false. A frame in the page's process is reached through an
// isolated world of the page; a sandboxed one, which Chromium runs in a
// process of its own, as a target of its own.
func frameEval[T any](ctx context.Context, js string) (v T, ok bool, err error) {
	tree, err := chromedp.Call(ctx, page.GetFrameTree, cdp.Empty{})
	if err != nil {
		return v, false, err
	}
	var raw []byte
	var frame *cdp.Frame
	for _, c := range tree.FrameTree.ChildFrames {
		if c.Frame.URL == "about:srcdoc" {
			frame = c.Frame
		}
	}
	if frame != nil {
		world, err := chromedp.Call(ctx, page.CreateIsolatedWorld, page.CreateIsolatedWorldParams{FrameID: frame.ID, WorldName: "aligncheck-test"})
		if err != nil {
			return v, false, transient(err)
		}
		yes := true
		res, err := chromedp.Call(ctx, runtime.Evaluate, runtime.EvaluateParams{Expression: js, ContextID: world.ExecutionContextID, ReturnByValue: &yes})
		if err != nil {
			return v, false, transient(err)
		}
		if exc := res.ExceptionDetails; exc != nil {
			return v, false, fmt.Errorf("in the report: %s %s", exc.Text, exceptionText(exc))
		}
		if res.Result != nil {
			raw = res.Result.Value
		}
	} else {
		id, fctx := frameTarget(ctx)
		if fctx == nil {
			return v, false, nil
		}
		if raw, err = chromedp.Run(fctx, chromedp.Evaluate[json.RawMessage](js)); err != nil {
			delete(frameTargets, id) // the frame went to another process: attach again
			return v, false, nil
		}
	}
	if len(raw) == 0 || string(raw) == "null" || string(raw) == "false" {
		return v, false, nil
	}
	return v, true, json.Unmarshal(raw, &v)
}

// transient is nil for the errors of a frame that was replaced between two
// calls (a re-check loads a new report into it, and the world made in the
// old one is gone): the caller polls again. Other errors stand.
func transient(err error) error {
	if strings.Contains(err.Error(), "Cannot find context with specified id") || strings.Contains(err.Error(), "No frame with given id") {
		return nil
	}
	return err
}

// frameTargets are the contexts attached to out-of-process report frames,
// by target, kept for the browser's lifetime.
var frameTargets = map[target.ID]context.Context{}

// frameTarget is a context attached to the report frame when Chromium runs
// it as a target of its own (an "iframe" target at about:srcdoc); nil when
// there is none.
func frameTarget(ctx context.Context) (target.ID, context.Context) {
	infos, err := chromedp.Targets(ctx)
	if err != nil {
		return "", nil
	}
	for _, info := range infos {
		if info.Type != "iframe" || info.URL != "about:srcdoc" {
			continue
		}
		if fctx, ok := frameTargets[info.TargetID]; ok {
			return info.TargetID, fctx
		}
		fctx, _ := chromedp.NewContext(ctx, chromedp.WithTargetID(info.TargetID))
		frameTargets[info.TargetID] = fctx
		return info.TargetID, fctx
	}
	return "", nil
}

// waitFrame polls frameEval until js returns a value other than null or
// false.
func waitFrame[T any](t *testing.T, ctx context.Context, what, js string) T {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for {
		v, ok, err := frameEval[T](ctx, js)
		require.NoError(t, err, what)
		if ok {
			return v
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: not seen in the report within 20 s", what)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

// reportState is what the report in the frame shows.
type reportState struct {
	Sev        string   `json:"sev"`
	Off        []string `json:"off"`
	CurrentSev string   `json:"currentSev"`
	CurrentCat string   `json:"currentCat"`
	// Top of the element the report went to, the bottom of what sticks
	// over it, and the frame's height, in CSS pixels of the frame.
	TargetTop float64 `json:"targetTop"`
	BarBottom float64 `json:"barBottom"`
	Height    float64 `json:"height"`
	Stamp     string  `json:"stamp"`
}

// reportStateJS reads the report's filters and where it went; null until
// the report has gone to a finding.
const reportStateJS = `(() => {
	const cur = document.querySelector("tr.f.current");
	if (!cur) return null;
	const sev = document.querySelector("#filters input[name=sev]:checked");
	const off = [...document.querySelectorAll("#filters input[name=cat]")].filter(i => !i.checked).map(i => i.value);
	const id = cur.dataset.f, li = document.getElementById(id);
	const mark = [...document.querySelectorAll('mark[data-f="' + id + '"]')].find(m => m.getClientRects().length > 0);
	const target = mark || (li && li.closest("tbody.pair")) || li;
	const inTable = target.closest("table.align");
	let bar = document.getElementById("filters").getBoundingClientRect().bottom;
	if (inTable) bar = Math.max(bar, inTable.tHead.getBoundingClientRect().bottom);
	return {sev: sev ? sev.value : "", off, currentSev: cur.dataset.sev, currentCat: cur.dataset.cat,
		targetTop: target.getBoundingClientRect().top, barBottom: bar, height: innerHeight,
		stamp: document.body.dataset.stamp || ""};
})()`

// TestServeReportView: the spot-check page opens each report at its
// first error — an omitted paragraph too, which has no highlighted words —
// below the sticky bar; keeps the report's filters across re-checks;
// clears the report on an error and says what went wrong in the page's
// words. Run as served, with the iframe sandboxed (scripts only), which
// keeps the report from reaching the page and the page from reaching the
// report: they talk by messages; and with the sandbox removed, as a page
// embedding the report elsewhere might show it.
func TestServeReportView(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test skipped with -short")
	}
	data, err := os.ReadFile(refDoc)
	require.NoError(t, err)
	// one English paragraph left out: the only error is the omission of its
	// Chinese, and the numbering that skips is a warning with words to mark
	var kept []string
	for _, l := range strings.Split(string(data), "\n") {
		if !strings.HasPrefix(l, "(2) Treating people’s security") {
			kept = append(kept, l)
		}
	}
	omitted := strings.Join(kept, "\n")
	require.NotEqual(t, string(data), omitted)

	for _, sandboxed := range []bool{true, false} {
		name := "as-served"
		if !sandboxed {
			name = "unsandboxed"
		}
		t.Run(name, func(t *testing.T) {
			ctx := browser(t)
			base, _, _ := startServe(t, serveFlags{quiet: true})
			require.NoError(t, chromedp.Do(ctx,
				chromedp.Navigate(base+"/"),
				chromedp.WaitReady("#checks input"),
				chromedp.Click("#live"), // checks only on Check: the test decides when
			))
			if !sandboxed {
				require.NoError(t, chromedp.Do(ctx, chromedp.Evaluate[chromedp.Void](`document.getElementById("report").removeAttribute("sandbox")`)))
			}
			stamp := 0
			// check presses Check and waits for a new report to go to its
			// first finding; each report is stamped to tell it from the last.
			check := func() reportState {
				stamp++
				require.NoError(t, chromedp.Do(ctx, chromedp.Click("#go")))
				s := fmt.Sprint(stamp)
				js := `(() => { if (!document.body || document.body.dataset.stamp) return null; document.body.dataset.stamp = "` + s + `"; return true; })()`
				waitFrame[bool](t, ctx, "a new report", js)
				return waitFrame[reportState](t, ctx, "the report goes to its first finding", reportStateJS)
			}

			require.NoError(t, chromedp.Do(ctx,
				chromedp.Click(`input[name=shape][value=one]`),
				chromedp.SetValue("#text", omitted),
			))
			st := check()
			assert.Equal(t, "error", st.CurrentSev, "the first finding gone to is the error")
			assert.Equal(t, "omission", st.CurrentCat, "the error is the omitted paragraph, though it has no highlighted words")
			assert.GreaterOrEqual(t, st.TargetTop, st.BarBottom, "its first line is not under the sticky bar: %+v", st)
			assert.Less(t, st.TargetTop, st.Height, "its first line is on screen: %+v", st)
			assert.Equal(t, "warning", st.Sev, "the report starts at warnings and errors")
			screenshot(t, ctx, "serve-"+name+"-omission.png")

			// the reader changes the filters; a re-check keeps them
			_, _, err := frameEval[bool](ctx, `(() => {
				document.getElementById("sev-all").click();
				const c = document.querySelector('#filters input[name=cat][value="numbering"]');
				c.click();
				return true;
			})()`)
			require.NoError(t, err)
			require.NoError(t, chromedp.Do(ctx, chromedp.SetValue("#text", omitted+"\n")))
			st = check()
			assert.Equal(t, "info", st.Sev, "the severity filter chosen in the last report")
			assert.Equal(t, []string{"numbering"}, st.Off, "the category turned off in the last report")
			assert.Equal(t, "error", st.CurrentSev)

			// an error: the old report goes, the message speaks of the boxes
			require.NoError(t, chromedp.Do(ctx,
				chromedp.Click(`input[name=shape][value=two]`),
				chromedp.SetValue("#zh", "Only English was pasted in the Chinese box."),
				chromedp.SetValue("#en", "Only English was pasted in the Chinese box."),
				chromedp.Click("#go"),
			))
			status, err := chromedp.Run(ctx, chromedp.Poll[string](`document.getElementById("status").className === "error" && document.getElementById("status").textContent`, chromedp.WithPollingTimeout(10*time.Second)))
			require.NoError(t, err)
			assert.Contains(t, status, "no Chinese text")
			assert.Contains(t, status, "Chinese box")
			for _, apiWord := range []string{"<zh-text>", "file", "400"} {
				assert.NotContains(t, status, apiWord, "the page's words, not the API's")
			}
			cleared, err := chromedp.Run(ctx, chromedp.Evaluate[bool](`(() => { const f = document.getElementById("report"); return f.hidden && !f.hasAttribute("srcdoc") && f.getClientRects().length === 0 && document.getElementById("summary").textContent === ""; })()`))
			require.NoError(t, err)
			assert.True(t, cleared, "the stale report is gone")
			screenshot(t, ctx, "serve-"+name+"-error.png")

			// and the next report still has the reader's filters
			require.NoError(t, chromedp.Do(ctx, chromedp.Click(`input[name=shape][value=one]`)))
			st = check()
			assert.Equal(t, "info", st.Sev)
			assert.Equal(t, []string{"numbering"}, st.Off)
		})
	}
}

func exceptionText(exc *runtime.ExceptionDetails) string {
	if exc.Exception != nil {
		return exc.Exception.Description
	}
	return ""
}

// TestServePageWithoutScript: without JavaScript the page says so, and how
// to check without it, instead of "loading…" for ever.
func TestServePageWithoutScript(t *testing.T) {
	ctx := browser(t)
	base, _, _ := startServe(t, serveFlags{quiet: true})
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate("about:blank")))
	_, err := chromedp.Call(ctx, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true})
	require.NoError(t, err)
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(base+"/"), chromedp.WaitReady("noscript, .noscript, body")))
	text, err := chromedp.Run(ctx, chromedp.Evaluate[string](`document.body.innerText`))
	require.NoError(t, err)
	assert.Contains(t, text, "This page needs JavaScript")
	assert.Contains(t, text, "aligncheck check --zh-text")
	assert.NotContains(t, text, "loading")
	screenshot(t, ctx, "serve-noscript.png")
}
