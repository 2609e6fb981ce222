package reports

import (
	"math"
	"strconv"
	"unicode/utf8"

	"github.com/aligncheck/aligncheck/align/lang"
)

// appendPairJSON appends p's compact JSON, the bytes encoding/json's
// Encoder (HTML escaping off) writes for it without the newline. Spooled
// pairs are most of a JSON report, and encoding them by reflection cost
// about as much as all the rest of the writing. ok is false, and nothing
// is to be used, for a score encoding/json writes in exponent form or
// refuses (NaN, infinities): the caller then asks encoding/json.
func appendPairJSON(dst []byte, p *Pair) (out []byte, ok bool) {
	dst = append(dst, '{')
	if p.Zh != nil {
		dst = append(dst, `"zh":`...)
		dst = appendRangeJSON(dst, p.Zh)
		dst = append(dst, ',')
	}
	if p.En != nil {
		dst = append(dst, `"en":`...)
		dst = appendRangeJSON(dst, p.En)
		dst = append(dst, ',')
	}
	dst = append(dst, `"type":`...)
	dst = appendStringJSON(dst, p.Type)
	dst = append(dst, `,"score":`...)
	if dst, ok = appendFloatJSON(dst, p.Score); !ok {
		return nil, false
	}
	dst = append(dst, `,"sentences":`...)
	if p.Sentences == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i := range p.Sentences {
			if i > 0 {
				dst = append(dst, ',')
			}
			s := &p.Sentences[i]
			dst = append(dst, `{"type":`...)
			dst = appendStringJSON(dst, s.Type)
			dst = append(dst, `,"score":`...)
			if dst, ok = appendFloatJSON(dst, s.Score); !ok {
				return nil, false
			}
			dst = append(dst, `,"zh":`...)
			dst = appendLocationsJSON(dst, s.Zh)
			dst = append(dst, `,"en":`...)
			dst = appendLocationsJSON(dst, s.En)
			dst = append(dst, '}')
		}
		dst = append(dst, ']')
	}
	return append(dst, '}'), true
}

func appendRangeJSON(dst []byte, r *Range) []byte {
	dst = append(dst, `{"line":`...)
	dst = strconv.AppendInt(dst, int64(r.Line), 10)
	dst = append(dst, `,"endLine":`...)
	dst = strconv.AppendInt(dst, int64(r.EndLine), 10)
	return append(dst, '}')
}

func appendLocationsJSON(dst []byte, ls []Location) []byte {
	if ls == nil {
		return append(dst, "null"...)
	}
	dst = append(dst, '[')
	for i := range ls {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = appendLocationJSON(dst, &ls[i])
	}
	return append(dst, ']')
}

func appendLocationJSON(dst []byte, l *Location) []byte {
	dst = append(dst, `{"path":`...)
	dst = appendStringJSON(dst, l.Path)
	dst = append(dst, `,"line":`...)
	dst = strconv.AppendInt(dst, int64(l.Line), 10)
	dst = append(dst, `,"column":`...)
	dst = strconv.AppendInt(dst, int64(l.Column), 10)
	dst = append(dst, `,"endLine":`...)
	dst = strconv.AppendInt(dst, int64(l.EndLine), 10)
	dst = append(dst, `,"endColumn":`...)
	dst = strconv.AppendInt(dst, int64(l.EndColumn), 10)
	dst = append(dst, `,"text":`...)
	dst = appendStringJSON(dst, l.Text)
	return append(dst, '}')
}

