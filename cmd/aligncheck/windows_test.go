package main

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/internal/driver"
)

// refUnits returns the reference document's pairs (Chinese, English): the
// title, then English line L with Chinese line L+2, L = 19, 23, …, 123.
func refUnits(t *testing.T) [][2]string {
	pairs, err := refTextPairs()
	require.NoError(t, err)
	return pairs
}

var xmlEscaper = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// windowFixture makes the reference pairs three times over with faults a
// window's cut could hide: a numbering change, an English cut short (a
// length outlier), a unit without English, a run of pairs shifted by one
// across a window's end, and a repeated finding (fingerprints numbered
// across windows).
func windowFixture(t *testing.T) [][2]string {
	ref := refUnits(t)
	var units [][2]string
	for r := 0; r < 3; r++ {
		units = append(units, ref...)
	}
	for i, u := range units {
		if strings.HasPrefix(u[1], "(3) ") && i > 40 {
			units[i][1] = "(4)" + u[1][3:]
			break
		}
	}
	units[30][1] = units[30][1][:len(units[30][1])/3]
	units[50][1] = ""
	// units 19–22 take the next unit's English: a shifted run over the cut
	// at 21 (windows of 7)
	for i := 19; i <= 22; i++ {
		units[i][1] = units[i+1][1]
	}
	return units
}

func writeTMX(t *testing.T, path string, units [][2]string) {
	var b strings.Builder
	b.WriteString("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<tmx version=\"1.4\">\n<header srclang=\"zh-CN\" segtype=\"paragraph\"/>\n<body>\n")
	for i, u := range units {
		fmt.Fprintf(&b, "<tu tuid=\"%d\">\n  <tuv xml:lang=\"zh-CN\"><seg>%s</seg></tuv>\n", i+1, xmlEscaper.Replace(u[0]))
		if u[1] != "" {
			fmt.Fprintf(&b, "  <tuv xml:lang=\"en-US\"><seg>%s</seg></tuv>\n", xmlEscaper.Replace(u[1]))
		}
		b.WriteString("</tu>\n")
	}
	b.WriteString("</body>\n</tmx>\n")
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
}

// wordChecks are the checks that read word links (align/words); the
// consistency check learns unquoted terms from them.
const wordChecks = "omission/partial,addition/partial,consistency"

func writeJSONL(t *testing.T, path string, units [][2]string) {
	var b strings.Builder
	for i, u := range units {
		fmt.Fprintf(&b, "{\"id\": %d, \"zh\": %q, \"en\": %q}\n", i, u[0], u[1])
	}
	require.NoError(t, os.WriteFile(path, []byte(b.String()), 0o644))
}

// TestWindowsGiveTheWholeReport: a pre-aligned file checked in windows
// (driver.CheckWindows; windows of 7 units with 3 of context) gives, in
// every format, the report the whole document gives. The checks that read
// word links are left out: the word model is learnt on what a window
// holds, so on windows of 7 units their findings are not the whole's
// (CheckWindows says so).
func TestWindowsGiveTheWholeReport(t *testing.T) {
	defer func(u, o int) { driver.WindowUnits, driver.WindowOverlap = u, o }(driver.WindowUnits, driver.WindowOverlap)
	dir := t.TempDir()
	units := windowFixture(t)
	tmx, jsonl := filepath.Join(dir, "mem.tmx"), filepath.Join(dir, "mem.jsonl")
	writeTMX(t, tmx, units)
	writeJSONL(t, jsonl, units)
	version := regexp.MustCompile(`("version": |aligncheck |"version":")[^,\n]*`)
	for _, file := range []string{tmx, jsonl} {
		for _, format := range []string{"json", "text", "jsonl", "sarif", "junit", "markdown", "github"} {
			driver.WindowUnits, driver.WindowOverlap = 0, 0 // the whole file as one document
			wantCode, want, wantErr := runCmd(t, "check", "--format", format, "--fail-on", "none", "--disable", wordChecks, file)
			require.Equal(t, 0, wantCode, wantErr)
			driver.WindowUnits, driver.WindowOverlap = 7, 3
			code, got, gotErr := runCmd(t, "check", "--format", format, "--fail-on", "none", "--disable", wordChecks, file)
			require.Equal(t, 0, code, gotErr)
			assert.Equal(t, version.ReplaceAllString(want, ""), version.ReplaceAllString(got, ""), "%s %s", filepath.Base(file), format)
			assert.Equal(t, wantErr, gotErr)
			if format == "json" {
				for _, check := range []string{`"alignment/shift"`, `"numbering"`, `"length"`, `"omission"`} {
					assert.Contains(t, got, check, "the fixture exercises %s", check)
				}
				assert.Contains(t, got, "(4 pairs) look shifted by one")
			}
		}
	}
}
