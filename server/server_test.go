package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tinyDict keeps unit tests from loading the real segmentation dictionary;
// the load test (ALIGNCHECK_LOADTEST=1) uses the real one.
const tinyDict = "国家 8000\n安全 9000\n体系 700\n建设 900\n加强 800\n粮食 600\n产量 500\n"

func TestMain(m *testing.M) {
	if os.Getenv("ALIGNCHECK_LOADTEST") == "" {
		if err := lang.UseDictionary(tinyDict); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
	}
	os.Exit(m.Run())
}

const (
	zhPara = "(三)加强国家安全体系建设。"
	enPara = "(4) Strengthen the national security system."
)

func newTest(t *testing.T, cfg Config) *Server {
	t.Helper()
	s, err := New(cfg)
	require.NoError(t, err)
	return s
}

func do(h http.Handler, method, path, body string) *httptest.ResponseRecorder {
	var r *http.Request
	if body != "" || method == "POST" {
		r = httptest.NewRequest(method, path, strings.NewReader(body))
		r.Header.Set("Content-Type", "application/json")
	} else {
		r = httptest.NewRequest(method, path, nil)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func body(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// apiError decodes an error answer and checks its form.
func apiError(t *testing.T, w *httptest.ResponseRecorder) string {
	t.Helper()
	assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
	var e struct{ Error string }
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &e), w.Body.String())
	assert.NotEmpty(t, e.Error)
	return e.Error
}

func decodeReport(t *testing.T, w *httptest.ResponseRecorder) *reports.Report {
	t.Helper()
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "application/json; charset=utf-8", w.Header().Get("Content-Type"))
	var r reports.Report
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &r))
	require.Len(t, r.Documents, 1)
	return &r
}

func TestHealthz(t *testing.T) {
	s := newServer(Config{})
	w := do(s, "GET", "/healthz", "")
	assert.Equal(t, http.StatusServiceUnavailable, w.Code, "not ready before loading")
	w = do(s, "POST", "/api/check", body(t, map[string]string{"zh": zhPara, "en": enPara}))
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	apiError(t, w)

	s = newTest(t, Config{})
	w = do(s, "GET", "/healthz", "")
	assert.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, "ok\n", w.Body.String())
	w = do(s, "POST", "/healthz", "")
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
	assert.Equal(t, "GET, HEAD", w.Header().Get("Allow"))
}

func TestCheckTwoBoxes(t *testing.T) {
	s := newTest(t, Config{})
	w := do(s, "POST", "/api/check", body(t, map[string]string{"zh": zhPara, "en": enPara}))
	r := decodeReport(t, w)
	assert.Equal(t, 1, r.Version)
	d := r.Documents[0]
	assert.Equal(t, "<zh-text>", d.Zh.Path)
	assert.Equal(t, "<en-text>", d.En.Path)
	assert.Equal(t, "two-files", d.Shape)
	require.Len(t, d.Pairs, 1)
	var num *reports.Finding
	for _, f := range d.Findings {
		if f.Check == "numbering" {
			num = f
		}
	}
	require.NotNil(t, num, "a numbering finding: %s", w.Body.String())
	require.NotNil(t, num.En)
	assert.Equal(t, "<en-text>", num.En.Path)
	assert.Equal(t, 1, num.En.Line)
	assert.Equal(t, 1, num.En.Column)
	assert.Equal(t, 0, num.Pair)
	assert.Contains(t, w.Body.String(), `"findings": [`)
	var counts reports.Summary
	require.NoError(t, json.Unmarshal([]byte(w.Header().Get("X-Aligncheck-Summary")), &counts))
	assert.Equal(t, r.Summary, counts, "the summary header holds the report's counts")
}

func TestCheckSeveralParagraphs(t *testing.T) {
	s := newTest(t, Config{})
	zh := "国家安全是民族复兴的根基。\n\n" + zhPara + "\n"
	en := "National security is the foundation of national rejuvenation.\n\n" + enPara + "\n"
	r := decodeReport(t, do(s, "POST", "/api/check", body(t, map[string]any{"zh": zh, "en": en, "checks": []string{"numbering"}})))
	d := r.Documents[0]
	require.Len(t, d.Pairs, 2)
	require.Len(t, d.Findings, 1, "only the numbering check ran")
	f := d.Findings[0]
	assert.Equal(t, "numbering", f.Check)
	assert.Equal(t, 3, f.En.Line, "positions count in the given text")
	assert.Equal(t, 1, f.Pair)
}

