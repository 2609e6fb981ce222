package config

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"unicode"

	"gopkg.in/yaml.v3"

	"github.com/aligncheck/aligncheck/internal/driver/discover"
	"github.com/aligncheck/aligncheck/internal/excerpt"
	"github.com/aligncheck/aligncheck/internal/regular"
)

// topKeys are the keys a configuration file may hold, in the order the
// effective configuration is printed.
var topKeys = []string{"version", "source", "fail-on", "show", "sort", "checks", "glossary", "include", "exclude", "pairing", "furniture"}

var pairingKeys = []string{"zh-tags", "en-tags", "zh-dirs", "en-dirs", "interleaved"}

var severities = []string{"error", "warning", "info"}

// Load reads a configuration file over the defaults. catalog lists the
// checks the file may name.
func Load(path string, catalog []CheckInfo) (*Config, error) {
	data, err := regular.Read(path)
	if err != nil {
		return nil, &Error{Path: path, Msg: unwrapPath(err).Error()}
	}
	return Parse(path, data, catalog)
}

// Parse reads configuration text; path names it in errors and gives the
// directory relative paths are taken against.
func Parse(path string, data []byte, catalog []CheckInfo) (*Config, error) {
	dir := filepath.Dir(path)
	c := Default(catalog, dir)
	c.File = path
	p := &parser{path: path, cfg: c, catalog: catalog}
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, p.yamlError(err)
	}
	if doc.Kind == 0 || len(doc.Content) == 0 {
		return c, nil // an empty file: the defaults
	}
	root := doc.Content[0]
	if root.Kind == yaml.ScalarNode && root.Tag == "!!null" {
		return c, nil
	}
	if err := p.top(root); err != nil {
		return nil, err
	}
	return c, nil
}

type parser struct {
	path    string
	cfg     *Config
	catalog []CheckInfo
}

func (p *parser) errorf(n *yaml.Node, format string, args ...any) *Error {
	line := 0
	if n != nil {
		line = n.Line
	}
	return &Error{Path: p.path, Line: line, Msg: fmt.Sprintf(format, args...)}
}

var yamlLine = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

func (p *parser) yamlError(err error) error {
	msg := err.Error()
	var te *yaml.TypeError
	if errors.As(err, &te) && len(te.Errors) > 0 {
		msg = "yaml: " + te.Errors[0]
	}
	if m := yamlLine.FindStringSubmatch(msg); m != nil {
		line, _ := strconv.Atoi(m[1])
		return &Error{Path: p.path, Line: line, Msg: m[2]}
	}
	return &Error{Path: p.path, Msg: strings.TrimPrefix(msg, "yaml: ")}
}

// kindName names a node's type for messages.
func kindName(n *yaml.Node) string {
	switch n.Kind {
	case yaml.MappingNode:
		return "a mapping"
	case yaml.SequenceNode:
		return "a list"
	case yaml.AliasNode:
		return "an alias"
	}
	switch n.Tag {
	case "!!int", "!!float":
		return "a number"
	case "!!bool":
		return "a boolean"
	case "!!null":
		return "nothing"
	}
	return excerpt.Quote(n.Value)
}

// pairs walks a mapping's keys and values, refusing duplicate keys and keys
// not in allowed (when allowed is non-nil).
func (p *parser) pairs(n *yaml.Node, what string, allowed []string, fn func(key string, k, v *yaml.Node) error) error {
	if n.Kind != yaml.MappingNode {
		return p.errorf(n, "%s: want a mapping, got %s", what, kindName(n))
	}
	seen := map[string]int{}
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if k.Kind != yaml.ScalarNode {
			return p.errorf(k, "%s: keys must be plain names", what)
		}
		key := k.Value
		prefix := ""
		if what != "" {
			prefix = what + ": "
		}
		if line, dup := seen[key]; dup {
			return p.errorf(k, "%skey %s repeated (first at line %d)", prefix, excerpt.Quote(key), line)
		}
		seen[key] = k.Line
		if allowed != nil && !contains(allowed, key) {
			return p.errorf(k, "%sunknown key %s (want one of: %s)", prefix, excerpt.Quote(key), strings.Join(allowed, ", "))
		}
		if err := fn(key, k, v); err != nil {
			return err
		}
	}
	return nil
}

