package driver

import (
	"fmt"
	"os"
	"strings"

	"github.com/aligncheck/aligncheck/align"
	"github.com/aligncheck/aligncheck/checks"
	"github.com/aligncheck/aligncheck/internal/driver/config"
	"github.com/aligncheck/aligncheck/internal/driver/suppress"
)

// UsageError is a mistake in what the user asked for (a flag, a check
// name, a missing input): front ends show it with their usage hint.
type UsageError struct{ Msg string }

func (e *UsageError) Error() string { return e.Msg }

// Usagef makes a UsageError.
func Usagef(format string, args ...any) error {
	return &UsageError{fmt.Sprintf(format, args...)}
}

// UnknownCheckError is a check name that names no check; front ends word
// where to find the names.
type UnknownCheckError struct{ Name string }

func (e *UnknownCheckError) Error() string {
	return fmt.Sprintf("unknown check %q (see 'aligncheck checks')", e.Name)
}

// DriverChecks are reported by the driver itself, not run over an
// alignment: directives without a reason or naming no check, unused
// directives, unpaired files.
var DriverChecks = []*checks.Check{suppress.Check, suppress.Unused, Unpaired}

// AllChecks are the registry's checks, then the driver's.
func AllChecks() []*checks.Check {
	return append(append([]*checks.Check(nil), checks.Registry()...), DriverChecks...)
}

// LookupCheck finds a check by name among AllChecks; nil if there is none.
func LookupCheck(name string) *checks.Check {
	for _, c := range AllChecks() {
		if c.Name == name {
			return c
		}
	}
	return nil
}

func isDriverCheck(name string) bool {
	for _, c := range DriverChecks {
		if c.Name == name {
			return true
		}
	}
	return false
}

// catalog lists every check the configuration may name, with the options
// each declares.
func catalog() []config.CheckInfo {
	var out []config.CheckInfo
	for _, c := range AllChecks() {
		ci := config.CheckInfo{Name: c.Name, Severity: c.Severity.String()}
		for _, o := range c.Options {
			ci.Options = append(ci.Options, config.Option{Name: o.Name, Value: o.Default,
				Whole: o.Type == checks.Integer, Bool: o.Type == checks.Boolean})
		}
		out = append(out, ci)
	}
	return out
}

// DefaultConfig is the configuration without a file: every check on at its
// default severity and options.
func DefaultConfig() *config.Config { return config.Default(catalog(), "") }

// Overrides are command-line settings over the configuration file; a nil
// or empty field was not given.
type Overrides struct {
	Source, FailOn  *string
	Enable, Disable []string
	Glossary        []string
	// Furniture phrases are added to the configuration's.
	Furniture []string
}

// LoadConfig reads the configuration file (path, or the first
// .aligncheck.yaml up from the working directory when path is "") and
// applies the overrides over it.
func LoadConfig(path string, o Overrides) (*config.Config, error) {
	cat := catalog()
	wd, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	if path == "" {
		if path, err = config.Find(wd); err != nil {
			return nil, err
		}
	}
	cfg := config.Default(cat, wd)
	if path != "" {
		if cfg, err = config.Load(path, cat); err != nil {
			return nil, err
		}
	}
	o.Apply(cfg)
	return cfg, nil
}

// Apply sets the overrides over a configuration.
func (o Overrides) Apply(cfg *config.Config) {
	if o.Source != nil {
		cfg.Source = *o.Source
	}
	if o.FailOn != nil {
		cfg.FailOn = *o.FailOn
	}
	if len(o.Enable) > 0 {
		en := map[string]bool{}
		for _, n := range o.Enable {
			en[n] = true
		}
		for i := range cfg.Checks {
			cfg.Checks[i].Enabled = en[cfg.Checks[i].Name] || isDriverCheck(cfg.Checks[i].Name) && cfg.Checks[i].Enabled
		}
	}
	for _, n := range o.Disable {
		if c := cfg.Lookup(n); c != nil {
			c.Enabled = false
		}
	}
	if o.Glossary != nil {
		cfg.Glossary = append([]string(nil), o.Glossary...)
	}
	if len(o.Furniture) > 0 {
		cfg.Furniture = append(append([]string(nil), cfg.Furniture...), o.Furniture...)
	}
}

// Names splits a comma-separated list of check names (--enable a,b).
func Names(list string) []string {
	var out []string
	for _, n := range strings.Split(list, ",") {
		if n = strings.TrimSpace(n); n != "" {
			out = append(out, n)
		}
	}
	return out
}

// Select returns the checks to run out of from (the registry when nil):
// with enable, those, in that order; without, all of them; in either case
// less those in disable. A name repeated counts once; a name that is not in
// from is an *UnknownCheckError.
func Select(from []*checks.Check, enable, disable []string) ([]*checks.Check, error) {
	if from == nil {
		from = checks.Registry()
	}
	byName := map[string]*checks.Check{}
	for _, c := range from {
		byName[c.Name] = c
	}
	for _, n := range append(append([]string(nil), enable...), disable...) {
		if byName[n] == nil {
			return nil, &UnknownCheckError{n}
		}
	}
	off := map[string]bool{}
	for _, n := range disable {
		off[n] = true
	}
	names := enable
	if len(enable) == 0 {
		names = nil
		for _, c := range from {
			names = append(names, c.Name)
		}
	}
	var list []*checks.Check
	for _, n := range names {
		if !off[n] {
			off[n] = true // once
			list = append(list, byName[n])
		}
	}
	return list, nil
}

// ParseFailOn reads the failing severity; "none" is 0.
func ParseFailOn(s string) (checks.Severity, error) {
	sev, err := checks.ParseSeverity(s)
	if err != nil {
		return 0, Usagef("--fail-on: %v", err)
	}
	return sev, nil
}

// ParseSource reads the language of the original.
func ParseSource(s string) (align.Lang, error) {
	switch s {
	case "zh":
		return align.Zh, nil
	case "en":
		return align.En, nil
	}
	return 0, Usagef("--source: want zh or en, not %q", s)
}

// applyConfig carries the configuration into the check settings and the
// list of checks to run.
func applyConfig(cfg *config.Config, set *checks.Settings, list []*checks.Check) ([]*checks.Check, error) {
	defaults := map[string]float64{}
	defSev := map[string]string{}
	for _, ci := range catalog() {
		for _, o := range ci.Options {
			defaults[ci.Name+"."+o.Name] = o.Value
		}
		defSev[ci.Name] = ci.Severity
	}
	for k, v := range cfg.Options() {
		if d, ok := defaults[k]; !ok || d != v {
			set.Options[k] = v
		}
	}
	for _, c := range cfg.Checks {
		if !c.Enabled {
			set.Disabled[c.Name] = true
		}
		if c.Severity == defSev[c.Name] {
			continue // only overrides: a check's own severities stand
		}
		s, err := checks.ParseSeverity(c.Severity)
		if err != nil {
			return nil, fmt.Errorf("%s: check %s: %w", cfg.File, c.Name, err)
		}
		set.Severity[c.Name] = s
	}
	var out []*checks.Check
	for _, c := range list {
		if !set.Disabled[c.Name] {
			out = append(out, c)
		}
	}
	return out, nil
}
