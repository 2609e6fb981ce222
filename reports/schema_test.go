package reports_test

import (
	"bytes"
	"encoding/json"
	"os"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/reports"
)

const (
	reportSchemaFile = "schema/report.v1.json"
	// The SARIF 2.1.0 schema as SchemaStore publishes it (version enum
	// "2.1.0"), vendored from the npm package @microsoft/jest-sarif
	// (lib/schemas/sarif-2.1.0-rtm.5.json, MIT); see testdata/reports/README.
	sarifSchemaFile = "../testdata/reports/sarif-2.1.0-rtm.5.json"
)

func compileSchema(t *testing.T, path string) *jsonschema.Schema {
	t.Helper()
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	doc, err := jsonschema.UnmarshalJSON(f)
	require.NoError(t, err)
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	const url = "file:///schema.json"
	require.NoError(t, c.AddResource(url, doc))
	sch, err := c.Compile(url)
	require.NoError(t, err)
	return sch
}

func validate(t *testing.T, sch *jsonschema.Schema, out []byte, what string) {
	t.Helper()
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out))
	require.NoError(t, err, "%s is not JSON", what)
	assert.NoError(t, sch.Validate(inst), "%s does not validate", what)
}

func TestJSONReportSchema(t *testing.T) {
	sch := compileSchema(t, reportSchemaFile)
	validate(t, sch, write(t, reports.JSON{}, fixtureReport()), "fixture JSON report")
	validate(t, sch, write(t, reports.JSON{}, refReport(t)), "reference document's JSON report")
	validate(t, sch, write(t, reports.JSON{}, hostileReport(t)), "hostile document's JSON report")
	empty := reports.Build(reports.Tool{Name: "aligncheck", Version: "test"}, nil, 0, nil)
	validate(t, sch, write(t, reports.JSON{}, empty), "empty JSON report")

	// The schema must reject what the contract forbids.
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(`{"version":1,"tool":{"name":"aligncheck","version":""},"documents":null,"summary":{"documents":0,"error":0,"warning":0,"info":0}}`)))
	require.NoError(t, err)
	assert.Error(t, sch.Validate(inst), "null list accepted")
}

// The schema's category vocabulary is the one the checks use.
func TestJSONReportSchemaCategories(t *testing.T) {
	b, err := os.ReadFile(reportSchemaFile)
	require.NoError(t, err)
	var s struct {
		Defs struct {
			Category struct {
				Enum []string `json:"enum"`
			} `json:"category"`
		} `json:"$defs"`
	}
	require.NoError(t, json.Unmarshal(b, &s))
	var want []string
	for _, c := range checks.Categories {
		want = append(want, string(c))
	}
	assert.Equal(t, want, s.Defs.Category.Enum, "schema/report.v1.json lists other categories than checks.Categories")
}

func TestSARIFSchema(t *testing.T) {
	sch := compileSchema(t, sarifSchemaFile)
	validate(t, sch, write(t, reports.SARIF{}, fixtureReport()), "fixture SARIF")
	validate(t, sch, write(t, reports.SARIF{}, refReport(t)), "reference document's SARIF")
	validate(t, sch, write(t, reports.SARIF{}, hostileReport(t)), "hostile document's SARIF")
	// A log that breaks the schema must fail, or the test proves nothing.
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader([]byte(`{"version":"2.1.0","runs":[{"tool":{"driver":{}},"results":[{"level":"fatal","message":{"text":"x"}}]}]}`)))
	require.NoError(t, err)
	assert.Error(t, sch.Validate(inst))
}
