package input

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
	"unsafe"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/traditionalchinese"
	xunicode "golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

var (
	gb18030 encoding.Encoding = simplifiedchinese.GB18030
	big5    encoding.Encoding = traditionalchinese.Big5
)

// utf16Decoder decodes UTF-16, dropping a byte-order mark (which also
// overrides bigEndian).
func utf16Decoder(bigEndian bool) transform.Transformer {
	e := xunicode.LittleEndian
	if bigEndian {
		e = xunicode.BigEndian
	}
	return xunicode.UTF16(e, xunicode.UseBOM).NewDecoder()
}

// MaxFileSize bounds what one input may hold; larger inputs are refused
// rather than exhausting memory. (TMX and JSONL are read as streams and
// have no such bound.)
const MaxFileSize = 256 << 20

// ReadFile reads a named file, or standard input for "-", and decodes it.
// It refuses directories, devices and other non-regular files by name.
func ReadFile(path string, stdin io.Reader) (text string, shown string, err error) {
	return readText(path, stdin, "")
}

func readText(path string, stdin io.Reader, enc string) (string, string, error) {
	data, shown, err := readRaw(path, stdin)
	if err != nil {
		return "", shown, err
	}
	// data is read for this text alone: UTF-8 text is data itself
	text, err := decodeAs(shown, data, enc, true)
	return text, shown, err
}

// readRaw reads a whole file (or stdin for "-") up to MaxFileSize.
func readRaw(path string, stdin io.Reader) (data []byte, shown string, err error) {
	shown = path
	if path == "-" {
		shown = "<stdin>"
		if stdin == nil {
			return nil, shown, errorf(shown, -1, "no standard input")
		}
		data, err = io.ReadAll(io.LimitReader(stdin, MaxFileSize+1))
		if err != nil {
			return nil, shown, errorf(shown, -1, "read: %v", err)
		}
	} else {
		if err := statRegular(path); err != nil {
			return nil, shown, err
		}
		f, err := os.Open(path)
		if err != nil {
			return nil, shown, errorf(shown, -1, "%v", unwrapPathError(err))
		}
		defer f.Close()
		var size int64
		if st, err := f.Stat(); err == nil && st.Mode().IsRegular() {
			size = st.Size()
		}
		data, err = readSized(f, size, MaxFileSize)
		if err != nil {
			return nil, shown, errorf(shown, -1, "%v", unwrapPathError(err))
		}
	}
	if len(data) > MaxFileSize {
		return nil, shown, errorf(shown, -1, "input is larger than the limit of %d bytes", MaxFileSize)
	}
	return data, shown, nil
}

// readSized reads r whole, up to limit+1 bytes (one more than the limit,
// so that the caller sees a longer input), into a buffer of size+1 bytes,
// where size is r's length as a stat gave it. io.ReadAll starts at 512
// bytes and doubles, so a 2 MB file passed through twelve buffers whose
// copies and fresh pages cost about 1 % of a 5,000-pair run. The size is
// only a hint: an input that grows while it is read is still read whole
// (the buffer grows by append, as io.ReadAll's does), one that shrinks is
// read to its new end, and a size beyond the limit is not trusted. The one
// byte beyond the size lets the read that reports the end find room
// without growing the buffer.
func readSized(r io.Reader, size, limit int64) ([]byte, error) {
	if size < 0 || size > limit {
		size = 0
	}
	r = io.LimitReader(r, limit+1)
	b := make([]byte, 0, size+1)
	for {
		n, err := r.Read(b[len(b):cap(b)])
		b = b[:len(b)+n]
		if err != nil {
			if err == io.EOF {
				err = nil
			}
			return b, err
		}
		if len(b) == cap(b) {
			b = append(b, 0)[:len(b)]
		}
	}
}

// statRegular refuses what is not a regular file, with a message naming it.
func statRegular(path string) error {
	st, err := os.Stat(path)
	if err != nil {
		return errorf(path, -1, "%v", unwrapPathError(err))
	}
	if st.IsDir() {
		return errorf(path, -1, "is a directory, not a file")
	}
	if !st.Mode().IsRegular() {
		return errorf(path, -1, "not a regular file")
	}
	return nil
}

