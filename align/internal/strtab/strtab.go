// Package strtab holds the string tables that packages lang and lexicon
// embed: a list of strings with an open-addressing hash index over them,
// built at generate time and used in place, straight from the binary's
// read-only data, so that loading costs no parsing, no allocation and no
// page faults for memory that is never read.
//
// Measured on the 2-core development VM: a Go map of the segmenter's 100,000
// words took 50–80 ms of CPU to build (much of it page faults on fresh
// heap); viewing the embedded table takes microseconds, and the pages a
// document does not touch are never faulted in.
//
// The file container is a magic line, a table of sections and the
// sections, each 8-byte aligned and little-endian:
//
//	magic, zero-padded to a multiple of 8 bytes
//	u32 number of sections, u32 0
//	per section: u32 offset from the start, u32 length in bytes
//	the sections
package strtab

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"math/bits"
	"unsafe"
)

// ErrFormat is wrapped by the errors of Sections and of the views.
var ErrFormat = errors.New("corrupt table data")

// Hash is the hash of the index: fixed (not seeded per process), so that the
// index can be built at generate time. It is wyhash's final mixing over
// little-endian reads, fast for the short strings (3–20 bytes) of
// dictionaries.
func Hash(s string) uint64 {
	const (
		p0 = 0xa0761d6478bd642f
		p1 = 0xe7037ed1a0b428db
		p2 = 0x8ebc6af09c88c6e3
	)
	n := len(s)
	seed := uint64(n) * p2
	var a, b uint64
	switch {
	case n == 0:
	case n < 4:
		a = uint64(s[0])<<16 | uint64(s[n>>1])<<8 | uint64(s[n-1])
	case n <= 8:
		a, b = uint64(read4(s)), uint64(read4(s[n-4:]))
	case n <= 16:
		a, b = read8(s), read8(s[n-8:])
	default:
		rest := s
		for len(rest) > 16 {
			seed = mix(read8(rest)^p1, read8(rest[8:])^seed)
			rest = rest[16:]
		}
		a, b = read8(s[n-16:]), read8(s[n-8:])
	}
	return mix(p1^uint64(n), mix(a^p1, b^seed^p0))
}

func mix(a, b uint64) uint64 {
	hi, lo := bits.Mul64(a, b)
	return hi ^ lo
}

