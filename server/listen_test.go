package server

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestByteSize(t *testing.T) {
	for in, want := range map[string]int64{"2097152": 2 << 20, "2MiB": 2 << 20, "512KiB": 512 << 10, "1m": 1 << 20, "10B": 10} {
		var b ByteSize
		require.NoError(t, b.Set(in), in)
		assert.Equal(t, want, int64(b), in)
	}
	for _, in := range []string{"", "0", "-1", "2GiB?", "MiB"} {
		var b ByteSize
		assert.Error(t, b.Set(in), in)
	}
	b := ByteSize(2 << 20)
	assert.Equal(t, "2MiB", b.String())
}
