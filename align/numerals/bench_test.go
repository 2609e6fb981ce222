package numerals

import (
	"os"
	"strings"
	"testing"

	"github.com/aligncheck/aligncheck/align/lang"
	"github.com/stretchr/testify/require"
)

var benchZh = strings.Repeat("党的二十大报告提出，2022年11月24日至26日，14亿多中国人民的满意度达98.62%，新增250万个岗位，统一战线一带一路之一。（一）推进国家安全体系。", 50)
var benchEn = strings.Repeat("The 20th National Congress reported that on November 24 to 26, 2022, more than 1.4 billion people reached 98.62 percent; one of the 2.5 million jobs. (1) Modernize the system. ", 50)

func BenchmarkChinese(b *testing.B) {
	b.SetBytes(int64(len(benchZh)))
	for b.Loop() {
		Chinese(benchZh)
	}
}

func BenchmarkEnglish(b *testing.B) {
	b.SetBytes(int64(len(benchEn)))
	for b.Loop() {
		English(benchEn)
	}
}

func BenchmarkAll(b *testing.B) {
	b.SetBytes(int64(len(benchZh)))
	for b.Loop() {
		All(benchZh)
	}
}

// benchProse is English prose as the aligner meets it, sentence by
// sentence: "the" everywhere, a few figures, no spoken date.
var benchProse = strings.Split(strings.Repeat("The committee said the plan would cut the cost of the program by 12 percent over the next decade. "+
	"Officials in the region expect the number of visitors to rise as the economy recovers. "+
	"In 2023 the government spent 3.2 billion dollars on the roads, the bridges and the ports of the country. ", 20), ". ")

// BenchmarkEnglishProse: numbers of English sentences that have "the"
// and digits but no "January the 20th" (the case the cheap test before the
// spoken-date expression spares).
func BenchmarkEnglishProse(b *testing.B) {
	n := 0
	for _, s := range benchProse {
		n += len(s)
	}
	b.SetBytes(int64(n))
	for b.Loop() {
		for _, s := range benchProse {
			English(s)
		}
	}
}

// referenceTexts are the lines of the reference document of one script
// (Han or not) and their sentences, as the aligner and the checks read them:
// block by block and sentence by sentence.
func referenceTexts(b *testing.B, han bool) (texts []string, size int64) {
	data, err := os.ReadFile("../../testdata/csis-modernizing-national-security.interleaved.txt")
	require.NoError(b, err)
	for _, line := range strings.Split(string(data), "\n") {
		if c := lang.Count(line); line == "" || (c.Han > c.Latin) != han {
			continue
		}
		texts = append(texts, line)
		for _, sp := range lang.Split(line) {
			texts = append(texts, line[sp.Start:sp.End])
		}
	}
	for _, s := range texts {
		size += int64(len(s))
	}
	return texts, size
}

func BenchmarkEnglishReference(b *testing.B) {
	texts, size := referenceTexts(b, false)
	b.SetBytes(size)
	for b.Loop() {
		for _, s := range texts {
			English(s)
		}
	}
}

func BenchmarkChineseReference(b *testing.B) {
	texts, size := referenceTexts(b, true)
	b.SetBytes(size)
	for b.Loop() {
		for _, s := range texts {
			Chinese(s)
		}
	}
}

func BenchmarkAllReference(b *testing.B) {
	texts, size := referenceTexts(b, false)
	b.SetBytes(size)
	for b.Loop() {
		for _, s := range texts {
			All(s)
		}
	}
}
