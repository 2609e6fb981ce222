package lexicon

// Accessors only the tests use.

// Has reports whether zh is a headword.
func (l *Lexicon) Has(zh string) bool {
	return l.heads.Find(zh) >= 0
}

// NumWords returns the number of distinct English gloss words; ids run from
// 0 to NumWords()-1.
func (l *Lexicon) NumWords() int { return len(l.idf) }

// NumHeadwords returns the number of Chinese headwords, simplified and
// traditional counted apart.
func (l *Lexicon) NumHeadwords() int { return l.heads.Len() }

// MaxWordLen returns the length of the longest headword in runes, for
// dictionary max-match lookups.
func (l *Lexicon) MaxWordLen() int { return l.maxLen }