func TestCheckInterleaved(t *testing.T) {
	s := newTest(t, Config{})
	text := enPara + "\n\n" + zhPara + "\n"
	r := decodeReport(t, do(s, "POST", "/api/check", body(t, map[string]any{"text": text, "format": "json"})))
	d := r.Documents[0]
	assert.Equal(t, "interleaved", d.Shape)
	assert.Equal(t, "<text>", d.Zh.Path)
	found := false
	for _, f := range d.Findings {
		if f.Check == "numbering" && f.En != nil {
			found = true
			assert.Equal(t, "<text>", f.En.Path)
			assert.Equal(t, 1, f.En.Line)
		}
	}
	assert.True(t, found, "numbering finding")
}

// TestCheckSourceEnglish: with "source": "en" the English is the
// original, so an English sentence without a Chinese counterpart is an
// omission rather than an addition.
func TestCheckSourceEnglish(t *testing.T) {
	s := newTest(t, Config{})
	en := "(3) Strengthen the national security system.\n\nThe new bureau opened in 2021 with 300 staff members in the capital."
	untranslated := func(source string) (category, severity string) {
		req := map[string]any{"zh": zhPara, "en": en}
		if source != "" {
			req["source"] = source
		}
		r := decodeReport(t, do(s, "POST", "/api/check", body(t, req)))
		for _, f := range r.Documents[0].Findings {
			if strings.Contains(f.Message, "The new bureau") {
				return f.Category, f.Severity
			}
		}
		t.Fatalf("source %q: no finding on the untranslated English sentence: %+v", source, r.Documents[0].Findings)
		return "", ""
	}
	// How severe each is depends on the evidence (issue 13: a lone
	// sentence is at most a warning); an omission never weighs less than
	// the same text as an addition.
	rank := map[string]int{"info": 1, "warning": 2, "error": 3}
	cat, omitted := untranslated("en")
	assert.Equal(t, "omission", cat, "English original: the Chinese left the sentence out")
	cat, added := untranslated("")
	assert.Equal(t, "addition", cat, "Chinese original (the default): the English added it")
	assert.NotZero(t, rank[added], added)
	assert.GreaterOrEqual(t, rank[omitted], rank[added], "omission %s, addition %s", omitted, added)
}

// fakeHTML stands in for the HTML writer.
type fakeHTML struct{}

func (fakeHTML) Write(w io.Writer, r *reports.Report) error {
	_, err := fmt.Fprintf(w, "<!doctype html><p>%d findings</p>", len(r.Documents[0].Findings))
	return err
}

func TestCheckHTML(t *testing.T) {
	req := body(t, map[string]any{"zh": zhPara, "en": enPara, "format": "html"})
	w := do(newTest(t, Config{}), "POST", "/api/check", req)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "text/html; charset=utf-8", w.Header().Get("Content-Type"))
	assert.Contains(t, w.Body.String(), "<mark", "reports.HTML by default, findings highlighted")
	assert.Contains(t, w.Body.String(), "&lt;en-text&gt;")

	s := newTest(t, Config{HTML: fakeHTML{}})
	w = do(s, "POST", "/api/check", req)
	require.Equal(t, http.StatusOK, w.Code, w.Body.String())
	assert.Equal(t, "text/html; charset=utf-8", w.Header().Get("Content-Type"))
	assert.Contains(t, w.Body.String(), "findings</p>")
	assert.NotEmpty(t, w.Header().Get("Content-Security-Policy"))
}

