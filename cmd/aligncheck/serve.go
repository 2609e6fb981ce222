package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/aligncheck/aligncheck/server"
)

const serveUsage = `Usage: aligncheck serve [--addr 127.0.0.1:8080] [flags]

Serves a local web page for spot-checks: paste Chinese and English (a
paragraph or a whole document, in two boxes or interleaved in one) and see
the alignment with its findings. The same checks answer POST /api/check
(JSON in, JSON or HTML report out); GET /api/checks lists the checks and
GET /healthz says "ok" once the segmenter and lexicon are loaded.

The server binds to the loopback interface; another address needs
--allow-remote. Ctrl+C (SIGINT) or SIGTERM stops it after the requests in
flight are answered.

`

type serveFlags struct {
	addr        string
	allowRemote bool
	timeout     time.Duration
	maxBody     byteSize
	workers     int
	quiet       bool

	// connState, when set, sees each connection's state changes (tests).
	connState func(net.Conn, http.ConnState)
}

func runServe(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	f := serveFlags{maxBody: server.DefaultMaxBody}
	fs.StringVar(&f.addr, "addr", "127.0.0.1:8080", "listen `address` host:port (port 0 picks a free one)")
	fs.BoolVar(&f.allowRemote, "allow-remote", false, "allow an --addr that is not loopback (the page and API have no authentication)")
	fs.DurationVar(&f.timeout, "timeout", server.DefaultTimeout, "longest time a request may take, waiting for a worker included")
	fs.Var(&f.maxBody, "max-body", "largest request body: bytes, or with a unit KiB, MiB (default 2MiB)")
	fs.IntVar(&f.workers, "workers", 0, "checks run at once (0: one per CPU)")
	fs.BoolVar(&f.quiet, "quiet", false, "no access log on stderr")
	pos, err := parseFlags(fs, args)
	if err != nil {
		if strings.Contains(err.Error(), flag.ErrHelp.Error()) {
			fmt.Fprint(stdout, serveUsage)
			fs.SetOutput(stdout)
			fs.PrintDefaults()
			return exitOK
		}
		return report(stderr, err)
	}
	if len(pos) > 0 {
		return report(stderr, usagef("serve: unexpected argument %q", pos[0]))
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := serve(ctx, f, stderr, nil); err != nil {
		return report(stderr, err)
	}
	return exitOK
}

// serve runs the server until ctx ends, then shuts it down gracefully.
// listening, when not nil, is told the address once requests are answered.
func serve(ctx context.Context, f serveFlags, stderr io.Writer, listening func(addr string)) error {
	if f.timeout <= 0 {
		return usagef("--timeout must be positive")
	}
	if f.maxBody <= 0 {
		return usagef("--max-body must be positive")
	}
	if f.workers < 0 {
		return usagef("--workers must not be negative")
	}
	if _, _, err := net.SplitHostPort(f.addr); err != nil {
		return usagef("--addr %q: want host:port, e.g. 127.0.0.1:8080", f.addr)
	}
	if !server.IsLoopbackAddr(f.addr) && !f.allowRemote {
		return usagef("--addr %s is not a loopback address; the server has no authentication, so serving other machines needs --allow-remote", f.addr)
	}
	cfg := server.Config{
		MaxBody:      int64(f.maxBody),
		Timeout:      f.timeout,
		Workers:      f.workers,
		HTML:         writers["html"],
		LoopbackOnly: !f.allowRemote,
	}
	if !f.quiet {
		cfg.AccessLog = stderr
	}
	// Load before listening: nothing answers, /healthz included, until the
	// segmenter and the lexicon are in memory.
	srv, err := server.New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       f.timeout,
		WriteTimeout:      f.timeout + 5*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(stderr, "aligncheck: http: ", 0),
		ConnState:         f.connState,
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(ln) }()
	addr := ln.Addr().String()
	fmt.Fprintf(stderr, "aligncheck: serving http://%s/ (Ctrl+C stops)\n", addr)
	if listening != nil {
		listening(addr)
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	fmt.Fprintln(stderr, "aligncheck: shutting down")
	// In-flight requests end within their timeout; give them that and a margin.
	sctx, cancel := context.WithTimeout(context.Background(), f.timeout+5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// byteSize is a flag holding a number of bytes: "2097152", "512KiB", "2MiB".
type byteSize int64

func (b *byteSize) String() string {
	switch n := int64(*b); {
	case n > 0 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MiB"
	case n > 0 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "KiB"
	default:
		return strconv.FormatInt(n, 10)
	}
}

func (b *byteSize) Set(s string) error {
	units := []struct {
		suffix string
		mult   int64
	}{{"MiB", 1 << 20}, {"KiB", 1 << 10}, {"MB", 1 << 20}, {"KB", 1 << 10}, {"M", 1 << 20}, {"K", 1 << 10}, {"B", 1}}
	num, mult := strings.TrimSpace(s), int64(1)
	for _, u := range units {
		if strings.HasSuffix(strings.ToUpper(num), strings.ToUpper(u.suffix)) {
			num, mult = strings.TrimSpace(num[:len(num)-len(u.suffix)]), u.mult
			break
		}
	}
	n, err := strconv.ParseInt(num, 10, 64)
	if err != nil || n <= 0 || n > (1<<40)/mult {
		return fmt.Errorf("want a positive size such as 2097152, 512KiB or 2MiB, not %q", s)
	}
	*b = byteSize(n * mult)
	return nil
}
