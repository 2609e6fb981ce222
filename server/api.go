package server

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/internal/driver/config"
	"github.com/aligncheck/aligncheck/reports"
)

// CheckRequest is the body of POST /api/check. Either Text (Chinese and
// English paragraphs interleaved) or both Zh and En (each one paragraph or
// several separated by blank lines) hold the document.
type CheckRequest struct {
	Zh   *string `json:"zh,omitempty"`
	En   *string `json:"en,omitempty"`
	Text *string `json:"text,omitempty"`
	// Glossary for the terminology check: zh<TAB>en lines (a header row
	// and the columns forbidden and note optional), or CSV or TBX text.
	Glossary string `json:"glossary,omitempty"`
	// Checks to run, by name; empty for all.
	Checks []string `json:"checks,omitempty"`
	// Format of the answer: "json" (default) or "html".
	Format string `json:"format,omitempty"`
	// Source is the original's language, "zh" (default) or "en".
	Source string `json:"source,omitempty"`
	// Furniture lists page furniture phrases of the page's site (the
	// labels of its own links and notices), added to the built-in ones,
	// as .aligncheck.yaml's "furniture:" does.
	Furniture []string `json:"furniture,omitempty"`
}

// Bounds of a request's furniture phrases: each block is matched against
// every phrase, and a request's work must stay within its timeout.
const (
	maxFurniture      = 100
	maxFurnitureRunes = 200
)

// ChecksResponse is the answer of GET /api/checks.
type ChecksResponse struct {
	Version int                 `json:"version"`
	Checks  []reports.CheckInfo `json:"checks"`
	// Formats the API can answer in.
	Formats []string `json:"formats"`
	// Glossary is true: requests may carry a glossary for the
	// terminology check.
	Glossary bool `json:"glossary"`
}

// errorBody is every error answer of the API.
type errorBody struct {
	Error string `json:"error"`
}

func jsonError(w http.ResponseWriter, code int, msg string) {
	b, _ := json.Marshal(errorBody{msg})
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Content-Length", fmt.Sprint(len(b)+1))
	w.WriteHeader(code)
	w.Write(append(b, '\n'))
}

// requestError is a problem with a request, answered with its status code.
type requestError struct {
	code int
	msg  string
}

func (e *requestError) Error() string { return e.msg }

func badRequest(format string, args ...any) error {
	return &requestError{http.StatusBadRequest, fmt.Sprintf(format, args...)}
}

func (s *Server) handleChecks(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	resp := ChecksResponse{Version: 1, Checks: []reports.CheckInfo{}, Formats: formats, Glossary: true}
	for _, c := range checks.Registry() {
		resp.Checks = append(resp.Checks, reports.CheckInfo{Name: c.Name, Title: c.Title(), Doc: c.Doc,
			Category: string(c.Category), Severity: c.Severity.String()})
	}
	writeJSON(w, resp)
}

// formats are the formats the API answers in.
var formats = []string{"html", "json"}

func writeJSON(w http.ResponseWriter, v any) {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		jsonError(w, http.StatusInternalServerError, err.Error())
		return
	}
	write(w, "application/json; charset=utf-8", buf.Bytes())
}

func write(w http.ResponseWriter, contentType string, b []byte) {
	w.Header().Set("Content-Type", contentType)
	w.Header().Set("Content-Length", fmt.Sprint(len(b)))
	w.Write(b)
}

// job is a validated request, ready to run: the driver's options are those
// `check` has for the same texts and --enable, so the answer is what
// `check` writes (suppressions included).
type job struct {
	req    *CheckRequest
	opt    driver.Options
	writer reports.Writer
	ctype  string
}

// result is what a worker hands back: the report's bytes or an error.
type result struct {
	body    []byte
	summary reports.Summary
	err     error
}

// summaryHeader carries the counts of findings beside any format of report,
// as JSON: {"documents":1,"error":0,"warning":2,"info":0}.
const summaryHeader = "X-Aligncheck-Summary"

