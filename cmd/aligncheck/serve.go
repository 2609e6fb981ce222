package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
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
