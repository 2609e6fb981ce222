package reports

import (
	"bufio"
	"bytes"
	"encoding/json"
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
)

// encodingJSON is what the spool held before appendPairJSON: encoding/json's
// Encoder output, HTML escaping off, without its newline.
func encodingJSON(t *testing.T, v any) []byte {
	t.Helper()
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n"))
}

// randText mixes the characters whose quoting differs: every ASCII byte,
// Chinese, U+2028/U+2029, HTML's specials and bytes of invalid UTF-8.
func randText(r *rand.Rand) string {
	pieces := []string{"国家", "安全", "。", "“", "”", "\u2028", "\u2029", "<", ">", "&", "\xff", "\xe4\xb8", "\xed\xa0\x80", "é", "😀", "\u2027", "\u202a"}
	var sb strings.Builder
	for range r.IntN(12) {
		if r.IntN(2) == 0 {
			sb.WriteByte(byte(r.IntN(128)))
		} else {
			sb.WriteString(pieces[r.IntN(len(pieces))])
		}
	}
	return sb.String()
}

func randFloat(r *rand.Rand) float64 {
	switch r.IntN(6) {
	case 0:
		return 0
	case 1:
		return math.Copysign(0, -1)
	case 2:
		return float64(r.IntN(101)) / 100
	case 3:
		return -r.Float64() * 1000
	case 4:
		return r.NormFloat64() * math.Pow(10, float64(r.IntN(40)-20))
	}
	return r.Float64()
}

func randLocations(r *rand.Rand) []Location {
	if r.IntN(8) == 0 {
		return nil
	}
	ls := make([]Location, r.IntN(3))
	for i := range ls {
		ls[i] = Location{Path: randText(r), Line: r.IntN(1e6) - 5, Column: r.IntN(300), EndLine: r.IntN(1e9), EndColumn: r.IntN(300), Text: randText(r)}
	}
	return ls
}

func randPair(r *rand.Rand) *Pair {
	p := &Pair{Type: randText(r), Score: randFloat(r)}
	if r.IntN(4) > 0 {
		p.Zh = &Range{Line: r.IntN(1e5), EndLine: r.IntN(1e5)}
	}
	if r.IntN(4) > 0 {
		p.En = &Range{Line: -r.IntN(10), EndLine: r.IntN(1e5)}
	}
	if r.IntN(8) > 0 {
		p.Sentences = make([]Sentence, r.IntN(4))
		for i := range p.Sentences {
			p.Sentences[i] = Sentence{Type: randText(r), Score: randFloat(r), Zh: randLocations(r), En: randLocations(r)}
		}
	}
	return p
}

// TestAppendPairJSONSameAsEncoder: on random pairs appendPairJSON writes
// encoding/json's bytes, or says it cannot.
func TestAppendPairJSONSameAsEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 5))
	refused := 0
	for range 20000 {
		p := randPair(r)
		got, ok := appendPairJSON([]byte("keep"), p)
		if !ok {
			refused++
			continue
		}
		if want := append([]byte("keep"), encodingJSON(t, p)...); !bytes.Equal(got, want) {
			t.Fatalf("got\n%s\nwant\n%s", got, want)
		}
	}
	if refused > 5000 {
		t.Errorf("%d of 20000 pairs refused", refused)
	}
	// encoding/json refuses NaN; so must appendPairJSON.
	if _, ok := appendPairJSON(nil, &Pair{Score: math.NaN()}); ok {
		t.Error("a NaN score is accepted")
	}
}

// TestAppendStringJSONEveryRune quotes every rune, alone and between
// others, as encoding/json does, and every byte alone.
func TestAppendStringJSONEveryRune(t *testing.T) {
	for c := rune(0); c <= 0x10ffff; c++ {
		for _, s := range []string{string(c), "a" + string(c) + "国"} {
			got := appendStringJSON(nil, s)
			if want := encodingJSON(t, s); !bytes.Equal(got, want) {
				t.Fatalf("%U: got %s, want %s", c, got, want)
			}
		}
	}
	for b := range 256 {
		s := string([]byte{byte(b)})
		if got, want := appendStringJSON(nil, s), encodingJSON(t, s); !bytes.Equal(got, want) {
			t.Fatalf("byte %#x: got %s, want %s", b, got, want)
		}
	}
}

