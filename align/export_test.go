package align

// CheckParagraphBounds is checkParagraphBounds, for the external tests
// that build documents with align/input.
var CheckParagraphBounds = checkParagraphBounds
