package checks

// registry is the one list of checks, in the order they run and are listed.
var registry = []*Check{
	Omission,
	Addition,
	OmissionPartial,
	AdditionPartial,
	Extra,
	Alignment,
	AlignmentMerged,
	AlignmentShift,
	AlignmentRepeated,
	Length,
	Numbering,
	NumberingMissing,
	NumberingSequence,
	Untranslated,
	Numbers,
	NumbersMissing,
	Terminology,
	TerminologyForbidden,
	Consistency,
	ConsistencyShared,
	Punctuation,
	PunctuationQuotes,
	Names,
	Format,
	FormatWhitespace,
	Tags,
	TagsOrder,
}

// Registry returns every check.
func Registry() []*Check { return registry }

// Lookup finds a check by name; nil if there is none.
func Lookup(name string) *Check {
	for _, c := range registry {
		if c.Name == name {
			return c
		}
	}
	return nil
}
