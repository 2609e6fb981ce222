package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A paragraph longer than the word alignment's offsets hold is refused
// with the file and the byte where it starts, by every way in; one within
// the bound is read. The bound is lowered for the test: 2 GiB of text is
// not made here.
func TestParagraphTooLong(t *testing.T) {
	defer func(n int) { maxBlockBytes = n }(maxBlockBytes)
	maxBlockBytes = 40
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
		return p
	}
	short := "安全。\n\n"
	long := strings.Repeat("国家安全。", 4) // 60 bytes
	zh := write("zh.txt", short+long+"\n")
	en := write("en.txt", "Security.\n")
	fine := write("fine.txt", short)

	_, err := OpenPair(zh, en, nil, Options{})
	var ie *Error
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.Equal(t, zh, ie.Path)
	assert.Equal(t, len(short), ie.Offset)
	assert.Contains(t, err.Error(), "a paragraph of 60 bytes: more than 40")

	mixed := write("mixed.txt", "Security.\n\n"+long+"\n")
	_, err = Open(mixed, nil, Options{})
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.Equal(t, mixed, ie.Path)
	assert.Equal(t, len("Security.\n\n"), ie.Offset)

	// the texts as given, not read from files (the align command, the
	// server, the compare mode)
	_, err = TwoFiles("zh", short+long, "en", "Security.")
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.Equal(t, "zh", ie.Path)
	_, err = Interleaved("mixed", "Security.\n\n"+long)
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.Equal(t, "mixed", ie.Path)

	_, err = OpenPair(fine, en, nil, Options{})
	assert.NoError(t, err)
}

// A document whose Chinese (or English) text, all paragraphs together,
// passes what the word alignment's offsets hold is refused at the
// paragraph that passes the bound, by file and byte, whichever way it
// comes in; a document within the bound is read. The bound is lowered
// for the test: 4 GiB of text is not made here.
func TestSideTooLong(t *testing.T) {
	defer func(n int) { maxSideBytes = n }(maxSideBytes)
	maxSideBytes = 40
	para := "国家安全。" // 15 bytes
	zh := strings.Repeat(para+"\n\n", 3)
	en := "Security.\n\nSafety.\n\nPeace.\n"
	_, err := TwoFiles("zh", zh, "en", en)
	var ie *Error
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.Equal(t, "zh", ie.Path)
	assert.Equal(t, 2*len(para+"\n\n"), ie.Offset, "the third paragraph passes 40 bytes")
	assert.Contains(t, err.Error(), "Chinese text passes 40 bytes")

	_, err = TwoFiles("zh", para, "en", strings.Repeat("Security matters.\n\n", 3))
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.Equal(t, "en", ie.Path)
	assert.Contains(t, err.Error(), "English text passes 40 bytes")

	_, err = Interleaved("mixed", strings.Repeat(para+"\n\nSecurity.\n\n", 3))
	require.True(t, errors.As(err, &ie), "%v", err)
	assert.Equal(t, "mixed", ie.Path)

	_, err = TwoFiles("zh", strings.Repeat(para+"\n\n", 2), "en", "Security.\n\nSafety.\n")
	assert.NoError(t, err)
}
