package reports

import (
	"encoding/json"
	"io"
	"math"
	"net/url"
	"path/filepath"
	"strings"
)

// SARIF writes a SARIF 2.1.0 log with one run: a rule per check that ran
// (id = check name) and a result per finding. A result's first location is
// on the translation's side, the other side is a related location; columns
// count Unicode code points (columnKind "unicodeCodePoints"), as ours do.
// partialFingerprints carry the finding's fingerprint, so code scanning
// tracks a finding across edits elsewhere in the file.
type SARIF struct{}

const (
	sarifSchema      = "https://json.schemastore.org/sarif-2.1.0.json"
	sarifFingerprint = "alignCheckFingerprint/v1"
	// maxSnippet is the longest excerpt (bytes) quoted in a region; longer
	// spans (whole paragraphs) are left to the file itself.
	maxSnippet = 400
)

type sarifLog struct {
	Schema  string     `json:"$schema"`
	Version string     `json:"version"`
	Runs    []sarifRun `json:"runs"`
}

type sarifRun struct {
	Tool       sarifTool     `json:"tool"`
	Results    []sarifResult `json:"results"`
	ColumnKind string        `json:"columnKind"`
}

type sarifTool struct {
	Driver sarifDriver `json:"driver"`
}

type sarifDriver struct {
	Name           string      `json:"name"`
	Version        string      `json:"version,omitempty"`
	InformationURI string      `json:"informationUri,omitempty"`
	Rules          []sarifRule `json:"rules"`
}

type sarifRule struct {
	ID                   string         `json:"id"`
	Name                 string         `json:"name,omitempty"`
	ShortDescription     sarifText      `json:"shortDescription"`
	FullDescription      sarifText      `json:"fullDescription"`
	DefaultConfiguration sarifConfig    `json:"defaultConfiguration"`
	HelpURI              string         `json:"helpUri,omitempty"`
	Properties           map[string]any `json:"properties,omitempty"`
}

type sarifText struct {
	Text string `json:"text"`
}

type sarifConfig struct {
	Level string `json:"level"`
}

type sarifResult struct {
	RuleID              string            `json:"ruleId"`
	RuleIndex           int               `json:"ruleIndex"`
	Level               string            `json:"level"`
	Message             sarifText         `json:"message"`
	Locations           []sarifLocation   `json:"locations"`
	RelatedLocations    []sarifLocation   `json:"relatedLocations,omitempty"`
	PartialFingerprints map[string]string `json:"partialFingerprints,omitempty"`
	// Rank is the finding's confidence on SARIF's scale of 0 to 100.
	Rank       float64        `json:"rank"`
	Properties map[string]any `json:"properties,omitempty"`
}

type sarifLocation struct {
	ID               *int           `json:"id,omitempty"`
	PhysicalLocation *sarifPhysical `json:"physicalLocation,omitempty"`
	Message          *sarifText     `json:"message,omitempty"`
}

type sarifPhysical struct {
	ArtifactLocation sarifArtifact `json:"artifactLocation"`
	Region           *sarifRegion  `json:"region,omitempty"`
}

type sarifArtifact struct {
	URI string `json:"uri"`
}

type sarifRegion struct {
	StartLine   int        `json:"startLine"`
	StartColumn int        `json:"startColumn"`
	EndLine     int        `json:"endLine"`
	EndColumn   int        `json:"endColumn"`
	Snippet     *sarifText `json:"snippet,omitempty"`
}

// sarifLevel maps a severity to a SARIF level.
func sarifLevel(sev string) string {
	switch sev {
	case "error":
		return "error"
	case "warning":
		return "warning"
	}
	return "note"
}