// appendFindingsJSON appends fs's compact JSON as encoding/json writes it
// (HTML escaping off), or says it cannot as appendPairJSON does.
func appendFindingsJSON(dst []byte, fs []*Finding) (out []byte, ok bool) {
	if fs == nil {
		return append(dst, "null"...), true
	}
	dst = append(dst, '[')
	for i, f := range fs {
		if i > 0 {
			dst = append(dst, ',')
		}
		if f == nil {
			dst = append(dst, "null"...)
			continue
		}
		dst = append(dst, `{"check":`...)
		dst = appendStringJSON(dst, f.Check)
		dst = append(dst, `,"category":`...)
		dst = appendStringJSON(dst, f.Category)
		dst = append(dst, `,"severity":`...)
		dst = appendStringJSON(dst, f.Severity)
		dst = append(dst, `,"message":`...)
		dst = appendStringJSON(dst, f.Message)
		if f.Zh != nil {
			dst = append(dst, `,"zh":`...)
			dst = appendLocationJSON(dst, f.Zh)
		}
		if f.En != nil {
			dst = append(dst, `,"en":`...)
			dst = appendLocationJSON(dst, f.En)
		}
		dst = append(dst, `,"pair":`...)
		dst = strconv.AppendInt(dst, int64(f.Pair), 10)
		dst = append(dst, `,"fingerprint":`...)
		dst = appendStringJSON(dst, f.Fingerprint)
		dst = append(dst, `,"confidence":`...)
		if dst, ok = appendFloatJSON(dst, f.Confidence); !ok {
			return nil, false
		}
		dst = append(dst, '}')
	}
	return append(dst, ']'), true
}

// appendFloatJSON appends f as encoding/json writes a float64 in the
// range where it uses the shortest decimal without an exponent: 0, and
// magnitudes from 1e-6 up to 1e21. ok is false outside it.
func appendFloatJSON(dst []byte, f float64) ([]byte, bool) {
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) || math.IsNaN(f) {
		return dst, false
	}
	return strconv.AppendFloat(dst, f, 'f', -1, 64), true
}

// jsonPlain marks the ASCII bytes encoding/json copies into a string as
// they are (HTML escaping off): all but control characters, '"' and '\\'.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// jsonPlain8 reports whether the eight bytes of x are all jsonPlain: no
// byte has its high bit set, and none is below 0x20, '"' or '\\'. With no
// high bit set, subtracting 0x20 from every byte borrows into a high bit
// just when a byte is below 0x20, and subtracting 1 from x XOR a byte
// repeated just when a byte of x is that byte; the lowest such byte sets
// its own high bit, whatever the bytes above it do (TestJSONPlain8).
func jsonPlain8(x uint64) bool {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	return (x|(x-0x20*ones)|((x^'"'*ones)-ones)|((x^'\\'*ones)-ones))&highs == 0
}

const hexDigits = "0123456789abcdef"

