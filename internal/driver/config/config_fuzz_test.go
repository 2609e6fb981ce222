package config

import "testing"

// FuzzParse: a configuration file is outside input; parsing never panics,
// and either yields a configuration or an error naming the file.
func FuzzParse(f *testing.F) {
	for _, s := range []string{
		"fail-on: warning\n",
		"checks:\n  length:\n    severity: error\n    z: 4\n",
		"checks:\n  nosuch: {}\n",
		"glossary: [a.tsv]\ninclude: ['**/*.md']\nexclude: ['[']\n",
		"source: en\npairing:\n  tags: true\n",
		"fail-on: [1, 2]\n",
		"- a\n- b\n",
		"{",
		"",
	} {
		f.Add([]byte(s))
	}
	catalog := []CheckInfo{{Name: "length", Severity: "warning", Options: []Option{{Name: "z", Value: 3.5}}}, {Name: "numbers", Severity: "error"}}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse("fuzz.yaml", data, catalog)
		if err == nil && c == nil {
			t.Fatal("nil config without an error")
		}
	})
}