func unwrapPathError(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// Decode detects the encoding of data and returns it as UTF-8 text, without
// a byte-order mark. See DecodeAs.
func Decode(path string, data []byte) (string, error) { return DecodeAs(path, data, "") }

// DecodeAs returns data as UTF-8 text. With enc empty the encoding is
// detected: a byte-order mark (UTF-8, UTF-16 LE or BE); UTF-16 without one
// when every other byte is NUL; UTF-8 when the bytes are valid UTF-8;
// otherwise GB18030 (which includes GBK and GB2312) or Big5, whichever
// decodes to more common Chinese characters. enc names an encoding instead
// ("utf-8", "utf-16le", "gb18030", "gbk", "big5", "latin1", … any WHATWG
// label). Binary data (NUL characters) and bytes invalid in the encoding
// are errors with the byte offset in data.
func DecodeAs(path string, data []byte, enc string) (string, error) {
	return decodeAs(path, data, enc, false)
}

// decodeAs is DecodeAs; when owned, data is the caller's to give up (it is
// never written again), and UTF-8 text is returned in its bytes rather
// than in a copy of them: the copy was the 2.5 MB of the 5,000-pair
// document's two files, read again.
func decodeAs(path string, data []byte, enc string, owned bool) (string, error) {
	text, err := decodeBytes(path, data, enc, owned)
	if err != nil {
		return "", err
	}
	if len(strings.TrimSpace(text)) == 0 {
		return "", errorf(path, -1, "file is empty")
	}
	if i := strings.IndexByte(text, 0); i >= 0 {
		off := i
		if !isUTF8Name(enc) && !utf8.Valid(data) {
			off = -1 // the offset in decoded text would mislead
		}
		return "", errorf(path, off, "binary data (NUL byte); expected text")
	}
	return loneCRs(text), nil
}

// loneCRs makes each carriage return that does not start a CRLF a line
// feed: files from old Mac editors (and some exports) end lines with CR
// alone, which every reader here would otherwise take for one long line.
// Each CR becomes one LF, so byte offsets and lengths do not change.
func loneCRs(text string) string {
	i := strings.IndexByte(text, '\r')
	if i < 0 {
		return text
	}
	b := []byte(text)
	for ; i < len(b); i++ {
		if b[i] == '\r' && (i+1 == len(b) || b[i+1] != '\n') {
			b[i] = '\n'
		}
	}
	return string(b)
}

func isUTF8Name(enc string) bool {
	e := strings.ToLower(strings.ReplaceAll(enc, "_", "-"))
	return e == "" || e == "utf-8" || e == "utf8"
}

var (
	bomUTF8    = []byte("\xef\xbb\xbf")
	bomUTF16LE = []byte("\xff\xfe")
	bomUTF16BE = []byte("\xfe\xff")
)

func decodeBytes(path string, data []byte, enc string, owned bool) (string, error) {
	if enc != "" {
		return decodeNamed(path, data, enc, owned)
	}
	switch {
	case bytes.HasPrefix(data, bomUTF8):
		return decodeUTF8(path, data, len(bomUTF8), owned)
	case bytes.HasPrefix(data, bomUTF16LE):
		return decodeBOM16(path, data, false)
	case bytes.HasPrefix(data, bomUTF16BE):
		return decodeBOM16(path, data, true)
	}
	if be, ok := looksUTF16(data); ok {
		return decodeUTF16(path, data, 0, be)
	}
	if i := bytes.IndexByte(data, 0); i >= 0 {
		return "", errorf(path, i, "binary data (NUL byte); expected text")
	}
	if utf8.Valid(data) {
		// The common case, checked eight ASCII bytes at a time; utf8Stats
		// reports no bad sequence exactly then (TestValidIsNoBadSequence),
		// and its counts are only needed for text that is not UTF-8.
		return bytesText(data, owned), nil
	}
	bad, good := utf8Stats(data)
	if good >= 20*countInvalidUTF8(data, good/20+1) {
		// UTF-8 with a few bad bytes, not another encoding.
		return "", errorf(path, bad, "invalid UTF-8")
	}
	gbErr, b5Err := validGB18030(data), validBig5(data)
	switch {
	case gbErr < 0 && b5Err < 0:
		g, gerr := decodeWith(path, data, simplifiedchinese.GB18030, validGB18030, 0)
		b, berr := decodeWith(path, data, traditionalchinese.Big5, validBig5, 0)
		switch {
		case gerr != nil && berr != nil:
			return "", gerr
		case berr != nil:
			return g, nil
		case gerr != nil:
			return b, nil
		}
		if hanScore(b) > hanScore(g) {
			return b, nil
		}
		return g, nil
	case gbErr < 0:
		return decodeWith(path, data, simplifiedchinese.GB18030, validGB18030, 0)
	case b5Err < 0:
		return decodeWith(path, data, traditionalchinese.Big5, validBig5, 0)
	}
	return "", errorf(path, bad, "invalid UTF-8 (and not GB18030 or Big5 text either; name the encoding with --encoding)")
}

// decodeNamed decodes data in a named encoding.
func decodeNamed(path string, data []byte, enc string, owned bool) (string, error) {
	name := strings.ToLower(strings.TrimSpace(strings.ReplaceAll(enc, "_", "-")))
	switch name {
	case "utf-8", "utf8":
		return decodeUTF8(path, data, len(bomPrefix(data, bomUTF8)), owned)
	case "utf-16le", "utf16le":
		return decodeUTF16(path, data, len(bomPrefix(data, bomUTF16LE)), false)
	case "utf-16be", "utf16be":
		return decodeUTF16(path, data, len(bomPrefix(data, bomUTF16BE)), true)
	case "utf-16", "utf16":
		switch {
		case bytes.HasPrefix(data, bomUTF16LE):
			return decodeUTF16(path, data, 2, false)
		case bytes.HasPrefix(data, bomUTF16BE):
			return decodeUTF16(path, data, 2, true)
		}
		be, _ := looksUTF16(data)
		return decodeUTF16(path, data, 0, be)
	}
	e, valid, err := lookupEncoding(name)
	if err != nil {
		return "", errorf(path, -1, "%v", err)
	}
	return decodeWith(path, data, e, valid, 0)
}

// lookupEncoding finds an encoding by name, with a structural validator
// when there is one (nil otherwise).
func lookupEncoding(name string) (encoding.Encoding, func([]byte) int, error) {
	switch name {
	case "gb18030", "gbk", "gb2312", "cp936", "euc-cn", "x-gbk", "windows-936":
		return simplifiedchinese.GB18030, validGB18030, nil
	case "big5", "big5-hkscs", "cp950", "x-x-big5":
		return traditionalchinese.Big5, validBig5, nil
	}
	e, err := htmlindex.Get(name)
	if err != nil || e == nil {
		return nil, nil, fmt.Errorf("unknown encoding %q (try utf-8, utf-16le, utf-16be, gb18030, big5)", name)
	}
	return e, nil, nil
}

func bomPrefix(data, bom []byte) []byte {
	if bytes.HasPrefix(data, bom) {
		return bom
	}
	return nil
}

func decodeUTF8(path string, data []byte, skip int, owned bool) (string, error) {
	data = data[skip:]
	if utf8.Valid(data) {
		return bytesText(data, owned), nil
	}
	bad, _ := utf8Stats(data)
	return "", errorf(path, bad+skip, "invalid UTF-8")
}

// bytesText is data as a string: its own bytes when the caller owns data
// (decodeAs), else a copy.
func bytesText(data []byte, owned bool) string {
	if !owned || len(data) == 0 {
		return string(data)
	}
	return unsafe.String(&data[0], len(data))
}

// utf8Stats returns the offset of the first invalid UTF-8 sequence (-1 if
// none) and the number of valid multi-byte sequences.
func utf8Stats(data []byte) (bad, good int) {
	bad = -1
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			if bad < 0 {
				bad = i
			}
			i++
			continue
		}
		good++
		i += n
	}
	return bad, good
}

