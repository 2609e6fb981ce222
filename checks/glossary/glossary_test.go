package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestParseTSV(t *testing.T) {
	g := New()
	data := "# policy terms\nzh\ten\tforbidden\tnote\n动态清零\tdynamic zero|dynamic clearing\tzero-COVID\tthe 2022 term\n\n總體國家安全觀\tOverall National Security Outlook\t\t\n两个确立\tTwo Establishes\n"
	require.NoError(t, g.Parse("terms.tsv", []byte(data)))
	require.Equal(t, 3, g.Len())
	e := g.Lookup("动态清零")
	require.NotNil(t, e)
	assert.Equal(t, []string{"dynamic zero", "dynamic clearing"}, e.Allowed)
	assert.Equal(t, []string{"zero-COVID"}, e.Forbidden)
	assert.Equal(t, "the 2022 term", e.Note)
	assert.Equal(t, 3, e.Line)
	// traditional in the file, simplified key
	e = g.Lookup("总体国家安全观")
	require.NotNil(t, e)
	assert.Equal(t, "總體國家安全觀", e.Written)
	assert.Equal(t, 5, e.Line)
	assert.Same(t, e, g.Lookup("總體國家安全觀"))
	assert.Nil(t, g.Lookup("国家"))
}

func TestParseCSV(t *testing.T) {
	g := New()
	data := "\xef\xbb\xbfEN,ZH\n\"Two Establishes\",两个确立\n\"dynamic zero, dynamic clearing\",动态清零\n"
	require.NoError(t, g.Parse("terms.csv", []byte(data)))
	require.Equal(t, 2, g.Len())
	assert.Equal(t, []string{"dynamic zero, dynamic clearing"}, g.Lookup("动态清零").Allowed)
	assert.Equal(t, 3, g.Lookup("动态清零").Line)
	// sniffed by content
	g = New()
	require.NoError(t, g.Parse("terms", []byte("zh,en\n两个确立,Two Establishes\n")))
	assert.Equal(t, 1, g.Len())
}

func TestParseTBX(t *testing.T) {
	data := `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
 <text><body>
  <termEntry id="t1">
   <descrip type="definition">policy of 2022</descrip>
   <langSet xml:lang="zh-CN"><tig><term>动态清零</term></tig></langSet>
   <langSet xml:lang="en-US">
    <tig><term>dynamic zero</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
    <tig><term>zero-COVID</term><termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote></tig>
   </langSet>
  </termEntry>
  <termEntry id="t2">
   <langSet xml:lang="zh-TW"><tig><term>兩個確立</term></tig></langSet>
   <langSet xml:lang="en"><tig><term>Two Establishes</term></tig></langSet>
  </termEntry>
  <termEntry id="t3">
   <langSet xml:lang="fr"><tig><term>zéro dynamique</term></tig></langSet>
  </termEntry>
 </body></text>
</martif>`
	g := New()
	require.NoError(t, g.Parse("terms.tbx", []byte(data)))
	require.Equal(t, 2, g.Len())
	e := g.Lookup("动态清零")
	assert.Equal(t, []string{"dynamic zero"}, e.Allowed)
	assert.Equal(t, []string{"zero-COVID"}, e.Forbidden)
	assert.Equal(t, "policy of 2022", e.Note)
	assert.Equal(t, 4, e.Line)
	assert.Equal(t, []string{"Two Establishes"}, g.Lookup("两个确立").Allowed)
}