func (s *Server) handleCheck(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodPost) {
		return
	}
	if !s.ready.Load() {
		jsonError(w, http.StatusServiceUnavailable, "still loading; try again in a moment")
		return
	}
	if err := sameSiteJSON(r); err != nil {
		jsonError(w, err.code, err.msg)
		return
	}
	ctx, cancel := context.WithTimeout(r.Context(), s.cfg.Timeout)
	defer cancel()
	// At most Config.Queue requests wait; beyond, answer at once. A
	// waiting request holds its body's bytes (MaxBody at most) and no
	// more: it is decoded, and its glossary parsed, only once a worker is
	// free, so what requests cost in memory does not grow with the number
	// of connections. The body is read while waiting, so that a slow
	// client holds a place in the queue, never a worker.
	if n := s.waiting.Add(1); n > int64(s.cfg.Queue) {
		s.waiting.Add(-1)
		w.Header().Set("Retry-After", "1")
		jsonError(w, http.StatusServiceUnavailable, fmt.Sprintf("busy: %d checks at work and %d waiting; try again in a moment", s.cfg.Workers, s.cfg.Queue))
		return
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, s.cfg.MaxBody))
	if err != nil {
		s.waiting.Add(-1)
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			jsonError(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("request body is larger than the limit of %d bytes", mbe.Limit))
		} else if ctx.Err() != nil {
			s.timedOut(w)
		} else {
			jsonError(w, http.StatusBadRequest, "cannot read the request body: "+err.Error())
		}
		return
	}
	select {
	case s.sem <- struct{}{}:
		s.waiting.Add(-1)
	case <-ctx.Done():
		s.waiting.Add(-1)
		s.timedOut(w)
		return
	}
	if ctx.Err() != nil {
		<-s.sem
		s.timedOut(w)
		return
	}
	j, err := s.parse(data)
	if err != nil {
		<-s.sem
		var re *requestError
		if errors.As(err, &re) {
			jsonError(w, re.code, re.msg)
		} else {
			jsonError(w, http.StatusBadRequest, err.Error())
		}
		return
	}
	done := make(chan result, 1)
	// On timeout the request is answered at once; the check sees the
	// context done and stops within milliseconds (the aligner polls it),
	// keeping its slot until then, so that abandoned work still counts
	// against the bound.
	go func() {
		// The slot is given back before the answer is handed over, so
		// that a client which has its answer finds the slot free.
		res := s.run(ctx, j)
		<-s.sem
		done <- res
	}()
	select {
	case res := <-done:
		if res.err != nil {
			var re *requestError
			if errors.As(res.err, &re) {
				jsonError(w, re.code, re.msg)
			} else {
				jsonError(w, http.StatusInternalServerError, res.err.Error())
			}
			return
		}
		if b, err := json.Marshal(res.summary); err == nil {
			w.Header().Set(summaryHeader, string(b))
		}
		write(w, j.ctype, res.body)
	case <-ctx.Done():
		s.timedOut(w)
	}
}

func (s *Server) timedOut(w http.ResponseWriter) {
	jsonError(w, http.StatusServiceUnavailable, fmt.Sprintf("the check did not finish within %s; try a shorter text or again later", s.cfg.Timeout))
}

// run reads the document, checks it and writes the report: all the work
// of a request, so that all of it is bounded by the workers and the
// timeout. A panic in a check becomes an error instead of ending the server.
func (s *Server) run(ctx context.Context, j *job) (res result) {
	defer func() {
		if p := recover(); p != nil {
			res = result{err: fmt.Errorf("internal error: %v", p)}
		}
	}()
	d, err := driver.New(j.opt)
	if err != nil {
		return result{err: err}
	}
	doc, err := document(j.req, d.Furniture())
	if err != nil {
		return result{err: err}
	}
	rep, err := d.Check(ctx, doc)
	if err != nil {
		return result{err: err}
	}
	var buf bytes.Buffer
	if err := j.writer.Write(&buf, rep); err != nil {
		return result{err: fmt.Errorf("write report: %w", err)}
	}
	return result{body: buf.Bytes(), summary: rep.Summary}
}

