package checks

import (
	"fmt"
	"os"
	"testing"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/align/input"
	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/aligncheck/aligncheck/align/lexicon"
)

func TestZZDebug(t *testing.T) {
	dir := os.Getenv("DBG_DIR")
	if dir == "" {
		t.Skip()
	}
	zt, _ := os.ReadFile(dir + "/zh.txt")
	et, _ := os.ReadFile(dir + "/en.txt")
	doc, _ := input.TwoFiles("zh.txt", string(zt), "en.txt", string(et))
	al := align.Align(doc, align.Options{Lex: lexicon.Default()})
	p := &Pass{Check: Consistency, Doc: doc, Align: al, Settings: DefaultSettings()}
	for _, b := range doc.Zh {
		for _, tk := range lang.ZhTokens(b.Text) {
			fmt.Print(tk.Text, "/")
		}
		fmt.Println()
	}
	for i, pool := range learnTerms(p) {
		for _, o := range pool {
			fmt.Println(i, o.zh, "|", o.en, "|", o.key, o.caps, o.enSpan.Line)
		}
	}
}