func TestErrors(t *testing.T) {
	for name, c := range map[string]struct{ path, data, want string }{
		"unknown column":  {"g.tsv", "zh\ten\tcomment\n", "g.tsv:1: bad header: unknown column \"comment\" (want zh, en, forbidden, note)"},
		"no en column":    {"g.tsv", "# c\nzh\tnote\n", "g.tsv:2: bad header: no en column (want zh, en, forbidden, note)"},
		"empty file":      {"g.tsv", "# only a comment\n", "g.tsv: bad header: the file is empty (want a header row: zh, en, forbidden, note)"},
		"empty term":      {"g.tsv", "zh\ten\n两个确立\tTwo Establishes\n\tdynamic zero\n", "g.tsv:3: empty zh term"},
		"no rendering":    {"g.tsv", "zh\ten\n两个确立\t\n", "g.tsv:2: no English rendering for \"两个确立\" (en is empty)"},
		"too many fields": {"g.tsv", "zh\ten\n两个确立\tTwo Establishes\textra\n", "g.tsv:2: 3 fields, the header has 2"},
		"conflict":        {"g.csv", "zh,en\n两个确立,Two Establishes\n兩個確立,two affirmations\n", "g.csv:3: duplicate entry for \"兩個確立\" conflicts with g.csv:2"},
		"bad csv":         {"g.csv", "zh,en\n两个确立,\"Two\" x\"\n", "g.csv:2: extraneous or missing \" in quoted-field"},
		"not utf8":        {"g.tsv", "zh\ten\n\xff\tx\n", "g.tsv:2: not UTF-8 text"},
		"bad xml":         {"g.tbx", "<martif>\n<termEntry>\n</martif>", "g.tbx:3: bad TBX: element <termEntry> closed by </martif>"},
		"empty tbx term":  {"g.tbx", "<martif><termEntry>\n<langSet xml:lang=\"zh\"><tig><term> </term></tig></langSet></termEntry></martif>", "g.tbx:2: empty term"},
	} {
		err := New().Parse(c.path, []byte(c.data))
		if assert.Error(t, err, name) {
			assert.Equal(t, c.want, err.Error(), name)
			var ge *Error
			assert.ErrorAs(t, err, &ge, name)
		}
	}
	// an exact repeat is fine
	require.NoError(t, New().Parse("g.tsv", []byte("zh\ten\n两个确立\tTwo Establishes\n两个确立\ttwo establishes\n")))
}

func TestLoad(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.tsv"), filepath.Join(dir, "b.csv")
	require.NoError(t, os.WriteFile(a, []byte("zh\ten\n两个确立\tTwo Establishes\n"), 0o644))
	require.NoError(t, os.WriteFile(b, []byte("zh,en\n两个确立,two affirmations\n"), 0o644))
	_, err := Load(a, b)
	require.Error(t, err)
	assert.Equal(t, b+":2: duplicate entry for \"两个确立\" conflicts with "+a+":2", err.Error())
	_, err = Load(filepath.Join(dir, "missing.tsv"))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "missing.tsv: read glossary: no such file or directory")
	g, err := Load(a)
	require.NoError(t, err)
	assert.Equal(t, 1, g.Len())
}

func FuzzParse(f *testing.F) {
	f.Add("terms.tsv", "zh\ten\n两个确立\tTwo Establishes\n")
	f.Add("terms.csv", "zh,en,forbidden\n动态清零,dynamic zero,zero-COVID\n")
	f.Add("terms.tbx", "<martif><termEntry><langSet xml:lang=\"zh\"><tig><term>a</term></tig></langSet></termEntry></martif>")
	f.Fuzz(func(t *testing.T, path, data string) {
		g := New()
		if err := g.Parse(path, []byte(data)); err != nil {
			var ge *Error
			if !assertAs(err, &ge) {
				t.Fatalf("error of type %T: %v", err, err)
			}
			return
		}
		for _, e := range g.Entries {
			if e.Zh == "" || len(e.Allowed)+len(e.Forbidden) == 0 {
				t.Fatalf("bad entry %+v", e)
			}
		}
	})
}

func assertAs(err error, target **Error) bool {
	e, ok := err.(*Error)
	*target = e
	return ok
}

// TestLoadRefusesWhatIsNotAGlossary: a file that is not regular, or holds
// binary data (/proc/self/environ: NUL-separated), is refused without
// quoting what it holds; a long bad value is quoted short.
func TestLoadRefusesWhatIsNotAGlossary(t *testing.T) {
	dir := t.TempDir()
	_, err := Load(dir)
	assert.ErrorContains(t, err, "not a regular file")
	p := filepath.Join(dir, "env")
	require.NoError(t, os.WriteFile(p, []byte("TOKEN=s3cret\x00HOME=/root\x00"), 0o644))
	_, err = Load(p)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "binary data")
	assert.NotContains(t, err.Error(), "s3cret")
	long := filepath.Join(dir, "long.tsv")
	require.NoError(t, os.WriteFile(long, []byte("TOKEN="+strings.Repeat("s3cret", 400)+"\tx\n"), 0o644))
	_, err = Load(long)
	require.Error(t, err)
	assert.Less(t, len(err.Error()), 200+len(dir), err.Error())
}
