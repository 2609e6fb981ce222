package align

// CheckParagraphBounds is checkParagraphBounds, for the external tests
// that build documents with align/input.
var CheckParagraphBounds = checkParagraphBounds

// AlignParagraphs is alignParagraphs, for the external benchmarks.
func AlignParagraphs(doc *Document, lex Similarity) *Alignment { return alignParagraphs(doc, lex, nil) }

// AlignSentencesOf is alignSentences, for the external benchmarks.
func AlignSentencesOf(a *Alignment, opt Options) { alignSentences(a, opt) }
