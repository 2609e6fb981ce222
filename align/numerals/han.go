package numerals

import "unicode/utf8"

// digitValue returns the value of an ASCII or full-width decimal digit.
func digitValue(r rune) (int, bool) {
	switch {
	case r >= '0' && r <= '9':
		return int(r - '0'), true
	case r >= '０' && r <= '９':
		return int(r - '０'), true
	}
	return 0, false
}

func isDigit(r rune) bool {
	_, ok := digitValue(r)
	return ok
}

// hanDigit returns the value of a Chinese numeral digit (零〇一二两三…九).
func hanDigit(r rune) (int, bool) {
	switch r {
	case '零', '〇', '○': // ○ (a white circle) is often typed for 〇
		return 0, true
	case '一':
		return 1, true
	case '二', '两':
		return 2, true
	case '三':
		return 3, true
	case '四':
		return 4, true
	case '五':
		return 5, true
	case '六':
		return 6, true
	case '七':
		return 7, true
	case '八':
		return 8, true
	case '九':
		return 9, true
	}
	return 0, false
}

// hanUnit returns the multiplier of a Chinese numeral unit (十百千万亿).
func hanUnit(r rune) (int64, bool) {
	switch r {
	case '十':
		return 10, true
	case '百':
		return 100, true
	case '千':
		return 1000, true
	case '万':
		return 10000, true
	case '亿':
		return 100000000, true
	}
	return 0, false
}

func isHanNumeral(r rune) bool {
	if _, ok := hanDigit(r); ok {
		return true
	}
	_, ok := hanUnit(r)
	return ok
}

// scanDigits reads a run of ASCII or full-width digits starting at i and
// returns its value and end offset. ok is false when there is no digit or the
// run is too long to be an enumerator or small integer (more than 9 digits).
func scanDigits(s string, i int) (val int, end int, ok bool) {
	end = i
	n := 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		d, isD := digitValue(r)
		if !isD {
			break
		}
		n++
		if n <= 9 {
			val = val*10 + d
		}
		end += size
	}
	return val, end, n > 0 && n <= 9
}

// scanHan returns the end of the maximal run of Chinese numeral characters
// (digits and units) starting at i.
func scanHan(s string, i int) int {
	end := i
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !isHanNumeral(r) {
			break
		}
		end += size
	}
	return end
}

// parseHan parses a run of Chinese numerals: positional forms with units
// (十二, 二十一, 一百零五, 三千五百万, 一亿三千万, 一万亿), the colloquial elision
// of the unit after the last digit (一万五 = 15000, 三千五 = 3500), and
// digit-by-digit forms without units (二〇二二 = 2022). Runs that are not one
// well-formed number, such as 三四十 ("thirty or forty") or 十百, are rejected.
func parseHan(s string) (int64, bool) {
	runes := []rune(s)
	if len(runes) == 0 {
		return 0, false
	}
	hasUnit := false
	for _, r := range runes {
		if _, ok := hanUnit(r); ok {
			hasUnit = true
			break
		}
	}
	if !hasUnit {
		if len(runes) > 16 {
			return 0, false
		}
		var v int64
		for _, r := range runes {
			if r == '两' && len(runes) > 1 {
				return 0, false
			}
			d, ok := hanDigit(r)
			if !ok {
				return 0, false
			}
			v = v*10 + int64(d)
		}
		return v, true
	}
	var (
		total, wan, sec int64
		num             int64 = -1 // pending digit, -1 when none
		lastUnit        int64      // unit just before the pending digit
		zero            bool       // a 零 since the last unit
		secCeil         int64 = 10000
	)
	for i, r := range runes {
		if d, ok := hanDigit(r); ok {
			if d == 0 {
				if num >= 0 || i == 0 {
					return 0, false
				}
				zero = true
				continue
			}
			if num >= 0 {
				return 0, false
			}
			num = int64(d)
			continue
		}
		u, _ := hanUnit(r)
		switch u {
		case 10, 100, 1000:
			if u >= secCeil {
				return 0, false
			}
			if num < 0 {
				// A bare 十 opens a section (十二, 一万十五 is odd but readable);
				// a bare 百 or 千 only opens the whole number (百万, 千亿).
				// 一百十一 (Taiwan usage for 一百一十一) also lets 十
				// follow 百 bare.
				_, digitFirst := hanDigit(runes[0])
				if !(u == 10 && (sec == 0 || secCeil == 100 && digitFirst)) && i != 0 {
					return 0, false
				}
				num = 1
			}
			sec += num * u
			secCeil = u
		case 10000:
			if wan != 0 {
				return 0, false
			}
			v := sec + max(num, 0)
			if v == 0 {
				if i != 0 {
					return 0, false
				}
				v = 1
			}
			wan, sec, secCeil = v*10000, 0, 10000
		case 100000000:
			if total != 0 {
				return 0, false
			}
			v := wan + sec + max(num, 0)
			if v == 0 {
				if i != 0 {
					return 0, false
				}
				v = 1
			}
			if v >= 1e9 {
				return 0, false
			}
			total, wan, sec, secCeil = v*100000000, 0, 0, 10000
		}
		num, lastUnit, zero = -1, u, false
	}
	if num >= 0 && !zero && lastUnit >= 100 {
		num *= lastUnit / 10 // 一万五, 三千五, 两百五
	}
	return total + wan + sec + max(num, 0), true
}
