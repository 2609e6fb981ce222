package config

import (
	"bytes"
	"path/filepath"
	"strconv"

	"gopkg.in/yaml.v3"
)

// YAML writes the configuration as a file Load reads back to the same
// configuration: every setting spelled out, checks in catalogue order.
// Glossary paths are written relative to dir when they lie under it.
func (c *Config) YAML(dir string) ([]byte, error) {
	root := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, v *yaml.Node) { root.Content = append(root.Content, str(key), v) }
	add("version", &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!int", Value: "1"})
	add("source", str(c.Source))
	add("fail-on", str(c.FailOn))
	if c.Show != "" {
		add("show", str(c.Show))
	}
	add("sort", str(c.Sort))
	checks := &yaml.Node{Kind: yaml.MappingNode}
	for _, ch := range c.Checks {
		m := &yaml.Node{Kind: yaml.MappingNode}
		m.Content = append(m.Content, str("enabled"), boolean(ch.Enabled), str("severity"), str(ch.Severity))
		for _, t := range ch.Options {
			v := number(t.Value)
			if t.Bool {
				v = boolean(t.Value != 0)
			}
			m.Content = append(m.Content, str(t.Name), v)
		}
		checks.Content = append(checks.Content, str(ch.Name), m)
	}
	add("checks", checks)
	var gl []string
	for _, g := range c.Glossary {
		if rel, err := filepath.Rel(dir, g); err == nil && filepath.IsLocal(rel) {
			g = rel
		}
		gl = append(gl, filepath.ToSlash(g))
	}
	add("glossary", list(gl))
	add("include", list(c.Include))
	add("exclude", list(c.Exclude))
	pr := &yaml.Node{Kind: yaml.MappingNode}
	pr.Content = append(pr.Content,
		str("zh-tags"), list(c.Pairing.ZhTags), str("en-tags"), list(c.Pairing.EnTags),
		str("zh-dirs"), list(c.Pairing.ZhDirs), str("en-dirs"), list(c.Pairing.EnDirs),
		str("interleaved"), boolean(c.Pairing.Interleaved))
	add("pairing", pr)
	add("furniture", list(c.Furniture))
	var b bytes.Buffer
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(&yaml.Node{Kind: yaml.DocumentNode, Content: []*yaml.Node{root}}); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

func str(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func boolean(b bool) *yaml.Node {
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: strconv.FormatBool(b)}
}

func number(f float64) *yaml.Node {
	v := strconv.FormatFloat(f, 'g', -1, 64)
	tag := "!!float"
	if _, err := strconv.Atoi(v); err == nil {
		tag = "!!int"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: v}
}

func list(s []string) *yaml.Node {
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, x := range s {
		n.Content = append(n.Content, str(x))
	}
	return n
}