func TestChecksList(t *testing.T) {
	w := do(newTest(t, Config{}), "GET", "/api/checks", "")
	require.Equal(t, http.StatusOK, w.Code)
	var resp ChecksResponse
	require.NoError(t, json.Unmarshal(w.Body.Bytes(), &resp))
	assert.Equal(t, 1, resp.Version)
	require.Len(t, resp.Checks, len(checks.Registry()))
	for k, c := range checks.Registry() {
		got := resp.Checks[k]
		assert.Equal(t, c.Name, got.Name)
		assert.Equal(t, string(c.Category), got.Category)
		assert.Equal(t, c.Severity.String(), got.Severity)
		assert.Equal(t, c.Title(), got.Title)
		assert.Equal(t, c.Doc, got.Doc)
	}
	assert.Equal(t, []string{"html", "json"}, resp.Formats)
	assert.True(t, resp.Glossary)

	w = do(newTest(t, Config{}), "POST", "/api/checks", "{}")
	assert.Equal(t, http.StatusMethodNotAllowed, w.Code)
	assert.Equal(t, "GET, HEAD", w.Header().Get("Allow"))
}

func TestCheckBadRequests(t *testing.T) {
	s := newTest(t, Config{})
	cases := []struct {
		name, body, want string
	}{
		{"empty body", "", "empty request body"},
		{"malformed", `{"zh": "安全"`, "malformed JSON"},
		{"not an object", `["安全", "security"]`, "the body is an array; send one object"},
		{"wrong type", `{"zh": 1, "en": "x"}`, `"zh" is a number; want a string`},
		{"checks not a list", `{"zh": "安全", "en": "x", "checks": "numbering"}`, `"checks" is a string; want an array of check names`},
		{"checks not strings", `{"zh": "安全", "en": "x", "checks": [1]}`, `"checks" is a number; want an array of check names`},
		{"bad character", `{"zh": x}`, "malformed JSON at byte 8: invalid character"},
		{"two values", `{"zh": "安全", "en": "security"} {}`, "more than one value"},
		{"unknown field", `{"zh": "安全", "en": "security", "lang": "zh"}`, `unknown field "lang"`},
		{"nothing", `{}`, "missing text"},
		{"zh only", `{"zh": "安全"}`, `"en"`},
		{"en only", `{"en": "security"}`, `"zh"`},
		{"blank zh", `{"zh": "  \n", "en": "security"}`, `"zh"`},
		{"text and zh", `{"text": "安全\n\nsecurity", "zh": "安全"}`, "not both"},
		{"empty text", `{"text": ""}`, `"text" is empty`},
		{"no chinese in zh", `{"zh": "security", "en": "security"}`, "no Chinese text"},
		{"no english in en", `{"zh": "安全", "en": "安全"}`, "no English text"},
		{"interleaved one language", `{"text": "Only English.\n\nStill English."}`, "no Chinese paragraph"},
		{"NUL byte", `{"zh": "安全\u0000", "en": "security"}`, "binary data"},
		{"unknown check", `{"zh": "安全", "en": "security", "checks": ["numbering", "nosuch"]}`, `unknown check "nosuch"`},
		{"unknown format", `{"zh": "安全", "en": "security", "format": "xml"}`, `unknown format "xml"`},
		{"bad source", `{"zh": "安全", "en": "security", "source": "fr"}`, "source"},
	}
	cases = append(cases, []struct{ name, body, want string }{
		{"glossary repeats a term", `{"zh": "安全", "en": "security", "glossary": "安全\tsecurity\n安全\tsafety"}`, "glossary: <glossary>:2:"},
		{"glossary too many fields", `{"zh": "安全", "en": "security", "glossary": "# terms\n安全\tsecurity\ta\tb\tc"}`, "glossary: <glossary>:2: 5 fields"},
		{"glossary bad header", `{"zh": "安全", "en": "security", "glossary": "zh\tenglish\n安全\tsecurity"}`, "glossary: <glossary>:1:"},
		{"furniture not a list", `{"zh": "安全", "en": "security", "furniture": "Cite This Page"}`, `"furniture" is a string; want an array of phrases`},
		{"furniture not strings", `{"zh": "安全", "en": "security", "furniture": [1]}`, `"furniture" is a number; want an array of phrases`},
		{"furniture empty phrase", `{"zh": "安全", "en": "security", "furniture": ["Cite This Page", ""]}`, `furniture[1]: "": want a phrase with letters`},
		{"furniture too many", `{"zh": "安全", "en": "security", "furniture": [` + strings.TrimSuffix(strings.Repeat(`"a",`, maxFurniture+1), ",") + `]}`, "furniture: 101 phrases; the limit is 100"},
		{"furniture too long", `{"zh": "安全", "en": "security", "furniture": ["` + strings.Repeat("a", maxFurnitureRunes+1) + `"]}`, "furniture[0]: 201 characters; the limit is 200"},
	}...)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := do(s, "POST", "/api/check", c.body)
			assert.Equal(t, http.StatusBadRequest, w.Code, w.Body.String())
			msg := apiError(t, w)
			assert.Contains(t, msg, c.want)
			// the request's terms, never the decoder's Go types
			assert.NotRegexp(t, `Go (value|struct)|server\.|\[\]string|\*string`, msg)
		})
	}
}

