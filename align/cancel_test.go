package align

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// countdown is a context that is done after its Err was asked `left`
// times: a stop at a known point inside the DPs, whatever the machine's
// speed.
type countdown struct {
	context.Context
	left, asked atomic.Int32
	done        chan struct{}
}

func newCountdown(left int32) *countdown {
	c := &countdown{Context: context.Background(), done: make(chan struct{})}
	c.left.Store(left)
	return c
}

func (c *countdown) Done() <-chan struct{} { return c.done }

func (c *countdown) Err() error {
	c.asked.Add(1)
	if c.left.Add(-1) < 0 {
		return context.Canceled
	}
	return nil
}

// onePair is doc with all its paragraphs of each language in one block: a
// single paragraph bead, so that all the work is the sentence DP's.
func onePair(doc *Document) *Document {
	one := &Document{Name: doc.Name, Shape: TwoFiles}
	join := func(l Lang, blocks []*Block) (*Source, []*Block) {
		var parts []string
		for _, b := range blocks {
			parts = append(parts, b.Text)
		}
		text := strings.Join(parts, " ")
		src := NewSource(l.String()+".txt", text)
		return src, []*Block{{Lang: l, Src: src, End: len(text), Text: text}}
	}
	one.ZhSrc, one.Zh = join(Zh, doc.Zh)
	one.EnSrc, one.En = join(En, doc.En)
	one.Split()
	return one
}

func TestAlignContextStopsInsideTheDPs(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  *Document
	}{
		{"paragraph DP", numberedDoc(600, [2]int{250, 300})},
		{"sentence DP", onePair(numberedDoc(1500, [2]int{500, 520}))},
	} {
		t.Run(tc.name, func(t *testing.T) {
			ctx := newCountdown(3)
			a, err := AlignContext(ctx, tc.doc, Options{})
			assert.True(t, errors.Is(err, context.Canceled), "err = %v", err)
			assert.Nil(t, a)
			// the first look is AlignContext's own; the others are polls
			// from inside the loops
			assert.Equal(t, int32(4), ctx.asked.Load())
		})
	}
}

func TestAlignContextUndisturbedIsAlign(t *testing.T) {
	doc := numberedDoc(40, [2]int{10, 12})
	want := Align(doc, Options{})
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	got, err := AlignContext(ctx, doc, Options{})
	require.NoError(t, err)
	assert.Equal(t, len(want.Beads), len(got.Beads))
	for k := range want.Beads {
		assert.Equal(t, want.Beads[k].Zh, got.Beads[k].Zh)
		assert.Equal(t, want.Beads[k].En, got.Beads[k].En)
	}
}

func TestAlignContextDoneBefore(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := AlignContext(ctx, numberedDoc(5, [2]int{}), Options{})
	assert.ErrorIs(t, err, context.Canceled)
}
