package excerpt

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestQuote(t *testing.T) {
	assert.Equal(t, `"zh"`, Quote("zh"))
	assert.Equal(t, `"a\x00b\x1b[31m"`, Quote("a\x00b\x1b[31m"))
	long := "SECRET=" + strings.Repeat("x", 100)
	q := Quote(long)
	assert.Equal(t, `"SECRET=`+strings.Repeat("x", 33)+`"… (107 bytes)`, q)
	assert.Equal(t, `"`+strings.Repeat("国", 40)+`"… (180 bytes)`, Quote(strings.Repeat("国", 60)))
}

func TestMessage(t *testing.T) {
	assert.Equal(t, "bad header", Message("bad header"))
	assert.Equal(t, `a\x00b`, Message("a\x00b"))
	m := Message(strings.Repeat("国", 200))
	assert.LessOrEqual(t, len(m), MaxMessage+len("…"))
	assert.True(t, strings.HasSuffix(m, "…"))
}