func TestCheckBodyLimit(t *testing.T) {
	s := newTest(t, Config{MaxBody: 1 << 10})
	big := body(t, map[string]string{"zh": strings.Repeat("安全", 200), "en": strings.Repeat("security ", 100)})
	require.Greater(t, len(big), 1<<10)
	w := do(s, "POST", "/api/check", big)
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
	assert.Contains(t, apiError(t, w), "larger than the limit of 1024 bytes")
	// Just under the limit is fine.
	w = do(s, "POST", "/api/check", body(t, map[string]string{"zh": zhPara, "en": enPara}))
	assert.Equal(t, http.StatusOK, w.Code)
	// The default is 2 MiB.
	assert.EqualValues(t, 2<<20, newServer(Config{}).cfg.MaxBody)
}

func TestMethods(t *testing.T) {
	s := newTest(t, Config{})
	for _, c := range []struct{ method, path, allow string }{
		{"GET", "/api/check", "POST"},
		{"PUT", "/api/check", "POST"},
		{"DELETE", "/api/checks", "GET, HEAD"},
		{"POST", "/", "GET, HEAD"},
		{"POST", "/static/app.js", "GET, HEAD"},
	} {
		w := do(s, c.method, c.path, "")
		assert.Equal(t, http.StatusMethodNotAllowed, w.Code, "%s %s", c.method, c.path)
		assert.Equal(t, c.allow, w.Header().Get("Allow"), "%s %s", c.method, c.path)
		apiError(t, w)
	}
}

func TestTimeout(t *testing.T) {
	req := body(t, map[string]string{"zh": zhPara, "en": enPara})
	s := newTest(t, Config{Timeout: time.Nanosecond})
	w := do(s, "POST", "/api/check", req)
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	assert.Contains(t, apiError(t, w), "did not finish within")

	// With every worker busy a request waits, up to its timeout.
	s = newTest(t, Config{Timeout: 50 * time.Millisecond, Workers: 1})
	s.sem <- struct{}{}
	start := time.Now()
	w = do(s, "POST", "/api/check", req)
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	assert.GreaterOrEqual(t, time.Since(start), 50*time.Millisecond)
	<-s.sem
	w = do(s, "POST", "/api/check", req)
	assert.Equal(t, http.StatusOK, w.Code, "a free worker answers")
}