func (SARIF) Write(w io.Writer, r *Report) error {
	run := sarifRun{Tool: sarifTool{Driver: sarifDriver{Name: r.Tool.Name, Version: r.Tool.Version, Rules: []sarifRule{}}},
		Results: []sarifResult{}, ColumnKind: "unicodeCodePoints"}
	ruleIndex := map[string]int{}
	addRule := func(rule sarifRule) int {
		if i, ok := ruleIndex[rule.ID]; ok {
			return i
		}
		ruleIndex[rule.ID] = len(run.Tool.Driver.Rules)
		run.Tool.Driver.Rules = append(run.Tool.Driver.Rules, rule)
		return ruleIndex[rule.ID]
	}
	for _, c := range r.Checks {
		full := strings.TrimSpace(c.Doc)
		if full == "" {
			full = c.Title
		}
		rule := sarifRule{ID: c.Name, ShortDescription: sarifText{nonEmpty(c.Title, c.Name)}, FullDescription: sarifText{nonEmpty(full, c.Name)},
			DefaultConfiguration: sarifConfig{sarifLevel(c.Severity)}}
		if c.Category != "" {
			rule.Properties = map[string]any{"tags": []string{c.Category}, "category": c.Category}
		}
		addRule(rule)
	}
	for _, d := range r.Documents {
		for _, f := range d.Findings {
			idx := addRule(sarifRule{ID: f.Check, ShortDescription: sarifText{f.Check}, FullDescription: sarifText{f.Check},
				DefaultConfiguration: sarifConfig{sarifLevel(f.Severity)}})
			res := sarifResult{RuleID: f.Check, RuleIndex: idx, Level: sarifLevel(f.Severity),
				Message: sarifText{nonEmpty(f.Message, f.Check)}, Locations: []sarifLocation{},
				Rank: math.Round(hundredths(f.Confidence) * 100)}
			if f.Fingerprint != "" {
				res.PartialFingerprints = map[string]string{sarifFingerprint: f.Fingerprint}
			}
			if f.Category != "" {
				res.Properties = map[string]any{"category": f.Category}
			}
			prim := r.Primary(f)
			other := f.Zh
			otherLang := "Chinese"
			if prim == f.Zh {
				other, otherLang = f.En, "English"
			}
			if prim != nil {
				res.Locations = append(res.Locations, sarifLocation{PhysicalLocation: sarifPhys(prim)})
			} else {
				// A finding about the whole document points at its file.
				res.Locations = append(res.Locations, sarifLocation{PhysicalLocation: &sarifPhysical{ArtifactLocation: sarifArtifact{sarifURI(d.Zh.Path)}}})
			}
			if other != nil && prim != nil {
				id := 1
				res.RelatedLocations = []sarifLocation{{ID: &id, PhysicalLocation: sarifPhys(other), Message: &sarifText{otherLang + " counterpart"}}}
			}
			run.Results = append(run.Results, res)
		}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(sarifLog{Schema: sarifSchema, Version: "2.1.0", Runs: []sarifRun{run}})
}

func nonEmpty(s, alt string) string {
	if strings.TrimSpace(s) == "" {
		return alt
	}
	return s
}

func sarifPhys(l *Location) *sarifPhysical {
	p := &sarifPhysical{ArtifactLocation: sarifArtifact{sarifURI(l.Path)}}
	if l.Line > 0 {
		reg := &sarifRegion{StartLine: l.Line, StartColumn: max(l.Column, 1), EndLine: max(l.EndLine, l.Line), EndColumn: max(l.EndColumn, 1)}
		if reg.EndLine == reg.StartLine && reg.EndColumn < reg.StartColumn {
			reg.EndColumn = reg.StartColumn
		}
		if l.Text != "" && len(l.Text) <= maxSnippet {
			reg.Snippet = &sarifText{l.Text}
		}
		p.Region = reg
	}
	return p
}

// sarifURI turns a path as the user gave it into a URI reference: relative
// paths stay relative (code scanning resolves them against the checkout),
// absolute ones become file URIs, and anything unsafe is percent-encoded.
func sarifURI(path string) string {
	p := filepath.ToSlash(path)
	if p == "" {
		p = "stdin"
	}
	if strings.HasPrefix(p, "/") {
		return (&url.URL{Scheme: "file", Path: p}).String()
	}
	if len(p) > 2 && p[1] == ':' && p[2] == '/' { // C:/…
		return (&url.URL{Scheme: "file", Path: "/" + p}).String()
	}
	return (&url.URL{Path: p}).String()
}
