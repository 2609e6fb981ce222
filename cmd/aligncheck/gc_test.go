package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/internal/driver/discover"
)

// TestLargestInput: the collector is tuned by the largest document of a
// run, a pair counting both its files; an unknown size keeps the default.
func TestLargestInput(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, n int) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a, zh, en := write("a.txt", 300), write("b.zh.txt", 200), write("b.en.txt", 250)
	tasks := []task{
		{doc: discover.Doc{Kind: discover.Single, Path: a}},
		{doc: discover.Doc{Kind: discover.Pair, Zh: zh, En: en}},
		{doc: discover.Doc{Kind: discover.Unpaired, Path: a}},
	}
	if got := largestInput(tasks); got != 450 {
		t.Errorf("largest input %d, want 450 (the pair)", got)
	}
	if got := largestInput([]task{{load: func() ([]*align.Document, error) { return nil, nil }, size: 700}}); got != 700 {
		t.Errorf("flag inputs: %d, want 700", got)
	}
	if got := largestInput(append(tasks, task{doc: discover.Doc{Kind: discover.Single, Path: "-"}})); got != -1 {
		t.Errorf("standard input: %d, want -1", got)
	}
}
