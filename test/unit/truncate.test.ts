/**
 * truncate() and escapeMrkdwn(): a cut never splits a surrogate pair, a grapheme (ZWJ emoji, skin tones,
 * flags, combining marks) or an `&amp;` entity, never exceeds the limit, and keeps what fits.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { escapeMrkdwn, truncate, unescapeMrkdwn } from '../../src/slack/blocks/kit.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const graphemesOf = (s: string) => [...segmenter.segment(s)].map((g) => g.segment);
const hasLoneSurrogate = (s: string) =>
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/** Text made of pieces that are easy to cut wrongly. */
const PIECES = ['a', 'あ', '😀', '👍🏽', '👩‍👩‍👧‍👦', '🇯🇵', 'é', 'ガ', '&', '<', '>', ' ', '\n'];
const tricky = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(''));

describe('truncate', () => {
  it.each([
    ['👩‍👩‍👧‍👦👩‍👩‍👧‍👦', 12, '👩‍👩‍👧‍👦…'],
    ['ab👍🏽', 4, 'ab…'],
    ['😀😀😀', 4, '😀…'],
    ['a&amp;b', 4, 'a…'],
    ['short', 10, 'short'],
  ])('%j cut at %i → %j', (text, max, expected) => {
    expect(truncate(text, max)).toBe(expected);
  });

  it('never exceeds max, never leaves a lone surrogate, and keeps whole graphemes', () => {
    fc.assert(
      fc.property(tricky, fc.integer({ min: 1, max: 60 }), (raw, max) => {
        const text = escapeMrkdwn(raw);
        const out = truncate(text, max);
        expect(out.length).toBeLessThanOrEqual(max);
        expect(hasLoneSurrogate(out)).toBe(false);
        if (text.length <= max) {
          expect(out).toBe(text);
          return;
        }
        expect(out.endsWith('…')).toBe(true);
        const kept = out.slice(0, -1);
        expect(text.startsWith(kept)).toBe(true);
        // The cut falls between graphemes of the original, and never inside an entity.
        const boundaries = new Set([0]);
        let at = 0;
        for (const g of graphemesOf(text)) {
          at += g.length;
          boundaries.add(at);
        }
        expect(boundaries.has(kept.length)).toBe(true);
        expect(/&(a|am|amp|l|lt|g|gt)?$/.test(kept)).toBe(false);
      }),
    );
  });
});

describe('escapeMrkdwn', () => {
  it.each([
    ['<!channel>', '&lt;!channel&gt;'],
    ['<https://evil|x>', '&lt;https://evil|x&gt;'],
    ['<@U123>', '&lt;@U123&gt;'],
    ['a & b', 'a &amp; b'],
    ['a &amp; b', 'a &amp;amp; b'],
  ])('%j → %j', (raw, escaped) => {
    expect(escapeMrkdwn(raw)).toBe(escaped);
  });

  it('round-trips with unescapeMrkdwn, and escaped text has no control characters left', () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const escaped = escapeMrkdwn(raw);
        expect(unescapeMrkdwn(escaped)).toBe(raw);
        expect(/[<>]/.test(escaped)).toBe(false);
      }),
    );
  });
});