func read4(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

func read8(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

// Table is a list of strings, string i being Blob[Off[i]:Off[i+1]], with a
// hash index from string to i. The index may also hold marks: entries that
// only say that some string with their hash exists (a prefix of a string,
// in practice), so that a search for words in a text can stop as soon as no
// longer one can start where it is.
//
// Each slot is 0 (empty) or tag<<IdxBits | v, where v is i+1 or the mark
// (all IdxBits set) and the tag is the top bits of the hash; the slot
// probed first is the hash's low bits, then the next ones in turn.
//
// A Table viewed on corrupt data never panics: out-of-range offsets and
// indexes read as missing strings.
type Table struct {
	Blob    string
	Off     []uint32
	Slots   []uint32
	IdxBits uint
	// shaped is set where the table's shape is checked once (ViewTable,
	// Build): a power of two of slots and IdxBits of 1 to 32, which Probe
	// needs. Probe tests the shape of a Table made otherwise on each
	// call, as it tested every table's (some 800 k calls on a 5k-pair
	// document, a dozen instructions each).
	shaped bool
}

// Len is the number of strings.
func (t *Table) Len() int { return max(0, len(t.Off)-1) }

// At returns string i, or "" if i or the offsets are out of range.
func (t *Table) At(i int) string {
	if i < 0 || i+1 >= len(t.Off) {
		return ""
	}
	a, b := t.Off[i], t.Off[i+1]
	if a > b || int(b) > len(t.Blob) {
		return ""
	}
	return t.Blob[a:b]
}

// mark is the index part of a slot all set, IdxBits being at most 32 (a
// valid table's): a shift that cannot reach 64 needs no test for one that
// does, which 1<<IdxBits - 1 cost on each Probe.
func (t *Table) mark() uint32 { return uint32(uint64(1)<<(t.IdxBits&63) - 1) }

// tagOf is the tag of hash h in a slot whose low bits, vmask, hold the
// index: the top 32-IdxBits bits of h, in place, which is the top half of
// h with the low IdxBits cleared (none left when IdxBits is 32). It was
// uint32(h>>(32+IdxBits)) << IdxBits, whose shifts by a variable cost a
// test each for shifts past the width (TestTagOf compares the two).
func tagOf(h uint64, vmask uint32) uint32 { return uint32(h>>32) &^ vmask }

// Probe returns the index of s or -1, and whether some entry has the hash
// of s: false means that s is neither a string of the table nor marked.
func (t *Table) Probe(s string) (int, bool) {
	n := uint64(len(t.Slots))
	if !t.shaped && !shapedFor(t.IdxBits, n) {
		return -1, false
	}
	h := Hash(s)
	vmask := t.mark()
	tag := tagOf(h, vmask)
	seen := false
	for k, probes := h&(n-1), uint64(0); probes < n; k, probes = (k+1)&(n-1), probes+1 {
		e := t.Slots[k]
		if e == 0 {
			return -1, seen
		}
		if e&^vmask == tag {
			seen = true
			if v := e & vmask; v != vmask && v != 0 && t.At(int(v)-1) == s {
				return int(v) - 1, true
			}
		}
	}
	return -1, seen
}

// shapedFor reports whether a table of n slots and idxBits has the shape
// Probe needs.
func shapedFor(idxBits uint, n uint64) bool {
	// (idxBits 0 wraps round to the largest uint)
	return idxBits-1 < 32 && n != 0 && n&(n-1) == 0
}

// Find returns the index of s, or -1.
func (t *Table) Find(s string) int {
	i, _ := t.Probe(s)
	return i
}

// Build makes a table of strings, with marks for their proper prefixes of
// at least minPrefix runes that are not strings of the table (none if
// minPrefix is 0). It fails on a duplicate string.
func Build(strs []string, minPrefix int) (*Table, error) {
	t := &Table{Off: make([]uint32, len(strs)+1)}
	var blob []byte
	for i, s := range strs {
		blob = append(blob, s...)
		if len(blob) > math.MaxUint32 {
			return nil, errors.New("strtab: too much text")
		}
		t.Off[i+1] = uint32(len(blob))
	}
	t.Blob = string(blob)
	index := make(map[string]bool, len(strs))
	for _, s := range strs {
		if index[s] {
			return nil, fmt.Errorf("strtab: duplicate %q", s)
		}
		index[s] = true
	}
	var marks []string
	if minPrefix > 0 {
		seen := map[string]bool{}
		for _, s := range strs {
			for k := range s {
				if p := s[:k]; k > 0 && runeCount(p) >= minPrefix && !index[p] && !seen[p] {
					seen[p] = true
					marks = append(marks, p)
				}
			}
		}
	}
	t.IdxBits = uint(bits.Len32(uint32(len(strs) + 1)))
	size := 2
	for size < (len(strs)+len(marks))*3/2 {
		size *= 2
	}
	t.Slots = make([]uint32, size)
	mask := uint64(size - 1)
	put := func(s string, v uint32) {
		h := Hash(s)
		tag := uint32(0)
		if t.IdxBits < 32 {
			tag = uint32(h>>(32+t.IdxBits)) << t.IdxBits
		}
		for k := h & mask; ; k = (k + 1) & mask {
			e := t.Slots[k]
			if e == 0 {
				t.Slots[k] = tag | v
				return
			}
			if v == t.mark() && e&^t.mark() == tag {
				return // already seen as well as a mark can tell
			}
		}
	}
	for i, s := range strs {
		put(s, uint32(i+1))
	}
	for _, p := range marks {
		put(p, t.mark())
	}
	t.shaped = shapedFor(t.IdxBits, uint64(len(t.Slots)))
	return t, nil
}

func runeCount(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

// Validate checks that the offsets are ascending and inside the blob, that
// every slot holds a valid index or the mark, and that every string is found
// at its own index.
func (t *Table) Validate() error {
	if len(t.Off) == 0 || t.Off[0] != 0 {
		return fmt.Errorf("%w: no offsets", ErrFormat)
	}
	for i := 1; i < len(t.Off); i++ {
		if t.Off[i] < t.Off[i-1] || int(t.Off[i]) > len(t.Blob) {
			return fmt.Errorf("%w: offset %d", ErrFormat, i)
		}
	}
	n := len(t.Slots)
	if n == 0 || n&(n-1) != 0 || t.IdxBits == 0 || t.IdxBits > 32 || uint64(t.Len())+1 >= 1<<t.IdxBits {
		return fmt.Errorf("%w: bad index shape", ErrFormat)
	}
	empty := false
	for k, e := range t.Slots {
		if v := e & t.mark(); e != 0 && (v == 0 || v != t.mark() && int(v) > t.Len()) {
			return fmt.Errorf("%w: slot %d", ErrFormat, k)
		}
		empty = empty || e == 0
	}
	if !empty {
		return fmt.Errorf("%w: full index", ErrFormat)
	}
	for i := range t.Len() {
		if j := t.Find(t.At(i)); j != i {
			return fmt.Errorf("%w: string %d found at %d", ErrFormat, i, j)
		}
	}
	return nil
}

// Writer assembles a file of sections.
type Writer struct {
	sections [][]byte
}

// Add appends a section and returns its number.
func (w *Writer) Add(b []byte) int {
	w.sections = append(w.sections, b)
	return len(w.sections) - 1
}

// AddU32 appends a section of uint32s.
func (w *Writer) AddU32(v []uint32) int {
	b := make([]byte, 4*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint32(b[4*i:], x)
	}
	return w.Add(b)
}

// AddU64 appends a section of uint64s.
func (w *Writer) AddU64(v []uint64) int {
	b := make([]byte, 8*len(v))
	for i, x := range v {
		binary.LittleEndian.PutUint64(b[8*i:], x)
	}
	return w.Add(b)
}

// AddF32 appends a section of float32s.
func (w *Writer) AddF32(v []float32) int {
	u := make([]uint32, len(v))
	for i, x := range v {
		u[i] = math.Float32bits(x)
	}
	return w.AddU32(u)
}

// AddF64 appends a section of float64s.
func (w *Writer) AddF64(v []float64) int {
	u := make([]uint64, len(v))
	for i, x := range v {
		u[i] = math.Float64bits(x)
	}
	return w.AddU64(u)
}

// AddTable appends a table as three sections: blob, offsets, slots.
func (w *Writer) AddTable(t *Table) int {
	first := w.Add([]byte(t.Blob))
	w.AddU32(t.Off)
	w.AddU32(t.Slots)
	return first
}

// Bytes returns the file.
func (w *Writer) Bytes(magic string) []byte {
	b := []byte(magic)
	b = pad(b)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(w.sections)))
	b = binary.LittleEndian.AppendUint32(b, 0)
	dir := len(b)
	b = append(b, make([]byte, 8*len(w.sections))...)
	b = pad(b)
	for i, s := range w.sections {
		binary.LittleEndian.PutUint32(b[dir+8*i:], uint32(len(b)))
		binary.LittleEndian.PutUint32(b[dir+8*i+4:], uint32(len(s)))
		b = pad(append(b, s...))
	}
	return b
}

func pad(b []byte) []byte {
	for len(b)%8 != 0 {
		b = append(b, 0)
	}
	return b
}

// Sections checks the magic and the section table of a file and returns its
// sections, of which there must be want.
func Sections(data []byte, magic string, want int) ([][]byte, error) {
	if len(data) < len(magic) || string(data[:len(magic)]) != magic {
		return nil, fmt.Errorf("%w: bad header", ErrFormat)
	}
	i := len(magic) + (8-len(magic)%8)%8
	if len(data) < i+8 {
		return nil, fmt.Errorf("%w: truncated", ErrFormat)
	}
	n := int(binary.LittleEndian.Uint32(data[i:]))
	i += 8
	if n != want || len(data)-i < 8*n {
		return nil, fmt.Errorf("%w: %d sections, want %d", ErrFormat, n, want)
	}
	out := make([][]byte, n)
	for k := range n {
		off := uint64(binary.LittleEndian.Uint32(data[i+8*k:]))
		l := uint64(binary.LittleEndian.Uint32(data[i+8*k+4:]))
		if off%8 != 0 || off+l > uint64(len(data)) {
			return nil, fmt.Errorf("%w: section %d out of range", ErrFormat, k)
		}
		out[k] = data[off : off+l : off+l]
	}
	return out, nil
}

// littleEndian is whether this machine stores numbers as the files do.
var littleEndian = func() bool {
	x := uint16(1)
	return *(*byte)(unsafe.Pointer(&x)) == 1
}()

// U32s views a section as uint32s, in place when the machine is
// little-endian and the data aligned (embedded data is), else as a copy.
func U32s(b []byte) ([]uint32, error) {
	if len(b)%4 != 0 {
		return nil, fmt.Errorf("%w: section of %d bytes", ErrFormat, len(b))
	}
	if len(b) == 0 {
		return []uint32{}, nil
	}
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%4 == 0 {
		return unsafe.Slice((*uint32)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/4), nil
	}
	v := make([]uint32, len(b)/4)
	for i := range v {
		v[i] = binary.LittleEndian.Uint32(b[4*i:])
	}
	return v, nil
}

// U64s is U32s for uint64s.
func U64s(b []byte) ([]uint64, error) {
	if len(b)%8 != 0 {
		return nil, fmt.Errorf("%w: section of %d bytes", ErrFormat, len(b))
	}
	if len(b) == 0 {
		return []uint64{}, nil
	}
	if littleEndian && uintptr(unsafe.Pointer(unsafe.SliceData(b)))%8 == 0 {
		return unsafe.Slice((*uint64)(unsafe.Pointer(unsafe.SliceData(b))), len(b)/8), nil
	}
	v := make([]uint64, len(b)/8)
	for i := range v {
		v[i] = binary.LittleEndian.Uint64(b[8*i:])
	}
	return v, nil
}

// F32s is U32s for float32s.
func F32s(b []byte) ([]float32, error) {
	u, err := U32s(b)
	if err != nil || len(u) == 0 {
		return []float32{}, err
	}
	return unsafe.Slice((*float32)(unsafe.Pointer(unsafe.SliceData(u))), len(u)), nil
}

// F64s is U32s for float64s.
func F64s(b []byte) ([]float64, error) {
	u, err := U64s(b)
	if err != nil || len(u) == 0 {
		return []float64{}, err
	}
	return unsafe.Slice((*float64)(unsafe.Pointer(unsafe.SliceData(u))), len(u)), nil
}

// String views a section as a string, in place: the data must never be
// modified afterwards (embedded data is not).
func String(b []byte) string {
	if len(b) == 0 {
		return ""
	}
	return unsafe.String(unsafe.SliceData(b), len(b))
}

// ViewTable views the three sections written by AddTable.
func ViewTable(sec [][]byte, first int, idxBits uint) (*Table, error) {
	if first+3 > len(sec) {
		return nil, fmt.Errorf("%w: missing table", ErrFormat)
	}
	t := &Table{Blob: String(sec[first]), IdxBits: idxBits}
	var err1, err2 error
	t.Off, err1 = U32s(sec[first+1])
	t.Slots, err2 = U32s(sec[first+2])
	if err := errors.Join(err1, err2); err != nil {
		return nil, err
	}
	n := len(t.Slots)
	if len(t.Off) == 0 || n == 0 || n&(n-1) != 0 || idxBits == 0 || idxBits > 32 || uint64(len(t.Off)) >= 1<<idxBits {
		return nil, fmt.Errorf("%w: bad table shape", ErrFormat)
	}
	t.shaped = true
	return t, nil
}