func TestConcurrentRequests(t *testing.T) {
	s := newTest(t, Config{Workers: 2})
	ts := httptest.NewServer(s)
	defer ts.Close()
	req := body(t, map[string]string{"zh": zhPara, "en": enPara})
	want := do(s, "POST", "/api/check", req).Body.String()
	var wg sync.WaitGroup
	errs := make(chan error, 16)
	for range 16 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			resp, err := http.Post(ts.URL+"/api/check", "application/json", strings.NewReader(req))
			if err != nil {
				errs <- err
				return
			}
			defer resp.Body.Close()
			b, _ := io.ReadAll(resp.Body)
			if resp.StatusCode != http.StatusOK || string(b) != want {
				errs <- fmt.Errorf("status %d, body differs: %v", resp.StatusCode, string(b) != want)
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
	assert.Empty(t, s.sem, "every worker slot is given back")
}

// TestCheckFurniture: a request's furniture phrases make furniture of the
// site's labels for that request alone, requests with different phrases
// running at once.
func TestCheckFurniture(t *testing.T) {
	s := newTest(t, Config{Workers: 2})
	text := "Return to the Library\n\n" + enPara + "\n\n" + zhPara + "\n\nCite This Page\n"
	extra := func(w *httptest.ResponseRecorder) []string {
		var out []string
		for _, f := range decodeReport(t, w).Documents[0].Findings {
			if f.Check == "extra" {
				out = append(out, f.Message)
			}
		}
		return out
	}
	site := []string{`English only, page furniture, 2 blocks: "Return to the Library", "Cite This Page"`}
	// without them the first label reads as a paragraph of the
	// translation (merged into the pair), the last as a note
	plain := []string{`English only, after the body (a note or credits?): "Cite This Page"`}
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			req := map[string]any{"text": text}
			want := plain
			if i%2 == 0 {
				req["furniture"] = []string{"return to the library", "Cite This Page"}
				want = site
			}
			assert.Equal(t, want, extra(do(s, "POST", "/api/check", body(t, req))))
		}()
	}
	wg.Wait()
	// the two-box form too
	w := do(s, "POST", "/api/check", body(t, map[string]any{"zh": zhPara, "en": "Cite This Page\n\n" + enPara, "furniture": []string{"Cite This Page"}}))
	assert.Equal(t, []string{`English only, page furniture: "Cite This Page"`}, extra(w))
}

func TestPanicInCheck(t *testing.T) {
	s := newTest(t, Config{})
	j, err := s.prepare(&CheckRequest{Zh: ptr(zhPara), En: ptr(enPara)})
	require.NoError(t, err)
	boom := &checks.Check{Name: "boom", Doc: "boom", Category: checks.CatFormat, Severity: checks.Error,
		Run: func(*checks.Pass) error { panic("boom") }}
	j.opt.Checks = []*checks.Check{boom}
	res := s.run(context.Background(), j)
	require.Error(t, res.err)
	assert.Contains(t, res.err.Error(), "boom")
	j.opt.Checks = []*checks.Check{{Name: "fails", Doc: "x", Run: func(*checks.Pass) error { return errors.New("cannot") }}}
	assert.Error(t, s.run(context.Background(), j).err)
}

func ptr(s string) *string { return &s }

func TestSecurityHeaders(t *testing.T) {
	s := newTest(t, Config{})
	for _, path := range []string{"/", "/static/app.js", "/static/style.css", "/api/checks", "/healthz", "/nosuch"} {
		w := do(s, "GET", path, "")
		csp := w.Header().Get("Content-Security-Policy")
		for _, want := range []string{"default-src 'none'", "script-src 'self' 'unsafe-inline'", "style-src", "img-src data:",
			"connect-src 'self'", "frame-ancestors 'none'"} {
			assert.Contains(t, csp, want, path)
		}
		assert.Equal(t, "nosniff", w.Header().Get("X-Content-Type-Options"), path)
	}
	assert.Equal(t, http.StatusNotFound, do(s, "GET", "/nosuch", "").Code)
}

func TestPageAndAssets(t *testing.T) {
	s := newTest(t, Config{})
	w := do(s, "GET", "/", "")
	require.Equal(t, http.StatusOK, w.Code)
	assert.Equal(t, "text/html; charset=utf-8", w.Header().Get("Content-Type"))
	assert.Contains(t, w.Body.String(), `<script src="/static/app.js"`)
	// The report runs its own scripts, in a frame of no origin: with
	// allow-same-origin beside allow-scripts it could lift its sandbox.
	assert.Regexp(t, `<iframe id="report"[^>]* sandbox="allow-scripts"[ >]`, w.Body.String())
	w = do(s, "GET", "/static/app.js", "")
	require.Equal(t, http.StatusOK, w.Code)
	assert.Contains(t, w.Header().Get("Content-Type"), "javascript")
	w = do(s, "GET", "/static/style.css", "")
	require.Equal(t, http.StatusOK, w.Code)
	assert.Contains(t, w.Header().Get("Content-Type"), "text/css")
	assert.Equal(t, http.StatusNotFound, do(s, "GET", "/static/", "").Code, "no listings")
	assert.Equal(t, http.StatusNotFound, do(s, "GET", "/static/nosuch.js", "").Code)

	// Nothing on the page comes from the network.
	external := regexp.MustCompile(`(?i)(src|href)\s*=\s*["']?(https?:)?//|@import|url\(\s*["']?(https?:)?//|fetch\(\s*["'](https?:)?//`)
	err := fs.WalkDir(staticFS(), ".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(staticFS(), path)
		if err != nil {
			return err
		}
		assert.False(t, external.Match(b), "%s loads from the network: %s", path, external.Find(b))
		return nil
	})
	require.NoError(t, err)
}

