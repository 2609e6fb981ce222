package server

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/aligncheck/aligncheck/internal/driver"
)

// Listen is where and how `aligncheck serve` listens.
type Listen struct {
	Addr string // host:port; port 0 picks a free one
	// AllowRemote permits an address that is not loopback: the server has
	// no authentication.
	AllowRemote bool
	// ConnState, when set, sees each connection's state changes (tests).
	ConnState func(net.Conn, http.ConnState)
}

// ListenAndServe loads the segmenter and the lexicon, then serves on l.Addr
// until ctx ends, and then shuts down gracefully: requests in flight are
// answered. listening, when not nil, is told the address once requests are
// answered. A bad setting is a *driver.UsageError naming the flag.
func ListenAndServe(ctx context.Context, l Listen, cfg Config, stderr io.Writer, listening func(addr string)) error {
	switch {
	case cfg.Timeout <= 0:
		return driver.Usagef("--timeout must be positive")
	case cfg.MaxBody <= 0:
		return driver.Usagef("--max-body must be positive")
	case cfg.Workers < 0:
		return driver.Usagef("--workers must not be negative")
	case cfg.Queue < 0:
		return driver.Usagef("--queue must not be negative")
	}
	if _, _, err := net.SplitHostPort(l.Addr); err != nil {
		return driver.Usagef("--addr %q: want host:port, e.g. 127.0.0.1:8080", l.Addr)
	}
	if !IsLoopbackAddr(l.Addr) && !l.AllowRemote {
		return driver.Usagef("--addr %s is not a loopback address; the server has no authentication, so serving other machines needs --allow-remote", l.Addr)
	}
	cfg.LoopbackOnly = !l.AllowRemote
	// Load before listening: nothing answers, /healthz included, until the
	// segmenter and the lexicon are in memory.
	srv, err := New(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", l.Addr)
	if err != nil {
		return fmt.Errorf("listen: %w", err)
	}
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       cfg.Timeout,
		WriteTimeout:      cfg.Timeout + 5*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          log.New(stderr, "aligncheck: http: ", 0),
		ConnState:         l.ConnState,
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
	sctx, cancel := context.WithTimeout(context.Background(), cfg.Timeout+5*time.Second)
	defer cancel()
	if err := hs.Shutdown(sctx); err != nil {
		return fmt.Errorf("shutdown: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// ByteSize is a flag holding a number of bytes: "2097152", "512KiB", "2MiB".
type ByteSize int64

func (b *ByteSize) String() string {
	switch n := int64(*b); {
	case n > 0 && n%(1<<20) == 0:
		return strconv.FormatInt(n>>20, 10) + "MiB"
	case n > 0 && n%(1<<10) == 0:
		return strconv.FormatInt(n>>10, 10) + "KiB"
	default:
		return strconv.FormatInt(n, 10)
	}
}

func (b *ByteSize) Set(s string) error {
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
	*b = ByteSize(n * mult)
	return nil
}
