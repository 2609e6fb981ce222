// Package numerals finds numbers, dates, percentages and list enumerators in
// Chinese and English text and normalises them so that the two sides of an
// aligned pair can be compared. Every result carries its exact byte span
// (Text == input[Start:End]). The functions are pure (no I/O, no mutable
// package state) and safe for concurrent use. Numbers and enumerators are
// read from the raw text with a scanner of their own, never from word tokens.
//
// Traditional and simplified characters are read alike (萬 = 万, 億 = 亿,
// 條 = 条, 個 = 个: the characters the scanners look for are folded, which
// keeps every byte offset), and so are the capital numerals of financial
// and legal writing (壹 贰 叁 肆 柒 捌 玖 拾 佰 仟; not 伍 陆 参, which are
// common words). ○ is read as 〇.
//
// # Enumerators
//
// Leading reads the marker that opens a paragraph; All reads every marker
// inside a text; Same compares two markers across languages; Follows says
// whether one may follow another in a numbering series. Forms:
//
//	(一) （十二）        StyleParenHan     level 2
//	一、 二十、          StyleHanComma     level 1
//	一　每縣市  六  省農林 (a numeral, then an ideographic space or two blanks, at a line start)
//	                    StyleHanComma     level 1
//	甲、 乙、 （丙）      StyleStem         level 3 (the Heavenly Stems)
//	第三条 第 1 條       StyleArticleHan   level 2, unit article
//	第二章 第 五 章      StyleChapterHan   level 1, unit chapter
//	第一节              StyleSectionHan   level 2, unit section
//	第二编 第一部分 第一篇 StylePartHan     level 1, unit part
//	第一款 第二项 第三目   StyleClauseHan    level 3, unit clause
//	(1) （１） ⑴         StyleParenDigit   level 2
//	1. 1、 1) １． ⒈     StyleDigitDot     level 2
//	① … ⑳ ㉑ … ㊿        StyleCircled      level 3
//	I. II. (IV) Ⅱ、      StyleRoman        upper case 1, lower case 3
//	(a) a) A.            StyleLetter       level 3
//	Article 3, Art. 3    StyleArticle      level 2, unit article
//	Chapter III          StyleChapter      level 1, unit chapter
//	Section 2, Sec. 2    StyleSection      level 2, unit section
//	Part IV, Book One    StylePart         level 1, unit part
//	Paragraph 3, Subparagraph 4, Item 5, Clause 6   StyleClause   level 3, unit clause
//	First, Secondly: 第一， 其二， 首先， 一是  StyleOrdinalWord  level 0 (not an outline level)
//	2.3 5.1.2 (at a line start or after a heading, then text)  StyleDecimal  level = depth; All only
//
// Each heading unit has a style of its own, so that articles numbered
// across chapters are one series and chapters another. Blanks may stand
// inside a Chinese heading (第 1 條, 第 一 章: Taiwan's laws set them so).
// An inserted unit has a Sub: 第十條之一, 第 1 條之 1, 第 15-1 條 and
// "Article 15-1" are Value 10 or 15 with Sub 1 (a second number larger than
// the first, 第 12-14 條, is a range, not a Sub). "Article 6.1" (paragraph 1
// of Article 6, as some translations write it) is Article 6.
//
// To keep false positives down:
//
//   - values above 200 are not markers (years: "2022.", "(2022)", （二〇二二）),
//     nor is 0; headings go to 999;
//   - "3.2", "1. 4 billion", "1.x" are not "N." markers, and "N." "A." "II."
//     are only taken at the start of a line (or, in All, after Chinese
//     sentence punctuation), never after an English full stop; at a line
//     start "1.more than half" and "9.a copy" (a lower-case word typed
//     without a space) are markers, and so is "IV.Violate"; in All, "N."
//     after a semicolon or colon and before a capital is an inline list
//     item (": 1. Contract employees; 2. Stationed police");
//   - inline "2)" "b)" "2、" need a line start or clause punctuation before
//     them, and no digit after them (1、3、5分钟 is a list of numbers);
//   - 一、 needs a non-letter before it (统一、 is not a marker); in running
//     text no numeral may follow it (三、四月份); at a line start only the
//     next numeral may not (三、四月份 again, while 二、二级机关 is item 2),
//     and digits may (一、2023年工作回顾);
//   - a numeral followed by a single ASCII space is not a marker: that is
//     how word-segmented corpora write 一 带 一 路;
//   - Roman numerals use I V X L only (up to LXXXIX), in one case; single
//     letters other than I, V, X are letters; "I" alone (the pronoun) is never
//     a marker; "A." needs a following capital, and a run of initials
//     ("J. K. Rowling") is refused;
//   - "(1)" right after a letter or digit is a call or a footnote: f(1),
//     word(s), 5(1);
//   - ordinal words need a following comma or colon and a sentence start;
//     一是 … 十是 need a line start or clause punctuation before them, and
//     一是一，二是二 (an idiom) is refused;
//   - a Stem needs a line start or clause punctuation and 、 or a dot after
//     it (甲方, 甲级 are words);
//   - 第X款, 第X项, 第X目 are headings only before a blank, punctuation or
//     the end, or after a larger unit (第十条第一款): 第一项任务 is "the
//     first task" and 项目 a project;
//   - the English abbreviations need their dot ("Sec. 2", "Art. 5"); the
//     clause words and the plurals are taken in lower case too
//     ("subparagraphs 1 to 4 of Article 9").
//
// Leading takes no decimal outline number and no heading numbered N.M
// ("Paragraph 4.2", "Article 6.1"): some translations label paragraphs so
// where the Chinese numbers none, and Same has nothing to compare them
// with. It takes a heading that opens a sentence as a reference rather than
// as the paragraph's heading when a reference follows it: in Chinese 第,
// 规定, 之, 所, 的, 中, 以 (第六條規定之勞工, 第十條第一項規定) or a list
// separator before another number (第一項、第二項, 第 5、6 條; but 第四条、一般
// 规定 is a heading); in English a comma or a reference word ("Article 6
// shall apply", "Paragraph 2 of Article 5"; any other lower-case word may
// open a heading's text, "Article 10 the marriage shall be invalid if:").
//
// All reads lists of references as one enumerator per number, of the
// heading's unit: "Articles 107, 108, 109 and 110", "Articles 6.1, 20.2,
// or 23", 第 3、9、12～14、16、22 條 (whose unit follows the last number:
// that member's span takes it in), 第 5-1、9-1～9-4 條, 第 7、8 及第 10 條.
//
// Same requires equal values and subs and compatible levels: equal levels,
// or a Latin-script marker ("1." "(1)" "(a)" "(i)") facing a Chinese,
// circled or Stem marker one level away. Ordinal words match ordinal words
// (一是, 第一，, 首先， = "First,"), and an English ordinal word also matches
// (一) and 一、: a report's English opens its numbered points with "First,"
// "Second,". Two headings must name the same unit (第三章 = Chapter 3, not
// Article 3), except that English "Section" also renders 第X条 (the
// article-level unit of Hong Kong, British and American legislation: 第3条
// = "section 3") and 第X部分 (an executive order's sections rendered as
// parts). A clause heading ("Subparagraph 4", 第四款) matches a list marker
// of the same value on the other side (四、, (四), ④, 4.): a law's English
// names the unit that its Chinese only numbers.
//
// Follows(prev, next) is true for the next value, a restart at 1, an
// inserted unit after its base or after the inserted unit before it
// (48 → 48-1 → 48-2) and the unit after an inserted one (48-5 → 49). A
// sequence check should key its series by Series (the Style, letters and
// Roman numerals split by case: (a) (b) and (A) (B) are two series) and
// warn only when Follows is false.
//
// # Numbers
//
// Chinese and English return numbers in order, without overlaps. Each has a
// normalised Value (14亿 → 1.4e9, 98.62% → 98.62), Hi for ranges, a Kind, an
// Approx word and, for dates, a Date. Spelled marks numbers written in words
// (二十, "five"), which a check may treat more leniently. Unit is the unit
// of measure written after it, if known (see Units), and Read says how it
// was read (see Evidence).
//
// Numbers that overlap an enumerator found by All ("(1)", "(十一)", "第三条",
// "Article 3", "Articles 5 and 6", "First,") are left out: they belong to
// the numbering check. Digits glued to Latin letters (COVID-19, G20, 5G,
// H7N9, F-35), times (10:30) and versions (3.2.1) are left out too: they
// belong to a names check. So are the inline tag placeholders of
// translation memories and message formats ({1}, {/1}, {1/}, <1>, </1>,
// %1), footnote calls (an integer glued to closing punctuation glued to a
// word or a year: "challenge.54 To", "Leninism.”134", "in 2019.134 Despite";
// and an integer of up to three digits between a sentence's end and a
// capitalised word: "the West. 142 These include", since style guides do
// not open a sentence with digits), the numbers of speaker labels at a
// line start ("Speaker 10:"), and the names "24/7" and "9/11".
//
// Blanks inside a Chinese number are ignored ("12 月 24 日", "近 300 万",
// "全文 12 條"), except before a digit, where they separate two numbers
// (十  二省以上: item 10, then "two provinces"); a space between groups of
// three digits is a thousands separator (4 000人, 1 000 000元). ‧ (U+2027)
// is a decimal point as 点 is (百分之二‧六 = 2.6%, ○‧○七毫米 = 0.07 mm; a
// decimal written with ‧ needs no measure word), and 零 may open a decimal
// (零点五). Scientific notation is read on both sides: "1.85E+11", "3.7 ×
// 10^10", 3.7×10¹⁰, and 1.85 ×1011 where a superscript was flattened in
// copying (the one or two digits after 10 are the exponent; ReadGuess).
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
// (一月), or with % / 成: elsewhere it is the article "a" (一项任务); a lone
// 一日 is "one day" (前一日 "the day before"), not the 1st. Legal Chinese
// writes N月 for N months before a bound (处六月以上五年以下有期徒刑): a count,
// not June. A bare numeral may open a range whose second end has the
// measure word (三至五年 = 3 to 5 years). A run
// may not start with 百 千 万 亿 (百姓, 千万不要), nor be digit-by-digit
// (五四, 十四五) unless it is a year (二〇二二年). The English side mirrors
// the 一 rule: "one" counts only before a time unit, a magnitude, percent or
// a fraction, or in a list or range of numbers ("one, three, five";
// "one to two", "one and a half"), never as a pronoun or article (one of,
// no one, one another, one-China).
//
// Idioms and names. A four-character idiom of the frame 数X数Y (四面八方,
// 三番五次, 五湖四海, 三心二意, 十全十美, 一心一意) holds no figure and gives
// no number, unless both X and Y are measure words (两年一次, 三省一市, 五年一届
// keep their counts) or X joins two numerals into one number, a range, a
// ratio or a sum (一点五, 三至五年, 五比一, 九成九: 点 比 成 分 至 到 或 和 与 及
// 乘 除 加 减 又 多 余 几 之 半 对). A number inside a short quotation or title (at most
// ten characters between the marks: “十三五”, “两个一百年”, 《2022年报告》) is
// a figure, flagged ReadName: a translation may render the name instead.
// InFixedExpression and WithoutFixedExpressions go further with a
// dictionary the caller supplies (Glosses; the checks use the embedded
// CC-CEDICT lexicon, which this package does not import): a number inside a
// headword of four to six characters whose glosses name no number (一天到晚
// "all day long", 一夜之间 "overnight") is not a figure. English round
// numbers in words, "a thousand" and "ten thousand", are flagged ReadGuess:
// they are often figures of speech.
//
// Kinds. Year: a four-digit 1000–2100 followed by 年, and in English any bare
// four-digit integer in that range (Equal treats year and cardinal alike);
// N世纪M0年代 (20世纪70年代 = the 1970s); a year said in two parts in
// English ("Seventeen seventy-six", fifteen … twenty hundred, ReadGuess).
// Date: M月D日, Y年M月D日, day ranges 8日至10日; "November 24, 2022",
// "24 November 2022", "Nov. 24", "December 8 to 10", "the 18th of December
// 2015", "June, 19, 2002" (as typed), and the proclamation style "this
// twenty-second day of June, in the year of our Lord two thousand twenty"; a
// month alone in English only after "in", "since", "by" and the like (May
// and March are otherwise verbs). For dates Value is Year*10000+Month*100+Day.
// Weekday: 周五, 星期五, 礼拜五, "Friday" (Value 1 = Monday … 7 = Sunday).
// Ordinal: 第三, 二十大, 二十届, 三中全会, "third", "20th". Percent: %,
// 百分之, 千分之 (as 0.x percent), 三成 (30), "percent", "per cent", "a
// 6.7-percent rise". Points: 个百分点, "percentage points". Fraction: 三分之二,
// "two-thirds", "a third of". ID: a document, order or law number, 第N号
// (字第 09800015711 號, 国务院令第3号) and "No. N" / "No.N": counted with the
// cardinals by Equal, but a check should not treat one left over as a
// missing figure of the text.
//
// Minguo years (the calendar of the Republic of China, year 1 = 1912) are
// converted and flagged ReadMinguo: 中華民國三十六年 = 1947, 民國 99 年 =
// 2010, 中華民國九十九年一月一日 = 1 January 2010, 中华民国元年 = 1912; "the
// 110th year of the Republic of China" and "the 108th Year, Republic of
// China" = 2021 and 2019. Taiwan's texts name the era once and then write
// bare years; two such forms are read as Minguo too, flagged ReadGuess as
// well: a full date Y年M月D日 with a year of at most 200 (一百十一年一月四日 =
// 4 January 2022, 一零六年六月十三日), which no Gregorian or duration reading
// fits, and Y年度 with a year from 10 to 200 (一百零七年度 = 2018, a fiscal
// year; a count of years is written N年 or N个年度).
//
// Compound magnitudes. A larger magnitude after 多 or 余 multiplies the
// whole (4万多亿 = over 4 trillion, 3千多万 = over 30 million, 三千多万); a
// number ending in 亿 or 万 followed at once by a smaller number with a
// magnitude of its own is one number (1亿3千多万 = over 130 million, 75万7千 =
// 757,000, 3亿5000万; ReadJoined). 一百十一 is 111, as Taiwan writes it.
// English magnitudes in words: "half a million" (500,000), "a quarter of a
// million", "three quarters of a million", "one and a half billion", "two
// and a half million", "a million and a half", "two and a half years",
// "half a dozen"; a magnitude alone after per, every or each is one of
// it ("per million", "every hundred thousand": 每百万, 每十万人); a
// magnitude in words spreads over a range as one in
// digits does ("five to ten million"); the archaic scores of speeches and
// proclamations ("Fourscore and seven" = 87, "threescore and ten").
//
// Units. A unit written after a number (and its magnitude) is recorded in
// Unit: length (米 公尺 公里 千米 厘米 公分 毫米 英里 海里 英尺; metres,
// kilometres, km, miles, feet …), area (平方米 平方公里 公顷 亩 英亩; square
// kilometres, hectares, mu, acres), volume (立方米 公升 毫升; cubic metres,
// litres), mass (吨 公吨 公斤 千克 克 斤; tonnes, tons, metric tons,
// kilograms, jin), power (瓦 千瓦 兆瓦 吉瓦, 万千瓦 as a magnitude and 千瓦;
// watts, kilowatts, MW, GW) and energy (千瓦时; kWh, GWh, TWh). 吨 and
// "ton" are metric tonnes; 亩 is 1/15 hectare; 斤 half a kilogram. SI gives
// a number's value in the SI base unit of its dimension, Convert converts
// between units, UnitDimension names a unit's dimension.
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
// "from X to Y". A magnitude, percent or unit written only on the second
// end applies to both (138至143亿, "13.8-14.3 billion", "5-8%", "5 to 8
// kilometres"). A change written with a verb (从5增加到8) gives two numbers
// in Chinese, while "from 5 to 8" gives a range in English; a check should
// compare a range with two numbers by its ends.
//
// # Comparing
//
// Equal: same kind family (cardinal, ordinal, year and ID together; percent
// and fraction compared as percentages, 二分之一 = "50%"; points, date and
// weekday each alone), Value and Hi within a relative 1e-9, dates field by
// field with a missing year or month matching anything. Numbers in
// different units of one dimension are equal when they are the same
// quantity within the rounding of the converted figure: half a unit of the
// last digit of the finer one, or half a percent for rounded factors
// (20万千瓦 = "200 megawatts", 8000万亩 = "5.33 million hectares", 1.33万亿斤 =
// "665 million metric tons", 5公里 = "3.1 miles"). Approx is not compared.
//
// Compare grades agreement for a check: MatchExact (Equal, units not
// contradicting), MatchConverted (equal through a unit conversion, within
// rounding), MatchApprox (equal within an approximation, a range or a
// rounding) or MatchNone. Two exact figures agree only when equal,
// converted or rounded. Where an approximation is written, each number
// stands for an interval: its value or
// range when exact; with more (多, "over") up to one Step above (4万多亿 is
// 4 to 5 trillion); with nearly or less one Step below; with about one
// Step either side; a vague magnitude its whole order of magnitude.
// Overlapping intervals are MatchApprox (but a range and a single number
// never are: "from 52.6 to 58.5 percent" is not 52.6%); so is a figure of two or more
// significant digits that equals the other rounded to its last digit
// (13.86亿 / "1.4 billion", 三分之一 / "33%"; never 250 / "300"). Two numbers
// with units of one dimension are compared in SI units, so 5公里 against "5
// miles" is MatchNone though Equal (which compares values) says equal.
// Step is the place value of a number's last significant digit (1.33万亿 →
// 1e10, "130 million" → 1e7).
//
// # Evidence
//
// Read flags how a number was read: ReadWords (in words; mirrors Spelled),
// ReadMinguo (a converted Minguo year), ReadGuess (a bare Minguo year, a
// spoken English year, "a thousand"), ReadName (inside a short quoted
// name), ReadJoined (joined from parts). Confidence turns them into a
// figure from 1 down (words 0.7, Minguo 0.9, guess 0.5, name 0.4, vague
// magnitude 0.5, ID 0.6; factors multiply); PairConfidence takes the lower
// of two and lowers it for a converted (0.8) or approximate (0.7) match.
// Plain reports a number that is strong evidence alone: digits as written,
// no approximation, no flag, not an ID.
//
// How a numbers check should use this: match with Compare (anything but
// MatchNone is a match); report a difference as an error only when both
// numbers are Plain, otherwise as a warning at most, with PairConfidence
// as the finding's confidence; drop numbers inside fixed expressions with
// WithoutFixedExpressions; do not report a left-over KindID, ReadName or
// ReadGuess number as missing above info.
package numerals
