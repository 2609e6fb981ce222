package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestServeFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		want string
	}{
		{"remote without consent", []string{"--addr", "0.0.0.0:0"}, "not a loopback address"},
		{"all interfaces", []string{"--addr", ":8080"}, "--allow-remote"},
		{"bad addr", []string{"--addr", "localhost"}, "want host:port"},
		{"bad max-body", []string{"--max-body", "lots"}, "positive size"},
		{"zero timeout", []string{"--timeout", "0s"}, "--timeout must be positive"},
		{"argument", []string{"extra"}, "unexpected argument"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var out, errb bytes.Buffer
			code := run(append([]string{"serve"}, c.args...), nil, &out, &errb)
			assert.Equal(t, exitError, code)
			assert.Contains(t, errb.String(), c.want)
		})
	}
	var out, errb bytes.Buffer
	assert.Equal(t, exitOK, run([]string{"serve", "-h"}, nil, &out, &errb))
	assert.Contains(t, out.String(), "--allow-remote")
}

// syncBuffer is a buffer the server and the test may use at once.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// startServe runs serve on a free loopback port until the test ends.
func startServe(t *testing.T, f serveFlags) (base string, stderr *syncBuffer, stop func() error) {
	t.Helper()
	if f.addr == "" {
		f.addr = "127.0.0.1:0"
	}
	if f.timeout == 0 {
		f.timeout = 10 * time.Second
	}
	if f.maxBody == 0 {
		f.maxBody = 2 << 20
	}
	stderr = &syncBuffer{}
	ctx, cancel := context.WithCancel(context.Background())
	addrc := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- serve(ctx, f, stderr, func(a string) { addrc <- a }) }()
	select {
	case a := <-addrc:
		base = "http://" + a
	case err := <-done:
		cancel()
		t.Fatalf("serve: %v", err)
	case <-time.After(30 * time.Second):
		cancel()
		t.Fatal("server did not start")
	}
	var once sync.Once
	var err error
	stop = func() error {
		once.Do(func() {
			cancel()
			err = <-done
		})
		return err
	}
	t.Cleanup(func() { stop() })
	return base, stderr, stop
}

func TestServeAnswersLikeCheck(t *testing.T) {
	base, stderr, stop := startServe(t, serveFlags{})
	resp, err := http.Get(base + "/healthz")
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode)
	assert.Equal(t, "ok\n", string(b))

	zh := "2022年全国粮食产量达到13731亿斤，比上年增加74亿斤。\n\n" + spotZh
	en := "In 2022 national grain output reached 1,373.1 billion jin, 84 billion jin more than the previous year.\n\n" + spotEn
	req, _ := json.Marshal(map[string]string{"zh": zh, "en": en})
	resp, err = http.Post(base+"/api/check", "application/json", bytes.NewReader(req))
	require.NoError(t, err)
	api, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	require.Equal(t, http.StatusOK, resp.StatusCode, string(api))

	var cli, errb bytes.Buffer
	code := run([]string{"check", "--format", "json", "--zh-text", zh, "--en-text", en}, nil, &cli, &errb)
	require.NotEqual(t, exitError, code, errb.String())
	assert.Equal(t, cli.String(), string(api), "the API answers what check --format json prints")

	require.NoError(t, stop())
	log := stderr.String()
	assert.Contains(t, log, "serving http://127.0.0.1:")
	assert.Regexp(t, `POST /api/check 200 \d+B `, log)
	assert.Contains(t, log, "shutting down")
}

func TestServeQuiet(t *testing.T) {
	base, stderr, stop := startServe(t, serveFlags{quiet: true})
	resp, err := http.Get(base + "/healthz")
	require.NoError(t, err)
	resp.Body.Close()
	require.NoError(t, stop())
	assert.NotContains(t, stderr.String(), "GET /healthz")
}