func TestLoopbackOnly(t *testing.T) {
	s := newTest(t, Config{LoopbackOnly: true})
	for host, want := range map[string]int{
		"127.0.0.1:8080":    http.StatusOK,
		"localhost:8080":    http.StatusOK,
		"LOCALHOST":         http.StatusOK,
		"[::1]:8080":        http.StatusOK,
		"evil.example:8080": http.StatusForbidden,
		"192.168.1.2:8080":  http.StatusForbidden,
	} {
		r := httptest.NewRequest("GET", "/healthz", nil)
		r.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		assert.Equal(t, want, w.Code, host)
	}
	r := httptest.NewRequest("GET", "/healthz", nil)
	r.Host = "evil.example"
	w := httptest.NewRecorder()
	newTest(t, Config{}).ServeHTTP(w, r)
	assert.Equal(t, http.StatusOK, w.Code, "without LoopbackOnly any host")
}

func TestIsLoopbackAddr(t *testing.T) {
	for addr, want := range map[string]bool{
		"127.0.0.1:8080": true,
		"127.0.0.2:0":    true,
		"localhost:80":   true,
		"[::1]:8080":     true,
		":8080":          false,
		"0.0.0.0:8080":   false,
		"[::]:8080":      false,
		"10.0.0.1:8080":  false,
		"example.com:80": false,
		"nonsense":       false,
	} {
		assert.Equal(t, want, IsLoopbackAddr(addr), addr)
	}
}

func TestAccessLog(t *testing.T) {
	var buf bytes.Buffer
	s := newTest(t, Config{AccessLog: &buf})
	do(s, "POST", "/api/check", body(t, map[string]string{"zh": zhPara, "en": enPara}))
	do(s, "GET", "/api/check", "")
	do(s, "GET", "/a%0Ab%20c", "")
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 3, "one line a request, whatever the path")
	assert.Contains(t, lines[2], ` GET "/a\nb c" 404 `)
	assert.Regexp(t, `^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d POST /api/check 200 [1-9]\d*B \d[\d.]*[µm]?s$`, lines[0])
	assert.Regexp(t, ` GET /api/check 405 \d+B `, lines[1])
}

func TestCheckGlossary(t *testing.T) {
	s := newTest(t, Config{})
	req := map[string]any{
		"zh":     "深刻领悟“两个确立”的决定性意义。",
		"en":     "Deeply understand the decisive significance of the 'two affirmations'.",
		"checks": []string{"terminology"},
	}
	terms := func(r *reports.Report) []string {
		var out []string
		for _, f := range r.Documents[0].Findings {
			if f.Category == "terminology" {
				out = append(out, f.Message)
			}
		}
		return out
	}
	assert.Empty(t, terms(decodeReport(t, do(s, "POST", "/api/check", body(t, req)))), "no glossary, no terminology finding")
	for _, g := range []string{
		"两个确立\tTwo Establishes\n",                         // pasted lines, no header
		"# policy terms\nzh\ten\n两个确立\tTwo Establishes\n", // a TSV file with its header
		"zh,en\n两个确立,Two Establishes\n",                   // CSV
		"两个确立,Two Establishes\n",                          // CSV lines, no header
	} {
		req["glossary"] = g
		got := terms(decodeReport(t, do(s, "POST", "/api/check", body(t, req))))
		require.Len(t, got, 1, "glossary %q", g)
		assert.Contains(t, got[0], "Two Establishes")
	}
	req["en"] = "Deeply understand the decisive significance of the Two Establishes."
	assert.Empty(t, terms(decodeReport(t, do(s, "POST", "/api/check", body(t, req)))), "the term is rendered as the glossary says")
}

