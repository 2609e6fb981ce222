package main

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"gopkg.in/yaml.v3"
)

// action is the part of action.yml the test reads.
type action struct {
	Inputs map[string]struct {
		Default string `yaml:"default"`
	} `yaml:"inputs"`
	Runs struct {
		Using string `yaml:"using"`
		Steps []struct {
			Name  string            `yaml:"name"`
			If    string            `yaml:"if"`
			Uses  string            `yaml:"uses"`
			Shell string            `yaml:"shell"`
			Env   map[string]string `yaml:"env"`
			Run   string            `yaml:"run"`
		} `yaml:"steps"`
	} `yaml:"runs"`
}

var expr = regexp.MustCompile(`\$\{\{\s*([a-z_.-]+)\s*\}\}`)

// runAction runs the shell steps of the composite action the way a runner
// does: each with bash, the step's env with its expressions filled in, and
// the runner's files (step summary, outputs) in a temporary directory.
func runAction(t *testing.T, a action, inputs map[string]string, tmp string) (code int, stdout string, summary, outputs string) {
	t.Helper()
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	summaryFile := filepath.Join(tmp, "step-summary.md")
	outputFile := filepath.Join(tmp, "github-output")
	require.NoError(t, os.WriteFile(summaryFile, nil, 0o644))
	require.NoError(t, os.WriteFile(outputFile, nil, 0o644))
	value := func(name string) string {
		switch {
		case name == "github.action_path":
			return root
		case strings.HasPrefix(name, "inputs."):
			k := strings.TrimPrefix(name, "inputs.")
			if v, ok := inputs[k]; ok {
				return v
			}
			in, ok := a.Inputs[k]
			require.True(t, ok, "action.yml has no input %q", k)
			return in.Default
		}
		t.Fatalf("expression %q not known to the test", name)
		return ""
	}
	var out strings.Builder
	for _, st := range a.Runs.Steps {
		if st.Run == "" {
			continue
		}
		require.Equal(t, "bash", st.Shell, st.Name)
		assert.NotRegexp(t, expr, st.Run, "%s: inputs reach the script through env, never pasted in", st.Name)
		cmd := exec.Command("bash", "-e", "-c", st.Run)
		cmd.Dir = tmp
		cmd.Env = append(os.Environ(), "RUNNER_TEMP="+tmp, "GITHUB_STEP_SUMMARY="+summaryFile, "GITHUB_OUTPUT="+outputFile)
		for k, v := range st.Env {
			cmd.Env = append(cmd.Env, k+"="+expr.ReplaceAllStringFunc(v, func(m string) string {
				return value(expr.FindStringSubmatch(m)[1])
			}))
		}
		var stderr strings.Builder
		cmd.Stdout, cmd.Stderr = &out, &stderr
		err := cmd.Run()
		if err != nil {
			var ee *exec.ExitError
			require.ErrorAs(t, err, &ee, "%s: %s", st.Name, stderr.String())
			t.Logf("step %q exited %d; stderr:\n%s", st.Name, ee.ExitCode(), stderr.String())
			s, _ := os.ReadFile(summaryFile)
			o, _ := os.ReadFile(outputFile)
			return ee.ExitCode(), out.String(), string(s), string(o)
		}
	}
	s, _ := os.ReadFile(summaryFile)
	o, _ := os.ReadFile(outputFile)
	return 0, out.String(), string(s), string(o)
}

func TestActionSteps(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the tool; skipped with -short")
	}
	for _, tool := range []string{"bash", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("no %s", tool)
		}
	}
	data, err := os.ReadFile("../../action.yml")
	require.NoError(t, err)
	var a action
	require.NoError(t, yaml.Unmarshal(data, &a))
	require.Equal(t, "composite", a.Runs.Using)
	for _, in := range []string{"paths", "args", "sarif-file", "fail-on"} {
		assert.Contains(t, a.Inputs, in)
	}
	for _, st := range a.Runs.Steps {
		if strings.HasPrefix(st.Uses, "actions/setup-go") {
			assert.Equal(t, "inputs.go-version != ''", st.If, "setting up Go is optional")
		}
	}

	tmp := t.TempDir()
	zh, en := refTexts(t)
	en[7] = "(4)" + en[7][3:]
	gateWrite(t, tmp, "translations/doc.zh.txt", strings.Join(zh, "\n\n")+"\n")
	gateWrite(t, tmp, "translations/doc.en.txt", strings.Join(en, "\n\n")+"\n")

	code, stdout, summary, outputs := runAction(t, a, map[string]string{
		"paths": "translations", "args": "--enable numbering,omission", "sarif-file": "out.sarif",
	}, tmp)
	assert.Equal(t, exitFindings, code, stdout)
	assert.Contains(t, stdout, "aligncheck 0.", "the build step prints the version")
	assert.Regexp(t, `(?m)^::error file=translations/doc\.en\.txt,line=15`, stdout, "annotations")
	assert.Contains(t, summary, "numbering", "the Markdown summary reaches the step summary")
	assert.Equal(t, "exit-code=1\n", outputs)
	var sarif struct {
		Version string `json:"version"`
		Runs    []struct {
			Results []json.RawMessage `json:"results"`
		} `json:"runs"`
	}
	sdata, err := os.ReadFile(filepath.Join(tmp, "out.sarif"))
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(sdata, &sarif))
	assert.Equal(t, "2.1.0", sarif.Version)
	require.Len(t, sarif.Runs, 1)
	assert.NotEmpty(t, sarif.Runs[0].Results)

	code, _, _, outputs = runAction(t, a, map[string]string{"paths": "translations", "fail-on": "none"}, tmp)
	assert.Equal(t, exitOK, code)
	assert.Equal(t, "exit-code=0\n", outputs)
}

func TestPreCommitHooks(t *testing.T) {
	data, err := os.ReadFile("../../.pre-commit-hooks.yaml")
	require.NoError(t, err)
	var hooks []struct {
		ID            string   `yaml:"id"`
		Entry         string   `yaml:"entry"`
		Language      string   `yaml:"language"`
		Files         string   `yaml:"files"`
		Args          []string `yaml:"args"`
		PassFilenames *bool    `yaml:"pass_filenames"`
	}
	require.NoError(t, yaml.Unmarshal(data, &hooks))
	require.NotEmpty(t, hooks)
	for _, h := range hooks {
		assert.Equal(t, "golang", h.Language, h.ID)
		fields := strings.Fields(h.Entry)
		require.GreaterOrEqual(t, len(fields), 2, h.ID)
		assert.Equal(t, []string{"aligncheck", "check"}, fields[:2], h.ID)
		if h.Files != "" {
			re, err := regexp.Compile(h.Files)
			require.NoError(t, err, h.ID)
			assert.True(t, re.MatchString("docs/a.zh.md"), h.ID)
			assert.False(t, re.MatchString("main.go"), h.ID)
		}
		// the flags the hook passes exist
		var out, errb strings.Builder
		args := append(append([]string{"check"}, fields[2:]...), h.Args...)
		code := run(append(args, "-h"), nil, &out, &errb)
		assert.Equal(t, exitOK, code, "%s: %s", h.ID, errb.String())
	}
}
