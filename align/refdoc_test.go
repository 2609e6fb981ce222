package align_test

import "github.com/aligncheck/aligncheck/internal/testref"

// refTextPairs are the reference document's translation pairs (Chinese,
// English), trimmed, the title first, at the lines its sidecar file lists.
func refTextPairs() ([][2]string, error) { return testref.TextPairs() }
