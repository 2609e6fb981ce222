package main

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestHelpEveryCommand: -h prints each command's own help text and its
// flags, and exits 0; no command is without a text.
func TestHelpEveryCommand(t *testing.T) {
	for _, cmd := range []string{"check", "merge", "align", "eval", "serve", "config"} {
		var out, errb strings.Builder
		assert.Equal(t, exitOK, run([]string{cmd, "-h"}, nil, &out, &errb), cmd)
		assert.True(t, strings.HasPrefix(out.String(), "Usage: aligncheck "+cmd), "%s: %q", cmd, out.String())
		assert.Contains(t, out.String(), "\n  -", cmd+": the flags follow")
		assert.Empty(t, errb.String(), cmd)
	}
	var out, errb strings.Builder
	assert.Equal(t, exitError, run(nil, nil, &out, &errb))
	assert.Contains(t, errb.String(), "aligncheck checks a Chinese text")
}
