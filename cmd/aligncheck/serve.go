package main

import (
	"context"
	"flag"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/aligncheck/aligncheck/server"
)

type serveFlags struct {
	addr        string
	allowRemote bool
	timeout     time.Duration
	maxBody     server.ByteSize
	workers     int
	queue       int
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
	fs.IntVar(&f.queue, "queue", 0, "requests that may wait for a worker; more are answered 503 at once (0: 64)")
	fs.BoolVar(&f.quiet, "quiet", false, "no access log on stderr")
	pos, code, done := parseCommand(fs, args, stdout, stderr)
	if done {
		return code
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

// serve runs the server until ctx ends; listening, when not nil, is told
// the address once requests are answered.
func serve(ctx context.Context, f serveFlags, stderr io.Writer, listening func(addr string)) error {
	cfg := server.Config{MaxBody: int64(f.maxBody), Timeout: f.timeout, Workers: f.workers, Queue: f.queue}
	if !f.quiet {
		cfg.AccessLog = stderr
	}
	l := server.Listen{Addr: f.addr, AllowRemote: f.allowRemote, ConnState: f.connState}
	return server.ListenAndServe(ctx, l, cfg, stderr, listening)
}