// countInvalidUTF8 counts invalid bytes, stopping at limit.
func countInvalidUTF8(data []byte, limit int) int {
	n := 0
	for i := 0; i < len(data) && n < limit; {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			n++
		}
		i += size
	}
	return n
}

// looksUTF16 detects UTF-16 without a byte-order mark: text in which most
// characters are ASCII has a NUL in every other byte.
func looksUTF16(data []byte) (bigEndian, ok bool) {
	n := min(len(data), 4096) &^ 1
	if n < 8 {
		return false, false
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if data[i] == 0 {
			even++
		}
		if data[i+1] == 0 {
			odd++
		}
	}
	half := n / 2
	switch {
	case odd*10 >= half*4 && even*20 < half:
		return false, true
	case even*10 >= half*4 && odd*20 < half:
		return true, true
	}
	return false, false
}

// minNoNUL is the length from which UTF-16 text without a NUL byte is
// taken for another encoding: a line break, a space, a digit or a Latin
// letter in UTF-16 has a NUL byte, and text of this length without any of
// them is not a document to align.
const minNoNUL = 64

// decodeBOM16 decodes data that starts with a UTF-16 byte-order mark, or
// says that it only starts like UTF-16: two bytes FF FE (or FE FF) before
// UTF-8 or binary data, which decoded as UTF-16 would be a string of
// unrelated characters and a confusing "no paragraph found" later.
func decodeBOM16(path string, data []byte, bigEndian bool) (string, error) {
	bom := "FF FE, the UTF-16 little-endian byte-order mark"
	if bigEndian {
		bom = "FE FF, the UTF-16 big-endian byte-order mark"
	}
	if rest := data[2:]; len(rest) >= 8 && bytes.IndexByte(rest, 0) < 0 && utf8.Valid(rest) && !isASCII(rest) {
		// UTF-16 Chinese is valid UTF-8 by accident only when very short
		return "", errorf(path, 0, "starts with %s, but what follows is UTF-8 text; remove the first two bytes", bom)
	}
	if len(data)-2 >= minNoNUL && bytes.IndexByte(data[2:], 0) < 0 {
		return "", errorf(path, 0, "starts with %s, but is not UTF-16 text (no line break, space or Latin letter in it); if it is in another encoding, remove the first two bytes or name it with --encoding", bom)
	}
	text, err := decodeUTF16(path, data, 2, bigEndian)
	var ie *Error
	if err != nil && errors.As(err, &ie) {
		ie.Msg = "starts with " + bom + ", but is not UTF-16 text: " + ie.Msg + "; if it is in another encoding, name it with --encoding"
	}
	return text, err
}