// parse reads and validates a request body.
func (s *Server) parse(data []byte) (*job, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var req CheckRequest
	if err := dec.Decode(&req); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, badRequest("empty request body; send a JSON object such as {\"zh\": \"…\", \"en\": \"…\"}")
		}
		return nil, badRequest("%s", decodeError(err))
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return nil, badRequest("malformed JSON: more than one value in the body")
	}
	return s.prepare(&req)
}

// prepare turns a decoded request into a job: the document, the checks and
// the writer.
func (s *Server) prepare(req *CheckRequest) (*job, error) {
	j := &job{}
	switch req.Format {
	case "", "json":
		j.writer, j.ctype = reports.JSON{}, "application/json; charset=utf-8"
	case "html":
		j.writer, j.ctype = s.cfg.HTML, "text/html; charset=utf-8"
	default:
		return nil, badRequest("unknown format %q (want %s)", req.Format, strings.Join(formats, " or "))
	}
	source := "zh"
	switch req.Source {
	case "", "zh":
	case "en":
		source = "en"
	default:
		return nil, badRequest("source: want \"zh\" or \"en\", not %q", req.Source)
	}
	// the configuration `check --source S --enable CHECKS` has without a
	// configuration file
	cfg := driver.DefaultConfig()
	if len(req.Furniture) > maxFurniture {
		return nil, badRequest("furniture: %d phrases; the limit is %d", len(req.Furniture), maxFurniture)
	}
	for i, f := range req.Furniture {
		if n := utf8.RuneCountInString(f); n > maxFurnitureRunes {
			return nil, badRequest("furniture[%d]: %d characters; the limit is %d", i, n, maxFurnitureRunes)
		}
		if err := config.FurniturePhrase(f); err != nil {
			return nil, badRequest("furniture[%d]: %v", i, err)
		}
	}
	driver.Overrides{Source: &source, Enable: req.Checks, Furniture: req.Furniture}.Apply(cfg)
	j.opt = driver.Options{Config: cfg, Enable: req.Checks, Keep: driver.KeepDocuments}
	if len(req.Glossary) > s.cfg.MaxGlossary {
		return nil, &requestError{http.StatusRequestEntityTooLarge,
			fmt.Sprintf("glossary is %d bytes; the limit is %d", len(req.Glossary), s.cfg.MaxGlossary)}
	}
	g, err := parseGlossary(req.Glossary)
	if err != nil {
		return nil, err
	}
	j.opt.Glossary = g
	if _, err := driver.Select(nil, req.Checks, nil); err != nil {
		var uc *driver.UnknownCheckError
		if errors.As(err, &uc) {
			return nil, badRequest("unknown check %q (GET /api/checks lists them)", uc.Name)
		}
		return nil, badRequest("%v", err)
	}
	if err := validTexts(req); err != nil {
		return nil, err
	}
	j.req = req
	return j, nil
}

// validTexts checks that a request holds a document: text, or zh and en.
func validTexts(req *CheckRequest) error {
	given := func(p *string) bool { return p != nil && strings.TrimSpace(*p) != "" }
	switch {
	case req.Text != nil && (req.Zh != nil || req.En != nil):
		return badRequest("give either \"text\" or \"zh\" and \"en\", not both")
	case req.Text != nil:
		if !given(req.Text) {
			return badRequest("\"text\" is empty")
		}
	case req.Zh == nil && req.En == nil:
		return badRequest("missing text: give \"zh\" and \"en\", or \"text\" with both languages interleaved")
	case !given(req.Zh):
		return badRequest("missing or empty \"zh\" (\"zh\" and \"en\" go together)")
	case !given(req.En):
		return badRequest("missing or empty \"en\" (\"zh\" and \"en\" go together)")
	}
	return nil
}

