package reports

import (
	"encoding/json"
	"io"
)

// JSON writes the report as one indented JSON object, version 1.
type JSON struct{}

func (JSON) Write(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// JSONL writes one JSON object per line: one per finding, each carrying its
// document's paths, for streaming consumers.
type JSONL struct{}

type jsonlFinding struct {
	ZhPath string `json:"zhPath"`
	EnPath string `json:"enPath"`
	*Finding
}

func (JSONL) Write(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			if err := enc.Encode(jsonlFinding{d.Zh.Path, d.En.Path, f}); err != nil {
				return err
			}
		}
	}
	return nil
}