func decodeUTF16(path string, data []byte, skip int, bigEndian bool) (string, error) {
	var b strings.Builder
	b.Grow(len(data))
	i := skip
	unit := func(k int) uint16 {
		if bigEndian {
			return uint16(data[k])<<8 | uint16(data[k+1])
		}
		return uint16(data[k+1])<<8 | uint16(data[k])
	}
	for ; i+1 < len(data); i += 2 {
		u := unit(i)
		switch {
		case utf16.IsSurrogate(rune(u)):
			if u >= 0xdc00 || i+3 >= len(data) {
				return "", errorf(path, i, "invalid UTF-16 (unpaired surrogate)")
			}
			r := utf16.DecodeRune(rune(u), rune(unit(i+2)))
			if r == unicode.ReplacementChar {
				return "", errorf(path, i, "invalid UTF-16 (unpaired surrogate)")
			}
			b.WriteRune(r)
			i += 2
		default:
			b.WriteRune(rune(u))
		}
	}
	if i < len(data) {
		return "", errorf(path, i, "invalid UTF-16 (odd number of bytes)")
	}
	return b.String(), nil
}

// validGB18030 returns the offset of the first byte sequence that is not
// well formed GB18030, or -1.
func validGB18030(data []byte) int {
	trail := func(t byte) bool { return t >= 0x40 && t <= 0x7e || t >= 0x80 && t <= 0xfe }
	return validDoubleByte(data, trail, true)
}

// validBig5 returns the offset of the first byte sequence that is not well
// formed Big5, or -1.
func validBig5(data []byte) int {
	trail := func(t byte) bool { return t >= 0x40 && t <= 0x7e || t >= 0xa1 && t <= 0xfe }
	return validDoubleByte(data, trail, false)
}

// validDoubleByte checks a lead-byte/trail-byte encoding: ASCII, or a lead
// byte 0x81–0xfe with a trail byte the encoding allows; GB18030 also has
// four-byte sequences (lead, digit, lead, digit). It returns the offset of
// the first bad sequence, or -1.
func validDoubleByte(data []byte, trail func(byte) bool, fourByte bool) int {
	for i := 0; i < len(data); {
		c := data[i]
		switch {
		case c < 0x80:
			i++
		case c == 0x80 || c == 0xff:
			return i
		case i+1 < len(data) && trail(data[i+1]):
			i += 2
		case fourByte && i+3 < len(data) && data[i+1] >= 0x30 && data[i+1] <= 0x39 &&
			data[i+2] >= 0x81 && data[i+2] <= 0xfe && data[i+3] >= 0x30 && data[i+3] <= 0x39:
			i += 4
		default:
			return i
		}
	}
	return -1
}

