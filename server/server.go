// Package server is `aligncheck serve`: a local web page for spot-checking a
// paragraph or a document, and the JSON API behind it. Handlers only wire a
// request to the driver (the one `check` uses: suppressions and check
// selection mean the same) and the report writers; nothing is written to
// disk.
package server

import (
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"runtime"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode"

	"github.com/aligncheck/aligncheck/internal/driver"
	"github.com/aligncheck/aligncheck/reports"
)

// Defaults of Config.
const (
	DefaultMaxBody     = 2 << 20
	DefaultMaxGlossary = 512 << 10
	DefaultQueue       = 64
	DefaultTimeout     = 10 * time.Second
)

// Config configures a Server. The zero value is usable.
type Config struct {
	// MaxBody bounds a request body in bytes (DefaultMaxBody when 0).
	MaxBody int64
	// Timeout bounds a request from its arrival to its answer, waiting for
	// a worker included (DefaultTimeout when 0).
	Timeout time.Duration
	// Workers is how many checks run at once (runtime.NumCPU() when 0);
	// further requests wait for a free worker until their timeout.
	Workers int
	// Queue is how many requests may wait for a worker (DefaultQueue
	// when 0); beyond it a request is answered 503 at once. A waiting request
	// has not been read yet, so it holds a connection and no more.
	Queue int
	// MaxGlossary bounds the glossary of a request in bytes
	// (DefaultMaxGlossary when 0): its parsed form takes several times
	// its size.
	MaxGlossary int
	// HTML writes the report for "format": "html", which the page shows;
	// reports.HTML when nil.
	HTML reports.Writer
	// AccessLog receives one line per request; nil for none.
	AccessLog io.Writer
	// LoopbackOnly refuses requests whose Host header is not a loopback
	// name or address, so that a web page elsewhere cannot reach the
	// server through DNS rebinding.
	LoopbackOnly bool
}

// Server answers the page and the API.
type Server struct {
	cfg     Config
	ready   atomic.Bool
	sem     chan struct{}
	waiting atomic.Int64 // requests waiting for a worker
	log     *log.Logger
	handler http.Handler
}

// New loads the segmenter and the lexicon (once per process; it takes a
// while) and returns a server ready to answer.
func New(cfg Config) (*Server, error) {
	s := newServer(cfg)
	if err := driver.Load(); err != nil {
		return nil, err
	}
	s.ready.Store(true)
	return s, nil
}

// newServer makes a server that is not ready yet: /healthz answers 503 and
// the API refuses work until ready is set.
func newServer(cfg Config) *Server {
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = DefaultMaxBody
	}
	if cfg.Timeout <= 0 {
		cfg.Timeout = DefaultTimeout
	}
	if cfg.Workers <= 0 {
		cfg.Workers = runtime.NumCPU()
	}
	if cfg.Queue <= 0 {
		cfg.Queue = DefaultQueue
	}
	if cfg.MaxGlossary <= 0 {
		cfg.MaxGlossary = DefaultMaxGlossary
	}
	if cfg.HTML == nil {
		cfg.HTML = reports.HTML{}
	}
	s := &Server{cfg: cfg, sem: make(chan struct{}, cfg.Workers)}
	if cfg.AccessLog != nil {
		s.log = log.New(cfg.AccessLog, "", log.LstdFlags)
	}
	mux := http.NewServeMux()
	mux.HandleFunc("/{$}", s.handleIndex)
	mux.Handle("/static/", staticHandler())
	mux.HandleFunc("/api/check", s.handleCheck)
	mux.HandleFunc("/api/checks", s.handleChecks)
	mux.HandleFunc("/healthz", s.handleHealth)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		jsonError(w, http.StatusNotFound, "no such page: "+r.URL.Path)
	})
	s.handler = s.logged(s.secured(mux))
	return s
}

// ServeHTTP makes the Server an http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) { s.handler.ServeHTTP(w, r) }

// contentSecurityPolicy forbids every load from elsewhere. Inline scripts
// are allowed because the HTML report, shown in an iframe that inherits
// this policy, carries its script inline.
const contentSecurityPolicy = "default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
	"img-src data:; connect-src 'self'; frame-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func (s *Server) secured(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", contentSecurityPolicy)
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("X-Frame-Options", "DENY")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-store")
		if s.cfg.LoopbackOnly && !loopbackHost(r.Host) {
			jsonError(w, http.StatusForbidden, fmt.Sprintf("host %q is not a loopback address (start the server with --allow-remote to serve other hosts)", r.Host))
			return
		}
		next.ServeHTTP(w, r)
	})
}

// loopbackHost reports whether a Host header names this machine's loopback
// interface: "localhost" or a loopback address, with or without a port.
func loopbackHost(hostport string) bool {
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// IsLoopbackAddr reports whether a listen address ("host:port") binds only
// to the loopback interface; an empty host binds every interface.
func IsLoopbackAddr(addr string) bool {
	host, _, err := net.SplitHostPort(addr)
	if err != nil || host == "" {
		return false
	}
	return loopbackHost(host)
}

// recorder remembers the status and size of a response for the access log.
type recorder struct {
	http.ResponseWriter
	status int
	bytes  int64
}

func (r *recorder) WriteHeader(code int) {
	if r.status == 0 {
		r.status = code
	}
	r.ResponseWriter.WriteHeader(code)
}

func (r *recorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	n, err := r.ResponseWriter.Write(p)
	r.bytes += int64(n)
	return n, err
}

func (r *recorder) Unwrap() http.ResponseWriter { return r.ResponseWriter }

func (s *Server) logged(next http.Handler) http.Handler {
	if s.log == nil {
		return next
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		rec := &recorder{ResponseWriter: w}
		next.ServeHTTP(rec, r)
		if rec.status == 0 {
			rec.status = http.StatusOK
		}
		path := r.URL.Path
		if strings.ContainsFunc(path, func(c rune) bool { return !unicode.IsPrint(c) || c == ' ' }) {
			path = strconv.Quote(path) // one request, one line
		}
		s.log.Printf("%s %s %d %dB %s", r.Method, path, rec.status, rec.bytes,
			time.Since(start).Round(10*time.Microsecond))
	})
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if !allow(w, r, http.MethodGet, http.MethodHead) {
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	if !s.ready.Load() {
		w.WriteHeader(http.StatusServiceUnavailable)
		io.WriteString(w, "loading\n")
		return
	}
	io.WriteString(w, "ok\n")
}

// allow answers 405 with an Allow header unless the request's method is one
// of methods.
func allow(w http.ResponseWriter, r *http.Request, methods ...string) bool {
	for _, m := range methods {
		if r.Method == m {
			return true
		}
	}
	w.Header().Set("Allow", strings.Join(methods, ", "))
	jsonError(w, http.StatusMethodNotAllowed, fmt.Sprintf("method %s not allowed; use %s", r.Method, strings.Join(methods, " or ")))
	return false
}
