package align

import (
	"reflect"
	"slices"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestContentKey: the key follows the content, the extensions and the
// layout, not the names' directories or the document's name.
func TestContentKey(t *testing.T) {
	key := func(d *Document) [32]byte {
		t.Helper()
		k, ok := d.ContentKey()
		assert.True(t, ok)
		return k
	}
	base := key(numberedDoc(6, [2]int{}))

	moved := numberedDoc(6, [2]int{})
	moved.Name = "elsewhere"
	moved.ZhSrc.Path, moved.EnSrc.Path = "release/zh.txt", "release/en.txt"
	assert.Equal(t, base, key(moved), "same content under other names")

	changes := map[string]func(d *Document){
		"a character of the Chinese": func(d *Document) {
			d.ZhSrc.Text = d.ZhSrc.Text[:3] + "省" + d.ZhSrc.Text[6:]
		},
		"a character of the English": func(d *Document) {
			d.EnSrc.Text = "l" + d.EnSrc.Text[1:]
		},
		"an extension":  func(d *Document) { d.EnSrc.Path = "en.md" },
		"the shape":     func(d *Document) { d.Shape = Interleaved },
		"a block's end": func(d *Document) { d.En[2].End-- },
		"a unit":        func(d *Document) { d.Zh[0].Unit = "p1" },
		"a field":       func(d *Document) { d.Zh[0].Extra = map[string]string{"note": "x"} },
		"the layout":    func(d *Document) { d.Layout = []Link{{0, 0}} },
		"an anchor": func(d *Document) {
			d.ZhSrc = NewMappedSource(d.ZhSrc.Path, d.ZhSrc.Text, []Anchor{{Off: 0, Line: 3, Column: 1}})
			for _, b := range d.Zh {
				b.Src = d.ZhSrc
			}
		},
		"one source for both": func(d *Document) { d.EnSrc = d.ZhSrc },
	}
	for name, change := range changes {
		d := numberedDoc(6, [2]int{})
		change(d)
		assert.NotEqual(t, base, key(d), name)
	}

	d := numberedDoc(6, [2]int{})
	d.Window = &Window{}
	_, ok := d.ContentKey()
	assert.False(t, ok, "a window has no key: its checks read beyond it")
}

// TestContentKeyFields pins the fields of what a reader produces: a field
// added to Document, Block or Source must be weighed for ContentKey (does
// the aligner or a check read it?) and then added here.
func TestContentKeyFields(t *testing.T) {
	fields := func(v any) []string {
		var out []string
		for f := range reflect.TypeOf(v).Fields() {
			out = append(out, f.Name)
		}
		slices.Sort(out)
		return out
	}
	// Name: not read by a check; Window: no key
	assert.Equal(t, []string{"En", "EnSrc", "Layout", "Name", "Other", "Shape", "Window", "Zh", "ZhSrc"}, fields(Document{}))
	// Sents and Kind: derived from the rest by Split
	assert.Equal(t, []string{"End", "Extra", "Index", "Kind", "Lang", "Sents", "Seq", "Src", "Start", "Text", "Unit"}, fields(Block{}))
	// lineStarts, marks, valid: derived from Text
	assert.Equal(t, []string{"Path", "Text", "anchors", "lineStarts", "marks", "marksOnce", "valid"}, fields(Source{}))
}
