package driver_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/internal/driver"
)

// TestMaxSentences: a document with more sentences of one language than
// the limit is refused with a clear error before it is aligned.
func TestMaxSentences(t *testing.T) {
	load(t)
	zh := strings.Repeat(strings.Repeat("好。", 1000)+"\n\n", driver.MaxSentences/1000) + "好。\n"
	doc, err := input.TwoFiles("big.zh.txt", zh, "big.en.txt", "Good.\n")
	require.NoError(t, err)
	_, err = driver.Check(context.Background(), doc, driver.Setup{})
	var le *driver.LimitError
	require.True(t, errors.As(err, &le), "error %v", err)
	assert.Equal(t, "big.zh.txt | big.en.txt: 200001 zh sentences; the limit is 200000", err.Error())
}