// document builds the document of a valid request, with the same readers
// and rules as the command line's --zh-text/--en-text and interleaved files.
func document(req *CheckRequest, f *align.Furniture) (*align.Document, error) {
	if req.Text != nil {
		d, err := driver.InterleavedText(*req.Text, f)
		if err != nil {
			return nil, badRequest("%v", err)
		}
		return d, nil
	}
	d, err := driver.TextDocument(*req.Zh, *req.En, f)
	if err != nil {
		return nil, badRequest("%v", err)
	}
	return d, nil
}

// sameSiteJSON refuses a request a page elsewhere could have made a
// browser send: a "simple" cross-site POST (a form, or fetch with
// text/plain) needs no CORS preflight, so the server itself must refuse
// it. The body must be declared application/json, which a page elsewhere
// can only send after a preflight this server never grants; and an
// Origin header, when the browser sends one, must be this server's own
// (Origin's host is the Host the browser connected to, for a page of
// this server).
func sameSiteJSON(r *http.Request) *requestError {
	if o := r.Header.Get("Origin"); o != "" {
		u, err := url.Parse(o)
		if o == "null" || err != nil || !strings.EqualFold(u.Host, r.Host) || (u.Scheme != "http" && u.Scheme != "https") {
			return &requestError{http.StatusForbidden, fmt.Sprintf("cross-site request from origin %q refused; the API answers the page it serves and clients that send no Origin", o)}
		}
	}
	if site := r.Header.Get("Sec-Fetch-Site"); site == "cross-site" || site == "same-site" {
		return &requestError{http.StatusForbidden, "cross-site request refused (Sec-Fetch-Site: " + site + ")"}
	}
	ct := r.Header.Get("Content-Type")
	mt, _, err := mime.ParseMediaType(ct)
	if ct == "" || err != nil || mt != "application/json" {
		return &requestError{http.StatusUnsupportedMediaType, fmt.Sprintf("Content-Type %q: send the request as application/json", ct)}
	}
	return nil
}

// decodeError says what was wrong with a request body in the request's
// terms — the field and what it should hold — rather than in the
// decoder's, which names Go types.
func decodeError(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("malformed JSON at byte %d: %s", se.Offset, strings.TrimPrefix(se.Error(), "json: "))
	case errors.Is(err, io.ErrUnexpectedEOF):
		return "malformed JSON: the body ends in the middle of a value"
	case errors.As(err, &te):
		if te.Field == "" {
			return fmt.Sprintf("malformed JSON: the body is %s; send one object such as {\"zh\": \"…\", \"en\": \"…\"}", article(te.Value))
		}
		field := te.Field
		for _, list := range []string{"checks", "furniture"} {
			if _, inner, ok := strings.Cut(field, "."); ok && field == list+"."+inner {
				field = list
			}
		}
		return fmt.Sprintf("malformed JSON: %q is %s; want %s", field, article(te.Value), fieldWants[field])
	}
	msg := strings.TrimPrefix(err.Error(), "json: ")
	if strings.HasPrefix(msg, "unknown field") {
		return msg + " (the fields are zh, en, text, glossary, checks, format, source and furniture)"
	}
	return "malformed JSON: " + msg
}

// fieldWants says what each field of CheckRequest holds.
var fieldWants = map[string]string{
	"zh": "a string", "en": "a string", "text": "a string", "glossary": "a string",
	"checks": "an array of check names (strings)", "format": `a string, "json" or "html"`,
	"source": `a string, "zh" or "en"`, "furniture": "an array of phrases (strings)",
}

// article puts "a" or "an" before a JSON value's kind ("an array").
func article(kind string) string {
	if kind == "" {
		return "a value of the wrong kind"
	}
	if strings.ContainsRune("aeiou", rune(kind[0])) {
		return "an " + kind
	}
	return "a " + kind
}
