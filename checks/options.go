package checks

import "strconv"

// OptionType is the type of an option's value.
type OptionType string

const (
	Real    OptionType = "number"        // any number
	Integer OptionType = "whole number"  // a number without a fraction
	Boolean OptionType = "true or false" // held as 1 or 0
)

// Option is one setting of a check that configuration can change, in
// .aligncheck.yaml under the check's name (checks: {length: {z: 4}}). A
// check declares its options on its value with their type, default and
// documentation, as go/analysis declares an analyzer's flags: config
// validates against the declarations, `aligncheck explain` prints them,
// and the check reads the value through its Pass (Pass.Float, Pass.Int,
// Pass.Bool).
// The check's Doc names each as CHECK.NAME with its default; a test holds
// the two to each other.
type Option struct {
	Name    string
	Type    OptionType
	Default float64
	Doc     string
}

// DefaultString is the default as configuration writes it.
func (o *Option) DefaultString() string {
	if o.Type == Boolean {
		return strconv.FormatBool(o.Default != 0)
	}
	return strconv.FormatFloat(o.Default, 'g', -1, 64)
}

// Option returns one of the check's options by name; nil if it declares
// none of that name.
func (c *Check) Option(name string) *Option {
	for _, o := range c.Options {
		if o.Name == name {
			return o
		}
	}
	return nil
}

// Value returns the value of an option of check c: the configured one, or
// the option's default.
func (s *Settings) Value(c *Check, o *Option) float64 {
	if s != nil {
		if v, ok := s.Options[c.Name+"."+o.Name]; ok {
			return v
		}
	}
	return o.Default
}

// Float returns the value of one of the pass's check's options.
func (p *Pass) Float(o *Option) float64 { return p.Settings.Value(p.Check, o) }

// Int returns the value of one of the pass's check's options of type
// Integer.
func (p *Pass) Int(o *Option) int { return int(p.Settings.Value(p.Check, o)) }

// Bool returns the value of one of the pass's check's options of type
// Boolean.
func (p *Pass) Bool(o *Option) bool { return p.Settings.Value(p.Check, o) != 0 }