// A request in flight when the signal comes is still answered.
func TestServeGracefulShutdown(t *testing.T) {
	active := make(chan struct{}, 1)
	base, stderr, stop := startServe(t, serveFlags{connState: func(_ net.Conn, s http.ConnState) {
		if s == http.StateActive {
			active <- struct{}{}
		}
	}})
	req, _ := json.Marshal(map[string]string{"zh": spotZh, "en": spotEn})
	conn, err := net.Dial("tcp", strings.TrimPrefix(base, "http://"))
	require.NoError(t, err)
	defer conn.Close()
	// Send the headers and half the body, so the connection is active.
	head := fmt.Sprintf("POST /api/check HTTP/1.1\r\nHost: %s\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n",
		strings.TrimPrefix(base, "http://"), len(req))
	_, err = io.WriteString(conn, head)
	require.NoError(t, err)
	_, err = conn.Write(req[:len(req)/2])
	require.NoError(t, err)
	select {
	case <-active: // the server has read the headers: the request is in flight
	case <-time.After(10 * time.Second):
		t.Fatal("the request did not reach the server")
	}

	stopped := make(chan error, 1)
	go func() { stopped <- stop() }()
	require.Eventually(t, func() bool { return strings.Contains(stderr.String(), "shutting down") }, 10*time.Second, 5*time.Millisecond)
	select {
	case err := <-stopped:
		t.Fatalf("server stopped with a request in flight: %v", err)
	case <-time.After(100 * time.Millisecond):
	}
	_, err = conn.Write(req[len(req)/2:])
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(conn), nil)
	require.NoError(t, err)
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	assert.Equal(t, http.StatusOK, resp.StatusCode, string(b))
	assert.Contains(t, string(b), `"numbering"`)
	select {
	case err := <-stopped:
		assert.NoError(t, err)
	case <-time.After(10 * time.Second):
		t.Fatal("server did not stop after the last request")
	}
	// Nothing listens any more.
	_, err = net.DialTimeout("tcp", strings.TrimPrefix(base, "http://"), time.Second)
	assert.Error(t, err)
}

// TestServeSuppressionsAndSelectionLikeCheck: the API answers what check
// writes for the same texts when they hold aligncheck-ignore directives
// (one applied, one without a reason, which is itself reported) and when
// the request selects checks (as --enable does), in JSON and in HTML.
func TestServeSuppressionsAndSelectionLikeCheck(t *testing.T) {
	base, _, _ := startServe(t, serveFlags{quiet: true})
	zh := "# aligncheck-ignore numbers: the figure was revised after translation\n" +
		"2022年全国粮食产量达到13731亿斤，比上年增加74亿斤。\n\n" +
		"# aligncheck-ignore numbering\n" + spotZh
	en := "In 2022 national grain output reached 1,373.1 billion jin, 84 billion jin more than the previous year.\n\n" + spotEn
	post := func(body map[string]any) string {
		req, _ := json.Marshal(body)
		resp, err := http.Post(base+"/api/check", "application/json", bytes.NewReader(req))
		require.NoError(t, err)
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		require.Equal(t, http.StatusOK, resp.StatusCode, string(b))
		return string(b)
	}
	check := func(args ...string) string {
		var out, errb bytes.Buffer
		code := run(append([]string{"check", "--zh-text", zh, "--en-text", en}, args...), nil, &out, &errb)
		require.NotEqual(t, exitError, code, errb.String())
		return out.String()
	}
	cases := []struct {
		name   string
		body   map[string]any
		args   []string
		absent string // a finding the directive or the selection removes
	}{
		{"directives json", map[string]any{"zh": zh, "en": en}, []string{"--format", "json"}, `"check": "numbers"`},
		{"directives html", map[string]any{"zh": zh, "en": en, "format": "html"}, []string{"--format", "html"}, `data-cat="numbers"`},
		{"selection", map[string]any{"zh": zh, "en": en, "checks": []string{"numbering", "untranslated", "numbering"}},
			[]string{"--format", "json", "--enable", "numbering,untranslated,numbering"}, `"check": "numbers/missing"`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			api, cli := post(c.body), check(c.args...)
			assert.Equal(t, cli, api, "the API answers what check writes")
			assert.NotContains(t, api, c.absent)
			assert.Contains(t, api, "aligncheck-ignore numbering has no reason and is not applied")
		})
	}
}
