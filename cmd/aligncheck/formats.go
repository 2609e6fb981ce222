package main

import (
	"sort"

	"github.com/aligncheck/aligncheck/reports"
)

// writers maps --format names to report writers.
var writers = map[string]reports.Writer{
	"text":     reports.Text{},
	"json":     reports.JSON{},
	"jsonl":    reports.JSONL{},
	"html":     reports.HTML{},
	"sarif":    reports.SARIF{},
	"junit":    reports.JUnit{},
	"github":   reports.GitHub{},
	"markdown": reports.Markdown{},
}

func formatNames() []string {
	var n []string
	for k := range writers {
		n = append(n, k)
	}
	sort.Strings(n)
	return n
}
