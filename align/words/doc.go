// Package words aligns the words inside each sentence bead of an
// align.Alignment: which English words render which Chinese words. The
// model is learnt on the document itself, with the embedded CC-CEDICT
// lexicon as a prior, so it needs nothing beyond the binary.
//
// # Tokens
//
// The tokens are the package's own. Chinese is cut by forward maximum
// match over the lexicon's headwords of up to six characters (longer
// entries are idioms better linked part by part): on the gold set below it
// gave an alignment error rate 0.01 lower than the aligner's gse segmenter,
// and in the prototype it did better than the gold's own words. Runs of
// letters or digits are one token, keyed as in English, so that 2022 and
// COVID match their English twins. English tokens are lang.EnTokens'
// words, the possessive 's, and punctuation. Every punctuation mark is a
// token (Kind Punct) and links only to punctuation. Each token has a Kind
// (content, function, punctuation), a Key (the type the model learns:
// English stemmed) and the lexicon ids of its Glosses: for a Chinese word
// of three or more characters the glosses of the headwords inside it too,
// since CC-CEDICT glosses 动态清零 only as "zero-COVID". Its place (block,
// and offsets into the block's text: Pair.Place) lets a check quote and
// place any run of tokens (Doc.Span, Doc.SpanOf, Doc.Text). A token is 8
// bytes (a long document holds millions while the checks run): its Key,
// Glosses, text, place and length are read through its pair (Pair.Key,
// Pair.Glosses, Pair.Text, Pair.Place, Pair.Len), which knows the word
// types, their spellings and the blocks of the pairs aligned together.
//
// # Model
//
// IBM Model 1 with the diagonal-favouring distortion of fast_align (Dyer,
// Chahuneau & Smith, "A Simple, Fast, and Effective Reparameterization of
// IBM Model 2", NAACL 2013), both directions, trained together by EM with
// agreement (after Liang, Taskar & Klein, "Alignment by Agreement", NAACL
// 2006); the lexicon's word pairs get pseudo-counts. Each direction's best
// links are kept when they hold a quarter of the word's posterior, then
// symmetrised: Inter, the links both directions agree on (few and sure:
// for coverage), and GDF, grow-diag-final (Koehn, Och & Marcu 2003: more
// links, one word to several: for renderings of terms). See model.go for
// the details and Options for the parameters.
//
// The model is learnt per window of at most 8,192 sentence beads
// (windowBeads): a longer document is cut into windows of near-equal
// size, and each window's model — its cells, two bytes per word pair a
// bead may link and eight per pair kept once pruned, and its type
// tables — is learnt, read off and let go
// before the next, so that what the model holds is bounded whatever the
// document's length. Every real document the checks are measured on is
// one window (the longest of ../shared/data/parallel and realdocs has 876
// sentence beads, the reference document 140), and gets the links
// of the model learnt on all of it; a window of some 8,000 sentences is
// ample data for EM (the defaults were set on 150). Backing by repeated links (see
// Pair.Backed) counts the whole document's links, across windows.
//
// Measured on DeNero and Macherey's 150 hand-aligned news sentences
// (testdata/zh-en-word-alignment, scored as Och & Ney 2003 define it;
// `aligncheck eval --words --set testdata/zh-en-word-alignment`):
// intersection AER 0.282 (precision 0.873, recall 0.606), grow-diag-final
// AER 0.283 (0.673, 0.770). The defaults were chosen on that set — it is
// the tuning set, not an unseen one; around them the figures move little
// (scripts/words-grid.sh). Without the prior, EM on text this small is
// useless (AER above 0.6 in the prototype).
//
// # Use
//
// Of(a) computes the alignment of a document the first time a check asks
// for it and keeps it on the Alignment (Alignment.Memo); Align does the
// same work unremembered, AlignTexts on loose sentence pairs. Doc.Pairs
// holds a Pair per sentence bead, in bead order (Doc.Pair(b, s) is
// a.Beads[b].Sents[s]); a bead with one side empty has tokens and no
// links. The result is read-only; the functions are safe for concurrent
// use on different documents, deterministic (no map order, no randomness)
// and linear in the document (a bead longer than Options.MaxCells is
// scored in a band around its diagonal).
//
// What the checks of issue 14 read:
//
//   - omission/partial: for each sentence bead with both sides, Pair.Clauses
//     (align.Zh) gives the clauses between ，；：。 …; a clause of 8 or more
//     Han characters (count the runes of its tokens' Text) whose content
//     words are mostly unlinked — Pair.Coverage(align.Zh, clause, Sure or
//     Grown) — is the finding, quoted and placed with Doc.SpanOf(align.Zh,
//     pair.Zh[clause.Lo:clause.Hi]). Intersection links are the surer
//     evidence that a word is rendered; a word linked only one way
//     (Strength OneWay) is weak evidence either way. Surer still is a
//     backed link (Pair.Backed, Pair.Backing): an intersection link the
//     lexicon or the document's other links also give — the words of a
//     clause with no translation take unbacked guesses. Pair.Glossed
//     counts a clause's words whose translation (lexicon, or backed links
//     elsewhere in the document) stands unlinked in the sentence or its
//     paragraph: evidence the clause is there after all.
//   - addition/partial: the same over Pair.Clauses(align.En).
//   - consistency of unquoted terms: a recurring term is a run of Chinese
//     tokens with the same Keys in several pairs; its rendering in each is
//     Pair.Counterpart(pair.GDF, align.Zh, run) — false when the links do
//     not give a consistent phrase (keep only those) — compared on the
//     English tokens' Keys (stems); a rendering that shares no Glosses id
//     with the term is suspect; neighbouring tokens (Zh[run.Lo-1],
//     Zh[run.Hi]) show when a candidate is part of a longer term.
//   - `aligncheck terms`: the same renderings, counted per term, with
//     places from Doc.SpanOf on both sides; Pair.Phrases lists every
//     consistent phrase pair of a bead if a table wants more than the
//     tightest rendering.
package words
