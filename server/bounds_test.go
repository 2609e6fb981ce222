package server

import (
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestManyFindingsInOnePair: the request of issue 15 that ended the
// server with "fatal error: out of memory" — a 164 KB body whose Chinese
// paragraph holds 20,000 placeholders the English lacks — is answered,
// in memory that grows with the findings, not with findings times the
// paragraph, and the server answers the next request.
func TestManyFindingsInOnePair(t *testing.T) {
	if testing.Short() {
		t.Skip("20,000 findings in one pair: minutes under the race detector; go test ./... runs it")
	}
	var zh strings.Builder
	zh.WriteString("国家安全体系")
	for i := range 20000 {
		fmt.Fprintf(&zh, "{%d}", i)
	}
	zh.WriteString("。")
	en := strings.Repeat("National security system. ", 1300) // 34 KB
	req := body(t, map[string]string{"zh": zh.String(), "en": en})
	require.Greater(t, len(req), 160_000)
	require.Less(t, len(req), DefaultMaxBody)

	// time is not what this test measures: a loaded machine gets a minute
	s := newTest(t, Config{Timeout: time.Minute})
	for _, format := range []string{"json", "html"} {
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		w := do(s, "POST", "/api/check", body(t, map[string]string{"zh": zh.String(), "en": en, "format": format}))
		runtime.ReadMemStats(&after)
		require.Equal(t, http.StatusOK, w.Code, "%.300s", w.Body.String())
		alloc := after.TotalAlloc - before.TotalAlloc
		t.Logf("%s: answer %d bytes, %d MB allocated", format, w.Body.Len(), alloc>>20)
		// 20,000 findings at a few KB each; findings x paragraph was 13 GB
		assert.Less(t, alloc, uint64(1<<30), format)
		assert.Less(t, w.Body.Len(), 200<<20, format)
	}
	r := decodeReport(t, do(s, "POST", "/api/check", req))
	tags := 0
	for _, f := range r.Documents[0].Findings {
		if f.Check == "tags" {
			tags++
		}
	}
	assert.Equal(t, 20000, tags, "one finding per placeholder")
	r = decodeReport(t, do(s, "POST", "/api/check", body(t, map[string]string{"zh": zhPara, "en": enPara})))
	assert.NotEmpty(t, r.Documents[0].Pairs)
}