// TestAppendStringJSONThreeBytes quotes every three bytes led by 0xe0 to
// 0xef, the shortcut's range, valid UTF-8 or not, as encoding/json does.
func TestAppendStringJSONThreeBytes(t *testing.T) {
	if testing.Short() {
		t.Skip("a million strings")
	}
	s := []byte("x___")
	for lead := 0xe0; lead <= 0xef; lead++ {
		for b1 := range 256 {
			for b2 := range 256 {
				s[1], s[2], s[3] = byte(lead), byte(b1), byte(b2)
				got := appendStringJSON(nil, string(s))
				if want := encodingJSON(t, string(s)); !bytes.Equal(got, want) {
					t.Fatalf("%q: got %s, want %s", s, got, want)
				}
			}
		}
	}
}

func randLocation(r *rand.Rand) *Location {
	if r.IntN(3) == 0 {
		return nil
	}
	return &Location{Path: randText(r), Line: r.IntN(1e6), Column: r.IntN(300) - 2, EndLine: r.IntN(1e6), EndColumn: r.IntN(300), Text: randText(r)}
}

// TestAppendFindingsJSONSameAsEncoder: on random lists of findings (nil,
// empty, holding nil) appendFindingsJSON writes encoding/json's bytes, and
// the writer's findings what val writes, at any indentation.
func TestAppendFindingsJSONSameAsEncoder(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 6))
	refused := 0
	for range 5000 {
		var fs []*Finding
		if r.IntN(10) > 0 {
			fs = make([]*Finding, r.IntN(5))
			for i := range fs {
				if r.IntN(10) == 0 {
					continue
				}
				fs[i] = &Finding{Check: randText(r), Category: randText(r), Severity: randText(r), Message: randText(r),
					Zh: randLocation(r), En: randLocation(r), Pair: r.IntN(100) - 1, Fingerprint: randText(r),
					Confidence: randFloat(r), About: randText(r), Key: randText(r)}
			}
		}
		got, ok := appendFindingsJSON([]byte("keep"), fs)
		if !ok {
			refused++
		} else if want := append([]byte("keep"), encodingJSON(t, fs)...); !bytes.Equal(got, want) {
			t.Fatalf("got\n%s\nwant\n%s", got, want)
		}
		prefix := strings.Repeat(" ", r.IntN(8))
		var a, b bytes.Buffer
		ja, jb := &jsonWriter{w: bufio.NewWriter(&a)}, &jsonWriter{w: bufio.NewWriter(&b)}
		ja.findings(fs, prefix)
		jb.val(fs, prefix)
		ja.w.Flush()
		jb.w.Flush()
		if ja.err != nil || jb.err != nil || !bytes.Equal(a.Bytes(), b.Bytes()) {
			t.Fatalf("%v %v: got\n%s\nwant\n%s", ja.err, jb.err, a.Bytes(), b.Bytes())
		}
	}
	if refused > 2000 {
		t.Errorf("%d of 5000 lists refused", refused)
	}
}

// fillEvery sets every exported field of the struct v points to, and of
// the structs it holds, to a value that is not its zero: a field that
// omitempty would leave out is written by encoding/json then.
func fillEvery(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		fillEvery(v.Elem())
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				fillEvery(v.Field(i))
			}
		}
	case reflect.Slice:
		v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		fillEvery(v.Index(0))
	case reflect.String:
		v.SetString("x")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		v.SetInt(3)
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		v.SetUint(3)
	case reflect.Float32, reflect.Float64:
		v.SetFloat(0.25)
	case reflect.Bool:
		v.SetBool(true)
	}
}

