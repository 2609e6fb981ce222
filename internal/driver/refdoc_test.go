package driver_test

import "github.com/aligncheck/aligncheck/internal/testref"

// The reference document and its translation pairs: see testref.

// refDocFile is the reference document.
var refDocFile = testref.Doc

// refTextPairs are its pairs' texts (Chinese, English), trimmed.
func refTextPairs() ([][2]string, error) { return testref.TextPairs() }
