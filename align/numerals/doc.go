// Package numerals finds numbers, dates, percentages and list enumerators in
// Chinese and English text and normalises them so that the two sides of an
// aligned pair can be compared. Every result carries its exact byte span
// (Text == input[Start:End]). The functions are pure (no I/O, no mutable
// package state) and safe for concurrent use. Numbers and enumerators are
// read from the raw text with a scanner of their own, never from word tokens.
//
// # Enumerators
//
// Leading reads the marker that opens a paragraph; All reads every marker
// inside a text; Same compares two markers across languages. Forms:
//
//	(一) （十二）        StyleParenHan     level 2
//	一、 二十、          StyleHanComma     level 1
//	第三条 第二章 第一节 第一部分 第二编   StyleArticleHan   条/节 2, 章/编/部分 1
//	(1) （１） ⑴         StyleParenDigit   level 2
//	1. 1、 1) １． ⒈     StyleDigitDot     level 2
//	① … ⑳ ㉑ … ㊿        StyleCircled      level 3
//	I. II. (IV) Ⅱ、      StyleRoman        upper case 1, lower case 3
//	(a) a) A.            StyleLetter       level 3
//	Article 3, Chapter III, Section 2, Part One   StyleArticle  Article/Section 2, Chapter/Part 1
//	First, Secondly: 第一， 其二， 首先，  StyleOrdinalWord  level 0 (not an outline level)
//
// To keep false positives down:
//
//   - values above 200 are not markers (years: "2022.", "(2022)", （二〇二二）),
//     nor is 0; 第X条 and Article N go to 999;
//   - "3.2", "1. 4 billion", "1.x" are not "N." markers, and "N." "A." "II."
//     are only taken at the start of a line (or, in All, after Chinese
//     sentence punctuation), never after an English full stop;
//   - inline "2)" "b)" "2、" need a line start or clause punctuation before
//     them, and no digit after them (1、3、5分钟 is a list of numbers);
//   - 一、 needs a non-letter before it (统一、 is not a marker) and no numeral
//     after it (三、四月份);
//   - Roman numerals use I V X L only (up to LXXXIX), in one case; single
//     letters other than I, V, X are letters; "I" alone (the pronoun) is never
//     a marker; "A." needs a following capital, and a run of initials
//     ("J. K. Rowling") is refused;
//   - "(1)" right after a letter or digit is a call or a footnote: f(1),
//     word(s), 5(1);
//   - ordinal words need a following comma or colon and a sentence start.
//
// Same requires equal values and compatible levels: equal levels, or a
// Latin-script marker ("1." "(1)" "(a)" "(i)") facing a Chinese or circled
// marker one level away. Ordinal words only match ordinal words, and two
// headings must name the same unit (第三章 = Chapter 3, not Article 3).
//
// # Numbers
//
// Chinese and English return numbers in order, without overlaps. Each has a
// normalised Value (14亿 → 1.4e9, 98.62% → 98.62), Hi for ranges, a Kind, an
// Approx word and, for dates, a Date. Spelled marks numbers written in words
// (二十, "five"), which a check may treat more leniently.
//
// Numbers that overlap an enumerator found by All ("(1)", "(十一)", "第三条",
// "Article 3", "First,") are left out: they belong to the numbering check.
// Digits glued to Latin letters (COVID-19, G20, 5G, H7N9, F-35), times
// (10:30) and versions (3.2.1) are left out too: they belong to a names check.
//
// When a Chinese numeral counts. Chinese numerals sit inside ordinary words
// (一些, 统一, 之一, 一带一路, 十分, 万一, 千方百计), so a run of numeral
// characters is only taken when
//
//   - it is followed by a magnitude, a measure word or unit (个 人 项 年 月 日
//     倍 …), a percent or date mark, 大/届/中全会 (congress style), 成
//     (tenths) or 分之 (fractions), or
//   - it follows 第 (ordinal) or 百分之 (percent), or
//   - it is a structured number of two or more characters (十八, 二十, 一百零五).
//
// A lone 一 is taken only before a time unit or 倍 (一年, 一倍), as a month
// (一月), or with % / 成: elsewhere it is the article "a" (一项任务). A run
// may not start with 百 千 万 亿 (百姓, 千万不要), nor be digit-by-digit
// (五四, 十四五) unless it is a year (二〇二二年). The English side mirrors
// the 一 rule: "one" counts only before a time unit, a magnitude, percent or
// a fraction, or in a list or range of numbers ("one, three, five";
// "one to two"), never as a pronoun or article (one of, no one, one another,
// one-China).
//
// Kinds. Year: a four-digit 1000–2100 followed by 年, and in English any bare
// four-digit integer in that range (Equal treats year and cardinal alike).
// Date: M月D日, Y年M月D日, day ranges 8日至10日; "November 24, 2022",
// "24 November 2022", "Nov. 24", "December 8 to 10"; a month alone in
// English only after "in", "since", "by" and the like (May and March are
// otherwise verbs). For dates Value is Year*10000+Month*100+Day. Weekday:
// 周五, 星期五, 礼拜五, "Friday" (Value 1 = Monday … 7 = Sunday). Ordinal:
// 第三, 二十大, 二十届, 三中全会, "third", "20th". Percent: %, 百分之, 千分之
// (as 0.x percent), 三成 (30), "percent", "per cent". Points: 个百分点,
// "percentage points". Fraction: 三分之二, "two-thirds", "a third of".
//
// Approximations are normalised to ApproxMore, ApproxAbout, ApproxNearly,
// ApproxLess and ApproxMany, and included in Text when adjacent:
//
//	more    多 余 以上 超过 逾 超 至少 上万 / more than, over, above, at least, or more, -plus
//	about   约 大约 左右 上下 / about, around, roughly, approximately, some, or so
//	nearly  近 将近 接近 / nearly, almost, close to
//	less    不到 不足 少于 以下 以内 / less than, fewer than, under, below, up to
//	many    数十 几百 数万 成千上万 数以万计 / dozens, hundreds of, tens of thousands, decades
//
// 近 before a period (近5年) means "the past five years" and is not an
// approximation. ApproxMany values hold only the magnitude (数万 = 1e4,
// "dozens" = 12); Equal compares them by order of magnitude and a check
// should tolerate them. "two decades" is 20 with ApproxAbout.
//
// Ranges: X至Y, X到Y, X-Y, X—Y, X~Y; "X to Y", "X-Y", "between X and Y",
// "from X to Y". A magnitude or percent written only on the second end
// applies to both (138至143亿, "13.8-14.3 billion", "5-8%"). A change written
// with a verb (从5增加到8) gives two numbers in Chinese, while "from 5 to 8"
// gives a range in English; a check should compare a range with two numbers
// by its ends.
//
// Equal: same kind family (cardinal, ordinal and year together; percent,
// points, fraction, date and weekday each alone), Value and Hi within a
// relative 1e-9, dates field by field with a missing year or month matching
// anything. Approx is not compared.
package numerals