func (p *parser) top(root *yaml.Node) error {
	if root.Kind != yaml.MappingNode {
		return p.errorf(root, "want a mapping of settings (source, fail-on, checks, …), got %s", kindName(root))
	}
	return p.pairs(root, "", topKeys, func(key string, k, v *yaml.Node) error {
		switch key {
		case "version":
			n, err := p.integer(v, key)
			if err != nil {
				return err
			}
			if n != 1 {
				return p.errorf(v, "version: only version 1 exists, not %d", n)
			}
		case "source":
			s, err := p.str(v, key)
			if err != nil {
				return err
			}
			if s != "zh" && s != "en" {
				return p.errorf(v, "source: want zh or en, not %s", excerpt.Quote(s))
			}
			p.cfg.Source = s
		case "fail-on":
			s, err := p.str(v, key)
			if err != nil {
				return err
			}
			s = strings.ToLower(s)
			if s != "none" && !contains(severities, s) {
				return p.errorf(v, "fail-on: want error, warning, info or none, not %s", excerpt.Quote(s))
			}
			p.cfg.FailOn = s
		case "show":
			s, err := p.str(v, key)
			if err != nil {
				return err
			}
			s = strings.ToLower(s)
			if !contains(severities, s) {
				return p.errorf(v, "show: want info, warning or error, not %s", excerpt.Quote(s))
			}
			p.cfg.Show = s
		case "sort":
			s, err := p.str(v, key)
			if err != nil {
				return err
			}
			s = strings.ToLower(s)
			if s != "severity" && s != "file" {
				return p.errorf(v, "sort: want severity or file, not %s", excerpt.Quote(s))
			}
			p.cfg.Sort = s
		case "checks":
			return p.checks(v)
		case "glossary":
			list, err := p.strings(v, key)
			if err != nil {
				return err
			}
			p.cfg.Glossary = p.cfg.Glossary[:0]
			for i, g := range list {
				path := g
				if !filepath.IsAbs(path) {
					path = filepath.Join(p.cfg.Dir, g)
				}
				if st, err := os.Stat(path); err != nil {
					return p.errorf(itemNode(v, i), "glossary %s: %v", excerpt.Quote(g), unwrapPath(err))
				} else if !st.Mode().IsRegular() {
					return p.errorf(itemNode(v, i), "glossary %s: not a regular file", excerpt.Quote(g))
				}
				p.cfg.Glossary = append(p.cfg.Glossary, path)
			}
		case "include", "exclude":
			list, err := p.strings(v, key)
			if err != nil {
				return err
			}
			for i, g := range list {
				if err := discover.ValidGlob(g); err != nil {
					return p.errorf(itemNode(v, i), "%s: bad pattern %s: %v", key, excerpt.Quote(g), err)
				}
			}
			if key == "include" {
				p.cfg.Include = list
			} else {
				p.cfg.Exclude = list
			}
		case "pairing":
			return p.pairing(v)
		case "furniture":
			list, err := p.strings(v, key)
			if err != nil {
				return err
			}
			for i, f := range list {
				if err := FurniturePhrase(f); err != nil {
					return p.errorf(itemNode(v, i), "furniture: %v", err)
				}
			}
			p.cfg.Furniture = list
		}
		return nil
	})
}

func (p *parser) checks(n *yaml.Node) error {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!null" {
		return nil
	}
	return p.pairs(n, "checks", nil, func(name string, k, v *yaml.Node) error {
		ch := p.cfg.Lookup(name)
		if ch == nil {
			return p.errorf(k, "checks: unknown check %s (see 'aligncheck checks')", excerpt.Quote(name))
		}
		if v.Kind == yaml.ScalarNode {
			// shorthand: on/off, true/false, or a severity
			s := strings.ToLower(v.Value)
			switch {
			case v.Tag == "!!bool" || s == "on" || s == "off" || s == "yes" || s == "no":
				ch.Enabled = s == "true" || s == "on" || s == "yes"
			case contains(severities, s):
				ch.Enabled, ch.Severity = true, s
			default:
				return p.errorf(v, "checks: %s: want on, off or a severity (error, warning, info), not %s", name, kindName(v))
			}
			return nil
		}
		allowed := []string{"enabled", "severity"}
		for _, t := range ch.Options {
			allowed = append(allowed, t.Name)
		}
		return p.pairs(v, "checks: "+name, allowed, func(key string, k, v *yaml.Node) error {
			switch key {
			case "enabled":
				b, err := p.boolean(v, "checks: "+name+": enabled")
				if err != nil {
					return err
				}
				ch.Enabled = b
			case "severity":
				s, err := p.str(v, "checks: "+name+": severity")
				if err != nil {
					return err
				}
				s = strings.ToLower(s)
				if !contains(severities, s) {
					return p.errorf(v, "checks: %s: severity: want error, warning or info, not %s", name, excerpt.Quote(s))
				}
				ch.Severity = s
			default:
				var f float64
				for _, o := range ch.Options {
					if o.Name == key && o.Bool {
						b, err := p.boolean(v, "checks: "+name+": "+key)
						if err != nil {
							return err
						}
						if b {
							f = 1
						}
						ch.setOption(key, f)
						return nil
					}
				}
				f, err := p.number(v, "checks: "+name+": "+key)
				if err != nil {
					return err
				}
				for i := range ch.Options {
					if o := &ch.Options[i]; o.Name == key {
						if o.Whole && f != math.Trunc(f) {
							return p.errorf(v, "checks: %s: %s: want a whole number, got %s", name, key, v.Value)
						}
						o.Value = f
					}
				}
			}
			return nil
		})
	})
}

