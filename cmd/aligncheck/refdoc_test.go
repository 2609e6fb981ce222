package main

import "github.com/aligncheck/aligncheck/internal/testref"

// The reference document and its translation pairs: see testref.

// refConfig is its configuration: the furniture phrases of the site the
// page was saved from.
var refConfig = testref.Config

// refLines are its pairs by line number (English, Chinese).
func refLines() [][2]int { return testref.Lines() }

// refTextPairs are its pairs' texts (Chinese, English), trimmed.
func refTextPairs() ([][2]string, error) { return testref.TextPairs() }