// TestHandEncodersKnowEveryField: the JSON report is a contract that grows
// by new fields, and appendPairJSON and appendFindingsJSON name theirs one
// by one. With every field of Pair and Finding set (and of the structs
// they hold), they must still write encoding/json's bytes: a field added
// to the types and not to the encoders fails here rather than going
// missing from reports.
func TestHandEncodersKnowEveryField(t *testing.T) {
	var p Pair
	fillEvery(reflect.ValueOf(&p))
	got, ok := appendPairJSON(nil, &p)
	if want := encodingJSON(t, &p); !ok || !bytes.Equal(got, want) {
		t.Errorf("pair: got\n%s\nwant\n%s", got, want)
	}
	f := &Finding{}
	fillEvery(reflect.ValueOf(f))
	got, ok = appendFindingsJSON(nil, []*Finding{f})
	if want := encodingJSON(t, []*Finding{f}); !ok || !bytes.Equal(got, want) {
		t.Errorf("finding: got\n%s\nwant\n%s", got, want)
	}
}

// TestAppendPairJSONIndentedSameAsIndent: on random pairs the pair written
// indented is the compact pair indented at pairPrefix, and each refuses
// the same pairs.
func TestAppendPairJSONIndentedSameAsIndent(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 6))
	for range 20000 {
		p := randPair(r)
		compact, ok := appendPairJSON(nil, p)
		got, gotOK := appendPairJSONIndented([]byte("keep"), p)
		if gotOK != ok {
			t.Fatalf("appendPairJSONIndented says %v, appendPairJSON %v, for %+v", gotOK, ok, p)
		}
		if !ok {
			continue
		}
		want, _ := appendIndented([]byte("keep"), compact, pairPrefix)
		if !bytes.Equal(got, want) {
			t.Fatalf("got\n%s\nwant\n%s", got, want)
		}
	}
}

// TestJSONPlain8: jsonPlain8 is true just when each of the 8 bytes is
// jsonPlain; every byte value in every place among plain bytes of several
// kinds (the edges of the range, and the bytes next to '"' and '\\'), and
// random words.
func TestJSONPlain8(t *testing.T) {
	byBytes := func(w [8]byte) bool {
		for _, c := range w {
			if c >= 0x80 || !jsonPlain[c] {
				return false
			}
		}
		return true
	}
	word := func(w [8]byte) uint64 {
		var x uint64
		for i := 7; i >= 0; i-- {
			x = x<<8 | uint64(w[i])
		}
		return x
	}
	for _, fill := range []byte{' ', '!', '#', '[', ']', 'a', '~', 0x7f} {
		for at := range 8 {
			for b := range 256 {
				var w [8]byte
				for i := range w {
					w[i] = fill
				}
				w[at] = byte(b)
				if got, want := jsonPlain8(word(w)), byBytes(w); got != want {
					t.Fatalf("%q: jsonPlain8 says %v, byte by byte %v", w, got, want)
				}
			}
		}
	}
	r := rand.New(rand.NewPCG(18, 8))
	for range 1 << 20 {
		var w [8]byte
		for i := range w {
			w[i] = byte(0x1e + r.IntN(0x64)) // 1E to 81: both edges
		}
		if got, want := jsonPlain8(word(w)), byBytes(w); got != want {
			t.Fatalf("%q: jsonPlain8 says %v, byte by byte %v", w, got, want)
		}
	}
}

// TestAppendStringJSONLongASCII: long ASCII texts, where the quoting goes
// eight bytes at a time, with a special byte or character now and then,
// are quoted as encoding/json quotes them.
func TestAppendStringJSONLongASCII(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 9))
	specials := []string{"\"", "\\", "\n", "\x00", "\x1f", "\x7f", "国", "\u2028", "\xff"}
	for range 20000 {
		var sb strings.Builder
		for range r.IntN(60) {
			if r.IntN(12) == 0 {
				sb.WriteString(specials[r.IntN(len(specials))])
			} else {
				sb.WriteByte(byte(0x20 + r.IntN(0x5f)))
			}
		}
		s := sb.String()
		if got, want := appendStringJSON(nil, s), encodingJSON(t, s); !bytes.Equal(got, want) {
			t.Fatalf("%q: got %s, want %s", s, got, want)
		}
	}
}
