package lexicon

import (
	"os"
	"strings"
	"testing"
)

func TestDump(t *testing.T) {
	l := Default()
	for _, w := range strings.Fields(os.Getenv("WORDS")) {
		var g []string
		for _, id := range l.Glosses(w) {
			g = append(g, l.Word(id))
		}
		t.Logf("%s: %v", w, g)
	}
}