// appendStringJSON appends s quoted as encoding/json quotes it with HTML
// escaping off: '"', '\\' and control characters escaped (\b, \f, \n, \r,
// \t by name, the others as \u00XX), each byte of invalid UTF-8 as
// \ufffd, and U+2028 and U+2029 as \u2028 and \u2029.
func appendStringJSON(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				// English text goes on eight plain bytes at a time
				for i+8 <= len(s) && jsonPlain8(lang.Load8(s[i:])) {
					i += 8
				}
				continue
			}
			dst = append(dst, s[start:i]...)
			switch c {
			case '"', '\\':
				dst = append(dst, '\\', c)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		// A three-byte character outside the surrogates and U+2028,
		// U+2029 (Chinese text is all such) is copied without decoding.
		if c >= 0xe1 && c <= 0xef && c != 0xed && i+2 < len(s) && s[i+1]&0xc0 == 0x80 && s[i+2]&0xc0 == 0x80 &&
			(c != 0xe2 || s[i+1] != 0x80 || s[i+2]&^1 != 0xa8) {
			i += 3
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}

// pairPrefix is the prefix of a pair's lines in the JSON report (the
// report's "documents", a document, its "pairs"): a pair is kept in its
// store as it will be written there, so that the writer copies it instead
// of indenting it (appendIndented took about as much as encoding it).
const pairPrefix = "        "

// pairNL is a line break, pairPrefix and two spaces for each of the five
// levels a pair holds.
const pairNL = "\n" + pairPrefix + "          "

// pairLine is the start of a line of a pair at depth d.
func pairLine(d int) string { return pairNL[:1+len(pairPrefix)+2*d] }

// appendPairJSONIndented appends p's JSON as appendIndented indents
// appendPairJSON's at pairPrefix, written directly; ok as appendPairJSON
// says it.
func appendPairJSONIndented(dst []byte, p *Pair) (out []byte, ok bool) {
	dst = append(dst, '{')
	if p.Zh != nil {
		dst = append(append(dst, pairLine(1)...), `"zh": `...)
		dst = appendRangeIndented(dst, p.Zh, 1)
		dst = append(dst, ',')
	}
	if p.En != nil {
		dst = append(append(dst, pairLine(1)...), `"en": `...)
		dst = appendRangeIndented(dst, p.En, 1)
		dst = append(dst, ',')
	}
	dst = append(append(dst, pairLine(1)...), `"type": `...)
	dst = appendStringJSON(dst, p.Type)
	dst = append(append(append(dst, ','), pairLine(1)...), `"score": `...)
	if dst, ok = appendFloatJSON(dst, p.Score); !ok {
		return nil, false
	}
	dst = append(append(append(dst, ','), pairLine(1)...), `"sentences": `...)
	switch {
	case p.Sentences == nil:
		dst = append(dst, "null"...)
	case len(p.Sentences) == 0:
		dst = append(dst, "[]"...)
	default:
		dst = append(dst, '[')
		for i := range p.Sentences {
			if i > 0 {
				dst = append(dst, ',')
			}
			s := &p.Sentences[i]
			dst = append(append(dst, pairLine(2)...), '{')
			dst = append(append(dst, pairLine(3)...), `"type": `...)
			dst = appendStringJSON(dst, s.Type)
			dst = append(append(append(dst, ','), pairLine(3)...), `"score": `...)
			if dst, ok = appendFloatJSON(dst, s.Score); !ok {
				return nil, false
			}
			dst = append(append(append(dst, ','), pairLine(3)...), `"zh": `...)
			dst = appendLocationsIndented(dst, s.Zh, 3)
			dst = append(append(append(dst, ','), pairLine(3)...), `"en": `...)
			dst = appendLocationsIndented(dst, s.En, 3)
			dst = append(append(dst, pairLine(2)...), '}')
		}
		dst = append(append(dst, pairLine(1)...), ']')
	}
	return append(append(dst, pairLine(0)...), '}'), true
}

// appendRangeIndented appends r, the value of a field at depth d.
func appendRangeIndented(dst []byte, r *Range, d int) []byte {
	dst = append(append(append(dst, '{'), pairLine(d+1)...), `"line": `...)
	dst = strconv.AppendInt(dst, int64(r.Line), 10)
	dst = append(append(append(dst, ','), pairLine(d+1)...), `"endLine": `...)
	dst = strconv.AppendInt(dst, int64(r.EndLine), 10)
	return append(append(dst, pairLine(d)...), '}')
}

// appendLocationsIndented appends ls, the value of a field at depth d.
func appendLocationsIndented(dst []byte, ls []Location, d int) []byte {
	switch {
	case ls == nil:
		return append(dst, "null"...)
	case len(ls) == 0:
		return append(dst, "[]"...)
	}
	dst = append(dst, '[')
	for i := range ls {
		if i > 0 {
			dst = append(dst, ',')
		}
		dst = append(dst, pairLine(d+1)...)
		dst = appendLocationIndented(dst, &ls[i], d+1)
	}
	return append(append(dst, pairLine(d)...), ']')
}

// appendLocationIndented appends l, an element at depth d.
func appendLocationIndented(dst []byte, l *Location, d int) []byte {
	in := pairLine(d + 1)
	dst = append(append(append(dst, '{'), in...), `"path": `...)
	dst = appendStringJSON(dst, l.Path)
	dst = append(append(append(dst, ','), in...), `"line": `...)
	dst = strconv.AppendInt(dst, int64(l.Line), 10)
	dst = append(append(append(dst, ','), in...), `"column": `...)
	dst = strconv.AppendInt(dst, int64(l.Column), 10)
	dst = append(append(append(dst, ','), in...), `"endLine": `...)
	dst = strconv.AppendInt(dst, int64(l.EndLine), 10)
	dst = append(append(append(dst, ','), in...), `"endColumn": `...)
	dst = strconv.AppendInt(dst, int64(l.EndColumn), 10)
	dst = append(append(append(dst, ','), in...), `"text": `...)
	dst = appendStringJSON(dst, l.Text)
	return append(append(dst, pairLine(d)...), '}')
}
