package align

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
	"path/filepath"
	"slices"
	"strings"
)

// ContentKey is a digest of everything in a document that the aligner and
// the checks read: the shape, each source's text, where its lines fall in
// the file it came from, the extension of its name (Markdown is checked as
// Markdown), and every block's place, unit and format fields; not the
// document's name or the directories of its files. Two documents with the
// same key align and check alike, finding for finding, apart from the paths
// their findings name. A document read in windows has no key (ok false):
// its checks read beyond it.
func (d *Document) ContentKey() (key [32]byte, ok bool) {
	if d.Window != nil {
		return key, false
	}
	h := sha256.New()
	num(h, int(d.Shape))
	same := d.ZhSrc == d.EnSrc
	if same {
		num(h, 1)
	} else {
		num(h, 0)
	}
	for _, s := range []*Source{d.ZhSrc, d.EnSrc} {
		if s == nil {
			num(h, -1)
			continue
		}
		str(h, strings.ToLower(filepath.Ext(s.Path)))
		str(h, s.Text)
		num(h, len(s.anchors))
		for _, a := range s.anchors {
			num(h, int(a.Off))
			num(h, int(a.Line))
			num(h, int(a.Column))
		}
		if same {
			break
		}
	}
	for _, bs := range [][]*Block{d.Zh, d.En, d.Other} {
		num(h, len(bs))
		for _, b := range bs {
			blockKey(h, b, d)
		}
	}
	num(h, len(d.Layout))
	for _, l := range d.Layout {
		num(h, l.Zh)
		num(h, l.En)
	}
	h.Sum(key[:0])
	return key, true
}

// blockKey adds a block to the digest. Its sentences and kind are not
// added: the reader derives them from the text (Document.Split).
func blockKey(h hash.Hash, b *Block, d *Document) {
	num(h, int(b.Lang))
	num(h, b.Index)
	num(h, b.Seq)
	// which of the document's sources: a block of the other language's
	// file (or of neither) is told apart by it
	switch b.Src {
	case d.ZhSrc:
		num(h, 0)
	case d.EnSrc:
		num(h, 1)
	default:
		num(h, 2)
		if b.Src != nil {
			str(h, b.Src.Path)
			str(h, b.Src.Text)
		}
	}
	// the text is Src.Text[Start:End]
	num(h, b.Start)
	num(h, b.End)
	str(h, b.Unit)
	keys := make([]string, 0, len(b.Extra))
	for k := range b.Extra {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	num(h, len(keys))
	for _, k := range keys {
		str(h, k)
		str(h, b.Extra[k])
	}
}

func num(h hash.Hash, n int) {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], uint64(n))
	h.Write(b[:])
}

// str adds a string with its length, so that no two lists of strings run
// together into the same bytes.
func str(h hash.Hash, s string) {
	num(h, len(s))
	h.Write([]byte(s))
}
