package reports

// SetExtentSize makes the spool write a document's pairs in extents of n
// bytes (a pair never splits: an extent can be longer); the returned
// function restores the size.
func SetExtentSize(n int) func() {
	old := extentSize
	extentSize = n
	return func() { extentSize = old }
}