// charLen returns the length of the character at data[i] in GB18030 or
// Big5 (validated beforehand).
func charLen(data []byte, i int) int {
	if data[i] < 0x80 {
		return 1
	}
	if i+1 < len(data) && data[i+1] >= 0x30 && data[i+1] <= 0x39 {
		return 4
	}
	return 2
}

// decodeWith decodes data with e. valid, when not nil, finds malformed
// bytes; characters that are well formed but unmapped (decoded to U+FFFD)
// are errors too, located chunk by chunk.
func decodeWith(path string, data []byte, e encoding.Encoding, valid func([]byte) int, base int) (string, error) {
	if valid != nil {
		if i := valid(data); i >= 0 {
			return "", errorf(path, base+i, "invalid %s", encName(e))
		}
	}
	out, err := e.NewDecoder().Bytes(data)
	if err != nil {
		return "", errorf(path, -1, "decode %s: %v", encName(e), err)
	}
	if bytes.Contains(out, []byte("\ufffd")) && valid != nil {
		if i := firstUnmapped(data, e); i >= 0 {
			return "", errorf(path, base+i, "invalid %s (no such character)", encName(e))
		}
	}
	return string(out), nil
}

// firstUnmapped finds the first character that decodes to U+FFFD without
// being an encoded U+FFFD.
func firstUnmapped(data []byte, e encoding.Encoding) int {
	dec := e.NewDecoder()
	const chunk = 4096
	for start := 0; start < len(data); {
		end := start
		for end < len(data) && end-start < chunk {
			end += charLen(data, end)
		}
		end = min(end, len(data))
		out, _ := dec.Bytes(data[start:end])
		if bytes.Contains(out, []byte("\ufffd")) {
			for i := start; i < end; {
				n := min(charLen(data, i), end-i)
				o, _ := dec.Bytes(data[i : i+n])
				if bytes.Equal(o, []byte("\ufffd")) && !isEncodedFFFD(data[i:i+n], e) {
					return i
				}
				i += n
			}
		}
		start = end
	}
	return -1
}

func isEncodedFFFD(b []byte, e encoding.Encoding) bool {
	enc, err := e.NewEncoder().Bytes([]byte("\ufffd"))
	return err == nil && bytes.Equal(enc, b)
}

func encName(e encoding.Encoding) string {
	switch e {
	case simplifiedchinese.GB18030:
		return "GB18030"
	case traditionalchinese.Big5:
		return "Big5"
	}
	if s, ok := e.(interface{ String() string }); ok {
		return s.String()
	}
	return "text"
}

// Common Han characters: GB2312 level 1 (the 3,755 most used simplified
// characters) and Big5 level 1 (the 5,401 most used traditional ones).
var (
	commonOnce sync.Once
	commonHan  map[rune]bool
)

func loadCommonHan() {
	commonHan = make(map[rune]bool, 9200)
	gb := simplifiedchinese.GBK.NewDecoder()
	for hi := 0xb0; hi <= 0xd7; hi++ {
		for lo := 0xa1; lo <= 0xfe; lo++ {
			if out, err := gb.Bytes([]byte{byte(hi), byte(lo)}); err == nil {
				if r, _ := utf8.DecodeRune(out); unicode.Is(unicode.Han, r) {
					commonHan[r] = true
				}
			}
		}
	}
	b5 := traditionalchinese.Big5.NewDecoder()
	for code := 0xa440; code <= 0xc67e; code++ {
		lo := code & 0xff
		if lo < 0x40 || lo > 0x7e && lo < 0xa1 || lo == 0xff {
			continue
		}
		if out, err := b5.Bytes([]byte{byte(code >> 8), byte(lo)}); err == nil {
			if r, _ := utf8.DecodeRune(out); unicode.Is(unicode.Han, r) {
				commonHan[r] = true
			}
		}
	}
}

// hanScore rates a decoding: common Han characters count for it; rare
// Han characters, kana, private-use and replacement characters (what a
// wrong decoding produces) against it.
func hanScore(s string) int {
	commonOnce.Do(loadCommonHan)
	score := 0
	for _, r := range s {
		switch {
		case r < 0x80:
		case commonHan[r]:
			score++
		case unicode.Is(unicode.Han, r):
			score--
		case r == unicode.ReplacementChar || unicode.Is(unicode.Co, r) ||
			unicode.In(r, unicode.Hiragana, unicode.Katakana, unicode.Greek, unicode.Cyrillic):
			score -= 2
		}
	}
	return score
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}
