package progress

import (
	"bytes"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func TestProgressLine(t *testing.T) {
	p := &Bar{total: 200, done: 50}
	assert.Equal(t, "[======>                 ] 50/200 documents  2.5/s  ETA 1:00", p.line(20*time.Second))
	p.done = 0
	assert.Equal(t, "[>                       ] 0/200 documents", p.line(time.Second))
	p.done = 200
	assert.Equal(t, "[========================] 200/200 documents  4.0/s  ETA 0:00", p.line(50*time.Second))
	assert.Equal(t, "1:02:03", clock(time.Hour+2*time.Minute+3*time.Second))
}

func TestProgressDrawsAfterDelayAndClears(t *testing.T) {
	var buf lockedBuffer
	now := time.Unix(0, 0)
	var mu sync.Mutex
	clockNow := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	p := &Bar{w: &buf, total: 4, now: clockNow, delay: time.Second}
	p.begin(time.Millisecond)
	p.add(1)
	time.Sleep(20 * time.Millisecond)
	assert.Empty(t, buf.String(), "nothing in the first second")
	mu.Lock()
	now = now.Add(2 * time.Second)
	mu.Unlock()
	assert.Eventually(t, func() bool { return strings.Contains(buf.String(), "1/4 documents") }, time.Second, time.Millisecond)
	p.Stop()
	p.Stop() // twice is harmless
	assert.True(t, strings.HasSuffix(buf.String(), "\r\x1b[K"), "the line is cleared: %q", buf.String())

	// not a terminal, quiet, or a single document: no bar at all
	assert.Nil(t, New(&buf, 10, false))
	var nilp *Bar
	nilp.Step()
	nilp.Stop()
}