// longTexts are n numbered paragraphs of each language, with 400 English
// ones left out in the middle: seconds of aligning, so that a short
// timeout falls in the middle of the paragraph DP.
func longTexts(n int) (zh, en string) {
	topics := [][2]string{{"农业", "agriculture"}, {"教育", "education"}, {"医疗", "health care"}, {"交通", "transport"},
		{"能源", "energy"}, {"环境", "the environment"}, {"科技", "technology"}, {"住房", "housing"}}
	var z, e []string
	for k := range n {
		a, b := topics[k%8], topics[(k*5+3)%8]
		z = append(z, fmt.Sprintf("去年全省%s和%s领域共有%d名代表出席会议，比前年增加%d%%。", a[0], b[0], 1000+k*7, 3+k%40))
		if k >= n/3 && k < n/3+400 {
			continue
		}
		e = append(e, fmt.Sprintf("Last year %d delegates from %s and %s across the province attended the meeting, %d%% more than the year before.", 1000+k*7, a[1], b[1], 3+k%40))
	}
	return strings.Join(z, "\n\n"), strings.Join(e, "\n\n")
}

// TestTimeoutStopsTheWork: a request that runs out of time is answered
// 503 and its check stops, giving its worker slot back within a moment
// rather than after the tens of seconds of CPU it would have taken.
func TestTimeoutStopsTheWork(t *testing.T) {
	if testing.Short() {
		t.Skip("aligns a long document")
	}
	zh, en := longTexts(6000)
	s := newTest(t, Config{Timeout: 300 * time.Millisecond, Workers: 1, MaxBody: 8 << 20})
	w := do(s, "POST", "/api/check", body(t, map[string]string{"zh": zh, "en": en}))
	require.Equal(t, http.StatusServiceUnavailable, w.Code, w.Body.String())
	answered := time.Now()
	for {
		select {
		case s.sem <- struct{}{}:
			<-s.sem
			t.Logf("slot back %s after the answer", time.Since(answered).Round(time.Millisecond))
			return
		case <-time.After(10 * time.Millisecond):
		}
		if time.Since(answered) > 5*time.Second {
			t.Fatal("the timed-out check still holds its worker slot 5 s after the answer")
		}
	}
}

