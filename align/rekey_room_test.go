package align

import (
	"slices"
	"testing"
)

// TestRekeyRoomNotShared: a rekey in which one sentence has let its lists
// go while the others keep theirs gives it room of its own, not the
// shared array the others' lists are in (which would overwrite them).
// Today every sentence needs room at a bead's first rekey and none at its
// second; this holds the rule for a caller that mixes them.
func TestRekeyRoomNotShared(t *testing.T) {
	gl := lexOpt(t).Lex.(Glosser)
	zh := []string{"去年全省农业领域共有代表出席会议。", "教育方面的投入比前年增加。", "其中项目来自基层医疗交通。"}
	en := []string{"Last year delegates from agriculture attended the meeting.", "Spending on education rose.", "Of the projects, some came from health care and transport."}
	zf, ef, v := sentFeatures(zh, en, gl)
	clone := func() (keys [][][]uint32, ids [][]uint32) {
		for _, f := range zf {
			var ks [][]uint32
			for _, k := range f.keys {
				ks = append(ks, slices.Clone(k))
			}
			keys = append(keys, ks)
		}
		for _, f := range ef {
			ids = append(ids, slices.Clone(f.ids))
		}
		return keys, ids
	}
	wantKeys, wantIDs := clone()
	zl, el := len(zf)-1, len(ef)-1
	if len(zf[0].keys) == 0 || len(zf[zl].types) == 0 || len(ef[0].ids) == 0 || len(ef[el].types) == 0 {
		t.Fatal("the test's sentences need keys and types on both sides")
	}
	zf[zl].keys, zf[zl].wts = nil, nil
	ef[el].ids, ef[el].wts = nil, nil
	v.rekey(zf, ef)
	gotKeys, gotIDs := clone()
	for i := range wantKeys {
		if len(gotKeys[i]) != len(wantKeys[i]) {
			t.Fatalf("Chinese sentence %d: %d key lists after the rekey, want %d", i, len(gotKeys[i]), len(wantKeys[i]))
		}
		for k := range wantKeys[i] {
			if !slices.Equal(gotKeys[i][k], wantKeys[i][k]) {
				t.Errorf("Chinese sentence %d, list %d: %v after the rekey, want %v", i, k, gotKeys[i][k], wantKeys[i][k])
			}
		}
	}
	for j := range wantIDs {
		if !slices.Equal(gotIDs[j], wantIDs[j]) {
			t.Errorf("English sentence %d: ids %v after the rekey, want %v", j, gotIDs[j], wantIDs[j])
		}
	}
	if &zf[0].keys[0] == &zf[zl].keys[0] {
		t.Errorf("Chinese sentences 0 and %d share their key lists' array", zl)
	}
	if len(ef[el].ids) > 0 && &ef[0].ids[0] == &ef[el].ids[0] {
		t.Errorf("English sentences 0 and %d share their ids' array", el)
	}
}
