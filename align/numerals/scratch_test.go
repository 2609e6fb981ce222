package numerals

import (
	"reflect"
	"strings"
	"testing"
)

// TestMatchQianMeasure: matchQianMeasure(s) is matchMeasure("千"+s), for
// the rest of every measure word and for texts that continue no measure.
func TestMatchQianMeasure(t *testing.T) {
	var texts []string
	for _, m := range zhMeasureList {
		for _, rest := range []string{m, strings.TrimPrefix(m, "千")} {
			texts = append(texts, rest, rest+"的", rest[:len(rest)-1])
		}
	}
	texts = append(texts, "", "克", "米以上", "瓦时", "人", "千克", "x")
	for _, s := range texts {
		if got, want := matchQianMeasure(s), matchMeasure("千"+s); got != want {
			t.Errorf("matchQianMeasure(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestGatheredNumbersKept: the numbers a text returns are its own, not the
// pooled slice they were gathered in, which the next text reuses.
func TestGatheredNumbersKept(t *testing.T) {
	zh := []string{"2020年增长了3.5%，达到1.4亿人。", "近 300 万元和 12 月 24 日", "没有数字"}
	en := []string{"In 2020 it grew by 3.5% to 140 million people.", "about 3 million yuan on December 24", "no numbers"}
	var zw, ew [][]Number
	for k := range zh {
		zw, ew = append(zw, Chinese(zh[k])), append(ew, English(en[k]))
	}
	for round := 0; round < 3; round++ {
		for k := range zh {
			z, e := Chinese(zh[k]), English(en[k])
			if !reflect.DeepEqual(z, zw[k]) || !reflect.DeepEqual(e, ew[k]) {
				t.Fatalf("text %d read again: %v %v, first %v %v", k, z, e, zw[k], ew[k])
			}
		}
	}
	if zw[2] != nil || ew[2] != nil {
		t.Errorf("a text without numbers: %v %v, want nil", zw[2], ew[2])
	}
	if len(zw[0]) < 2 || len(ew[0]) < 2 {
		t.Errorf("too few numbers read: %v %v", zw[0], ew[0])
	}
}