// TestCrossSiteRefused: what a page elsewhere can make a browser send
// without a CORS preflight (a form post, fetch with text/plain, any
// Origin) is refused; the page's own requests and scripts' are answered.
func TestCrossSiteRefused(t *testing.T) {
	s := newTest(t, Config{})
	req := body(t, map[string]string{"zh": zhPara, "en": enPara})
	post := func(header map[string]string) *httptest.ResponseRecorder {
		r := httptest.NewRequest("POST", "/api/check", strings.NewReader(req))
		r.Host = "127.0.0.1:8080"
		for k, v := range header {
			r.Header.Set(k, v)
		}
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		return w
	}
	for _, tc := range []struct {
		name   string
		header map[string]string
		want   int
	}{
		{"script", map[string]string{"Content-Type": "application/json"}, http.StatusOK},
		{"charset", map[string]string{"Content-Type": "application/json; charset=utf-8"}, http.StatusOK},
		{"the page", map[string]string{"Content-Type": "application/json", "Origin": "http://127.0.0.1:8080", "Sec-Fetch-Site": "same-origin"}, http.StatusOK},
		{"text/plain", map[string]string{"Content-Type": "text/plain"}, http.StatusUnsupportedMediaType},
		{"form", map[string]string{"Content-Type": "application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType},
		{"multipart", map[string]string{"Content-Type": "multipart/form-data; boundary=x"}, http.StatusUnsupportedMediaType},
		{"no type", map[string]string{}, http.StatusUnsupportedMediaType},
		{"elsewhere", map[string]string{"Content-Type": "application/json", "Origin": "https://evil.example"}, http.StatusForbidden},
		{"elsewhere text", map[string]string{"Content-Type": "text/plain", "Origin": "https://evil.example"}, http.StatusForbidden},
		{"other port", map[string]string{"Content-Type": "application/json", "Origin": "http://127.0.0.1:9999"}, http.StatusForbidden},
		{"null origin", map[string]string{"Content-Type": "application/json", "Origin": "null"}, http.StatusForbidden},
		{"fetch metadata", map[string]string{"Content-Type": "application/json", "Sec-Fetch-Site": "cross-site"}, http.StatusForbidden},
	} {
		w := post(tc.header)
		assert.Equal(t, tc.want, w.Code, "%s: %s", tc.name, w.Body.String())
		if tc.want != http.StatusOK {
			msg := apiError(t, w)
			assert.NotContains(t, msg, "server.", tc.name)
		}
	}
}

// TestSlotBeforeBody: a request's body is read (and its glossary parsed)
// only once it has a worker, so that waiting requests cost no memory: with
// the only worker busy, even a malformed body waits and times out.
func TestSlotBeforeBody(t *testing.T) {
	s := newTest(t, Config{Timeout: 100 * time.Millisecond, Workers: 1})
	s.sem <- struct{}{}
	w := do(s, "POST", "/api/check", `{"zh": 1}`)
	assert.Equal(t, http.StatusServiceUnavailable, w.Code, "the body was read before a worker was free: %s", w.Body.String())
	<-s.sem
	w = do(s, "POST", "/api/check", `{"zh": 1}`)
	assert.Equal(t, http.StatusBadRequest, w.Code, "with a free worker the body is read")
	assert.Empty(t, s.sem, "a refused body gives its slot back")
}

// TestQueueFull: beyond Queue waiting requests the answer is 503 at once.
func TestQueueFull(t *testing.T) {
	s := newTest(t, Config{Timeout: 5 * time.Second, Workers: 1, Queue: 1})
	req := body(t, map[string]string{"zh": zhPara, "en": enPara})
	s.sem <- struct{}{}
	first := make(chan int)
	go func() { first <- do(s, "POST", "/api/check", req).Code }()
	for s.waiting.Load() == 0 {
		time.Sleep(time.Millisecond)
	}
	w := do(s, "POST", "/api/check", req)
	assert.Equal(t, http.StatusServiceUnavailable, w.Code)
	assert.Contains(t, apiError(t, w), "busy")
	assert.Equal(t, "1", w.Header().Get("Retry-After"))
	<-s.sem
	assert.Equal(t, http.StatusOK, <-first, "the waiting request is answered once a worker is free")
	assert.Zero(t, s.waiting.Load())
}

func TestGlossaryLimit(t *testing.T) {
	s := newTest(t, Config{MaxGlossary: 1000})
	gl := strings.Repeat("安全\tsecurity\n", 100)
	w := do(s, "POST", "/api/check", body(t, map[string]string{"zh": zhPara, "en": enPara, "glossary": gl}))
	assert.Equal(t, http.StatusRequestEntityTooLarge, w.Code)
	assert.Contains(t, apiError(t, w), "glossary is 1600 bytes; the limit is 1000")
	assert.Equal(t, DefaultMaxGlossary, newTest(t, Config{}).cfg.MaxGlossary)
}

// TestSlowClientHoldsNoWorker: a client that sends its body slowly waits
// in the queue while it sends; the worker serves others meanwhile.
func TestSlowClientHoldsNoWorker(t *testing.T) {
	s := newTest(t, Config{Timeout: 3 * time.Second, Workers: 1})
	ts := httptest.NewServer(s)
	defer ts.Close()
	conn, err := net.Dial("tcp", ts.Listener.Addr().String())
	require.NoError(t, err)
	defer conn.Close()
	_, err = fmt.Fprintf(conn, "POST /api/check HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{\"zh\": \"", ts.Listener.Addr())
	require.NoError(t, err)
	// the slow request has arrived: it waits, or (were the body read by a
	// worker) holds the worker
	for deadline := time.Now().Add(5 * time.Second); s.waiting.Load() == 0 && len(s.sem) == 0; {
		require.True(t, time.Now().Before(deadline), "the slow request never arrived")
		time.Sleep(time.Millisecond)
	}
	req := body(t, map[string]string{"zh": zhPara, "en": enPara})
	resp, err := http.Post(ts.URL+"/api/check", "application/json", strings.NewReader(req))
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, "a slow body held the only worker")
}