func (p *parser) pairing(n *yaml.Node) error {
	return p.pairs(n, "pairing", pairingKeys, func(key string, k, v *yaml.Node) error {
		if key == "interleaved" {
			b, err := p.boolean(v, "pairing: interleaved")
			if err != nil {
				return err
			}
			p.cfg.Pairing.Interleaved = b
			return nil
		}
		list, err := p.strings(v, "pairing: "+key)
		if err != nil {
			return err
		}
		for i, g := range list {
			if strings.ContainsAny(g, "/\\") {
				return p.errorf(itemNode(v, i), "pairing: %s: %s: a tag or directory name, not a path", key, excerpt.Quote(g))
			}
			if err := discover.ValidGlob(g); err != nil {
				return p.errorf(itemNode(v, i), "pairing: %s: bad pattern %s: %v", key, excerpt.Quote(g), err)
			}
		}
		if len(list) == 0 {
			return p.errorf(v, "pairing: %s: want at least one name", key)
		}
		switch key {
		case "zh-tags":
			p.cfg.Pairing.ZhTags = list
		case "en-tags":
			p.cfg.Pairing.EnTags = list
		case "zh-dirs":
			p.cfg.Pairing.ZhDirs = list
		case "en-dirs":
			p.cfg.Pairing.EnDirs = list
		}
		return nil
	})
}

func itemNode(list *yaml.Node, i int) *yaml.Node {
	if list.Kind == yaml.SequenceNode && i < len(list.Content) {
		return list.Content[i]
	}
	return list
}

func (p *parser) str(n *yaml.Node, what string) (string, error) {
	if n.Kind != yaml.ScalarNode || n.Tag == "!!null" {
		return "", p.errorf(n, "%s: want a string, got %s", what, kindName(n))
	}
	return n.Value, nil
}

// strings reads a list of strings; a single string is a list of one.
func (p *parser) strings(n *yaml.Node, what string) ([]string, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!str" {
		return []string{n.Value}, nil
	}
	if n.Kind != yaml.SequenceNode {
		return nil, p.errorf(n, "%s: want a list of strings, got %s", what, kindName(n))
	}
	out := []string{}
	for _, it := range n.Content {
		if it.Kind != yaml.ScalarNode || it.Tag != "!!str" {
			return nil, p.errorf(it, "%s: want a string, got %s", what, kindName(it))
		}
		out = append(out, it.Value)
	}
	return out, nil
}

func (p *parser) boolean(n *yaml.Node, what string) (bool, error) {
	if n.Kind == yaml.ScalarNode {
		switch strings.ToLower(n.Value) {
		case "true", "on", "yes":
			return true, nil
		case "false", "off", "no":
			return false, nil
		}
	}
	return false, p.errorf(n, "%s: want true or false, got %s", what, kindName(n))
}

func (p *parser) number(n *yaml.Node, what string) (float64, error) {
	if n.Kind == yaml.ScalarNode && (n.Tag == "!!int" || n.Tag == "!!float") {
		if f, err := strconv.ParseFloat(strings.ReplaceAll(n.Value, "_", ""), 64); err == nil {
			return f, nil
		}
	}
	return 0, p.errorf(n, "%s: want a number, got %s", what, kindName(n))
}

func (p *parser) integer(n *yaml.Node, what string) (int, error) {
	if n.Kind == yaml.ScalarNode && n.Tag == "!!int" {
		if i, err := strconv.Atoi(n.Value); err == nil {
			return i, nil
		}
	}
	return 0, p.errorf(n, "%s: want a whole number, got %s", what, kindName(n))
}

// FurniturePhrase says what is wrong with a furniture phrase, if anything:
// it must hold a letter, since furniture is told by the share of a block's
// letters that stand in phrases, and a phrase without one changes nothing.
func FurniturePhrase(s string) error {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return nil
		}
	}
	return fmt.Errorf("%s: want a phrase with letters (a label the site repeats on its pages, such as \"Back to list\")", excerpt.Quote(s))
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func unwrapPath(err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}
