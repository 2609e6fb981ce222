package numerals

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFootnoteCalls: footnote calls glued to English text are no numbers;
// numbers that look like them are kept.
func TestFootnoteCalls(t *testing.T) {
	for _, c := range []struct {
		text string
		want []string // the numbers read, as written
	}{
		{"barely cracked two percent.133 The dollar", []string{"two percent"}},
		{"in October 2020.135,136 U.S. sanctions", []string{"October", "2020"}},
		{"in 2019.134 The rial", []string{"2019"}},
		{"Gross Domestic Product (GDP).16,17 Despite", []string{}},
		{"the Chinese Dream of national rejuvenation.”157 Xi", []string{}},
		{"with China was a given.2", []string{}},
		{"have the dominant position.”*12 Examination", []string{}},
		{"cases rose 5%.12 Then", []string{"5%"}},
		{"the island chain70 and beyond", []string{}},
		// kept
		{"promulgated by Order No.9 of the Chairman", []string{"9"}},
		{"as p.45 shows", []string{"45"}},
		{"grew 3.5 percent", []string{"3.5 percent"}},
		{"1,000 people", []string{"1,000"}},
		{"about 12,500 people", []string{"about 12,500"}},
		{"on May 5, 2020.", []string{"May 5, 2020"}},
		{"The 2020 report.", []string{"2020"}},
		{"Boeing 737 MAX", []string{"737"}},
		{"It fell by 2.5 in 2019, 3 in 2020.", []string{"2.5", "2019", "3", "2020"}},
		{"Teams of 5, 6 and 7 members", []string{"5", "6", "7"}},
		{"the (GDP) 16 percent", []string{"16 percent"}},
	} {
		got := []string{}
		for _, n := range English(c.text) {
			got = append(got, n.Text)
		}
		assert.Equal(t, c.want, got, c.text)
	}
}
