package checks

import "math"

// Confidence is how strong the evidence of a finding is, from 0 to 1. A
// check sets Finding.Confidence from what it saw (digits on both sides, a
// pairing the aligner was sure of, a parse that may be wrong); severity is
// policy and confidence is evidence, and the one place where they meet is
// CapSeverity: a finding is an error only when its evidence is unambiguous,
// and a finding that rests on a parse or a guess is at most a warning.
const (
	// ErrorConfidence is the least confidence an error needs: below it
	// an error is reported as a warning.
	ErrorConfidence = 0.9
	// WarningConfidence is the least confidence a warning needs: below
	// it a warning (or an error) is reported as info.
	WarningConfidence = 0.5
)

// confidenceRule is what `aligncheck explain` prints under every check's
// own account of its confidence.
const ConfidenceRule = `A finding is an error only with confidence 0.9 or more, a warning only with
0.5 or more; below that it is reported one level lower (configuration
chooses the severity, the evidence caps it). JSON reports carry the figure
as "confidence", SARIF as "rank" (0–100).`

// CapSeverity lowers a severity to what a confidence allows: error needs
// ErrorConfidence, warning WarningConfidence. Info is never lowered (an
// info finding is shown only on request), and a severity of 0 stays 0.
func CapSeverity(s Severity, confidence float64) Severity {
	if s >= Error && confidence < ErrorConfidence {
		s = Warning
	}
	if s >= Warning && confidence < WarningConfidence {
		s = Info
	}
	return s
}

// clamp01 keeps a confidence within 0 and 1; 0 (unset) becomes 1, since a
// check that says nothing of its evidence claims it in full.
func clamp01(c float64) float64 {
	if c <= 0 || math.IsNaN(c) {
		return 1
	}
	return math.Min(c, 1)
}

// Lower multiplies a confidence by factors, each a reason to doubt.
func Lower(c float64, factors ...float64) float64 {
	for _, f := range factors {
		c *= f
	}
	return c
}
