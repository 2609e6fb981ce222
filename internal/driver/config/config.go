// Package config reads .aligncheck.yaml: which checks run and at what
// severity, their options, glossaries, which files a directory run
// takes, how files pair up, the failing severity and the source language.
//
// A Config always holds the complete effective configuration: Default
// fills it from the check catalogue (each check's declared options), a
// file overrides some of it, and the command line overrides the file. Every mistake in a file (an unknown key,
// a value of the wrong type, a glossary that does not exist) is an *Error
// naming the file and line.
package config

import (
	"errors"
	"fmt"
	"github.com/aligncheck/aligncheck/internal/excerpt"
	"os"
	"path/filepath"
)

// FileNames are the names looked for when walking up from the working
// directory, in order of preference.
var FileNames = []string{".aligncheck.yaml", ".aligncheck.yml"}

// CheckInfo describes a check the configuration may name: its default
// severity and the options it declares, with their defaults.
type CheckInfo struct {
	Name     string
	Severity string
	Options  []Option
}

// Config is the effective configuration.
type Config struct {
	// File is the configuration file read; empty when none was.
	File string
	// Dir is the directory relative paths and include/exclude patterns
	// are taken against: the file's directory, else the working directory.
	Dir string

	Source string // "zh" or "en"
	FailOn string // "error", "warning", "info" or "none"
	// Show is the lowest severity text, GitHub and Markdown output show
	// ("info", "warning" or "error"); "" for the default (warnings, and
	// anything FailOn fails on). Sort orders them: "severity" (errors
	// first) or "file". Neither changes what is found or the exit code.
	Show   string
	Sort   string
	Checks []Check
	// Glossary lists glossary files, resolved against Dir.
	Glossary []string
	// Include and Exclude are glob patterns for the files a directory run
	// takes ("**" spans directories; a pattern without "/" matches the
	// base name at any depth). Exclude wins.
	Include []string
	Exclude []string
	Pairing Pairing
	// Furniture lists the page furniture phrases of the sites a project
	// reads (the labels of their own links and notices), added to the
	// built-in ones of web pages in general: a block made of them is
	// furniture, not body text.
	Furniture []string
}

// Check is one check's settings.
type Check struct {
	Name     string
	Enabled  bool
	Severity string
	Options  []Option
}

// Option is one option of a check, named without the check's prefix ("z"
// for length.z), with its value.
type Option struct {
	Name  string
	Value float64
	// Whole: the value is a whole number.
	Whole bool
	// Bool: the value is true (1) or false (0).
	Bool bool
}

// Pairing says how files found in a directory pair up.
type Pairing struct {
	// ZhTags and EnTags are the language tags of two-file pairs,
	// name.TAG.ext, as case-insensitive patterns ("zh", "zh-*").
	ZhTags []string
	EnTags []string
	// ZhDirs and EnDirs name the roots of mirrored trees, zh/… and en/….
	ZhDirs []string
	EnDirs []string
	// Interleaved: a file with no language tag outside a mirrored tree is
	// one interleaved document. When false such files are skipped.
	Interleaved bool
}

// DefaultPairing is the pairing used when no file changes it.
func DefaultPairing() Pairing {
	return Pairing{
		ZhTags:      []string{"zh", "zh-*", "cn"},
		EnTags:      []string{"en", "en-*"},
		ZhDirs:      []string{"zh", "zh-*", "cn"},
		EnDirs:      []string{"en", "en-*"},
		Interleaved: true,
	}
}

// DefaultInclude are the files a directory run takes by default.
var DefaultInclude = []string{"*.md", "*.markdown", "*.txt"}

// Default is the configuration when there is no file: every check on at
// its default severity and options.
func Default(catalog []CheckInfo, dir string) *Config {
	c := &Config{Dir: dir, Source: "zh", FailOn: "error", Sort: "severity", Pairing: DefaultPairing(),
		Include: append([]string(nil), DefaultInclude...), Exclude: []string{}, Glossary: []string{}, Furniture: []string{}}
	for _, ci := range catalog {
		c.Checks = append(c.Checks, Check{Name: ci.Name, Enabled: true, Severity: ci.Severity,
			Options: append([]Option(nil), ci.Options...)})
	}
	return c
}

// Lookup returns the settings of a check, nil if there is no such check.
func (c *Config) Lookup(name string) *Check {
	for i := range c.Checks {
		if c.Checks[i].Name == name {
			return &c.Checks[i]
		}
	}
	return nil
}

// Error is a mistake in a configuration file.
type Error struct {
	Path string
	Line int // 1-based; 0 when not known
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", e.Path, e.Line, excerpt.Message(e.Msg))
	}
	return fmt.Sprintf("%s: %s", e.Path, excerpt.Message(e.Msg))
}

// Find walks up from dir and returns the first configuration file found,
// or "" when there is none. It stops at the root of the repository dir is
// in (the directory holding .git), or else at the file system's root: a
// configuration above the repository is not the project's.
func Find(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for {
		for _, n := range FileNames {
			p := filepath.Join(abs, n)
			if st, err := os.Stat(p); err == nil && st.Mode().IsRegular() {
				return p, nil
			} else if err != nil && !errors.Is(err, os.ErrNotExist) {
				return "", fmt.Errorf("look for configuration: %w", err)
			}
		}
		parent := filepath.Dir(abs)
		if parent == abs || isRepoRoot(abs) {
			return "", nil
		}
		abs = parent
	}
}

// Options returns the options' values as "check.option" → value, the form
// checks.Settings holds.
func (c *Config) Options() map[string]float64 {
	m := map[string]float64{}
	for _, ch := range c.Checks {
		for _, t := range ch.Options {
			m[ch.Name+"."+t.Name] = t.Value
		}
	}
	return m
}

// setOption sets the value of one of the check's options.
func (c *Check) setOption(name string, v float64) {
	for i := range c.Options {
		if c.Options[i].Name == name {
			c.Options[i].Value = v
		}
	}
}

// isRepoRoot reports whether dir is the top of a git working tree: it
// holds .git, a directory (a clone) or a file (a worktree, a submodule).
func isRepoRoot(dir string) bool {
	_, err := os.Lstat(filepath.Join(dir, ".git"))
	return err == nil
}
