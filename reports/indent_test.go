package reports

import (
	"bytes"
	"encoding/json"
	"testing"
)

// indentCases are compact JSON texts of the shapes a report holds, and
// texts appendIndented must refuse.
var indentCases = []string{
	`{"zh":{"line":3,"endLine":3},"type":"1-1","score":0.97,"sentences":[{"type":"1-1","zh":[{"path":"a b/x.txt","line":3,"column":1,"text":"国家安全\"是\\根基\u2028。"}],"en":[]}]}`,
	`[]`, `{}`, `[{},[],[[]],{"a":{}}]`, `{"k":"a\\","l":"\\\"x\\\\","m":["\\\\\""]}`, `"x"`, `3.5e-7`, `null`, `[1,"[{,:}]",true]`,
	`{"a":1} `, `[1, 2]`, `{"a":"\`, `[1`, `]`, `{"a":"b}`, ``, "\n[]",
}

// TestAppendIndentedSameAsIndent: on compact JSON appendIndented gives
// what json.Indent gives, and it refuses no compact JSON.
func TestAppendIndentedSameAsIndent(t *testing.T) {
	for _, c := range indentCases {
		checkIndent(t, []byte(c))
	}
	var w bytes.Buffer
	if err := json.Compact(&w, []byte(indentCases[0])); err != nil || w.String() != indentCases[0] {
		t.Fatalf("the first case is not compact JSON: %v", err)
	}
	if _, ok := appendIndented(nil, []byte(indentCases[0]), "      "); !ok {
		t.Fatal("a compact pair is refused")
	}
}

func checkIndent(t *testing.T, src []byte) {
	t.Helper()
	for _, prefix := range []string{"", "    "} {
		got, ok := appendIndented([]byte("keep:"), src, prefix)
		var compact bytes.Buffer
		isCompact := json.Compact(&compact, src) == nil && bytes.Equal(compact.Bytes(), src)
		if !ok {
			if isCompact && len(src) > 0 {
				t.Errorf("%q: compact JSON refused", src)
			}
			continue
		}
		if !isCompact {
			continue // not JSON the encoder writes: no promise but no panic
		}
		var want bytes.Buffer
		want.WriteString("keep:")
		if err := json.Indent(&want, src, prefix, "  "); err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want.Bytes()) {
			t.Errorf("%q: got\n%s\nwant\n%s", src, got, want.Bytes())
		}
	}
}

func FuzzAppendIndented(f *testing.F) {
	for _, c := range indentCases {
		f.Add([]byte(c))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		checkIndent(t, src)
		// and the compact form of any JSON the mutator makes
		var compact bytes.Buffer
		if json.Compact(&compact, src) == nil {
			checkIndent(t, compact.Bytes())
		}
	})
}
