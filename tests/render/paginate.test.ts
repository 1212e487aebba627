/**
 * The pixel estimate pagination relies on (src/render/paginate.ts), with round
 * numbers: a 10px face at 0.5em per character is 5px a character, so a 50px
 * column holds 10 characters. Browser checks of the real theme are in
 * tests/deck/longest-fields.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { lineCount, paginate, splitToFit, textHeight, type SlideMetrics } from '../../src/render/paginate.js';
import { visibleLength } from '../../src/render/break-hints.js';

const M: SlideMetrics = { width: 50, height: 100, em: 0.5, boldEm: 0.6 };
const regular = { size: 10, lineHeight: 1.5 };
const bold = { ...regular, bold: true };
const lines = (text: string) => lineCount([{ text, face: regular }], 50, M);

describe('lineCount', () => {
  it('fills a line up to its width and wraps at a space', () => {
    expect(lines('')).toBe(1);
    expect(lines('aaaa bbbb')).toBe(1); // 20 + 5 + 20 = 45
    expect(lines('aaaa bbbbbb')).toBe(2); // 20 + 5 + 30 = 55
    expect(lines('aaaaaaaaaa')).toBe(1); // exactly 50
    expect(lines('aaaaaaaaaa ')).toBe(1); // a space at the end of a line hangs
    expect(lines('aaaaaaaaaa b')).toBe(2);
  });

  it('breaks a word wider than the line anywhere, packing lines full', () => {
    expect(lines('a'.repeat(18))).toBe(2);
    expect(lines('a'.repeat(21))).toBe(3);
  });

  it('breaks at soft hyphens, hyphens and dashes, which leave lines less full than breaking anywhere', () => {
    const word = 'aaaaaa'; // 30px: two never share a line
    expect(lines(`${word}${word}${word}`)).toBe(2);
    expect(lines(`${word}\u00AD${word}\u00AD${word}`)).toBe(3);
    expect(lines(`${word}-${word}-${word}`)).toBe(3);
    expect(lines(`${word}\u2013${word}\u2014${word}`)).toBe(3);
    expect(lines(`${word}\u200B${word}\u200B${word}`)).toBe(3);
  });

  it('does not break where a browser does not: no-break spaces, and a hyphen before a word joiner (document codes)', () => {
    const word = 'aaaaaa';
    expect(lines(`${word} ${word} ${word}`)).toBe(3);
    // One 100px run, set like a 20-letter word.
    expect(lines(`${word}\u00A0${word}\u00A0${word}`)).toBe(2);
    expect(lines(`${word}\u00A0${word}\u00A0${word}`)).toBe(lines(`${word}x${word}x${word}`));
    expect(lines(`${word}\u202F${word}\u202F${word}`)).toBe(lines(`${word}x${word}x${word}`));
    expect(lines(`${word}-\u2060${word}-\u2060${word}`)).toBe(2);
    expect(lines(`${word}-${word}-${word}`)).toBe(3);
  });

  it('takes no room for break hints, and counts the visible hyphen when a line breaks at a soft hyphen', () => {
    expect(lines('aaaa\u00ADa\u00ADa\u2060aaaa')).toBe(1); // 10 visible characters
    expect(lines('aaaaa bbbb')).toBe(1); // 25 + 5 + 20 = 50
    expect(lines('aaaaa bbbb\u00ADcc')).toBe(2); // 30 + 20 + 5 (the hyphen) > 50: "bbbb" moves down
  });

  it('measures bold text wider, and mixes faces within one paragraph', () => {
    expect(lineCount([{ text: 'a'.repeat(10), face: regular }], 50, M)).toBe(1);
    expect(lineCount([{ text: 'a'.repeat(10), face: bold }], 50, M)).toBe(2);
    expect(lineCount([{ text: 'aaaa ', face: bold }, { text: 'bbbb', face: regular }], 50, M)).toBe(1); // 24 + 6 + 20
    expect(lineCount([{ text: 'aaaaa ', face: bold }, { text: 'bbbb', face: regular }], 50, M)).toBe(2); // 30 + 6 + 20
  });

  it('counts astral characters by their UTF-16 length, as the estimate for wide characters', () => {
    expect(lines('𝐀'.repeat(5))).toBe(1);
    expect(lines('𝐀'.repeat(6))).toBe(2);
  });

  it('gives heights in line-height units', () => {
    expect(textHeight('aaaa bbbbbb', regular, 50, M)).toBe(2 * 15);
  });
});

describe('splitToFit', () => {
  const fitsIn = (n: number) => (chunk: string) => visibleLength(chunk) <= n;

  it('keeps text that fits whole', () => {
    expect(splitToFit('One. Two.', fitsIn(100))).toEqual(['One. Two.']);
  });

  it('splits into chunks that each fit, losing no word, preferring sentence ends', () => {
    const text = 'The first sentence is here. The second one follows it. And a third closes the paragraph.';
    const chunks = splitToFit(text, fitsIn(60));
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(visibleLength(c)).toBeLessThanOrEqual(60);
    expect(chunks.join(' ')).toBe(text);
    expect(chunks[0]).toMatch(/\.$/);
  });

  it('measures visible characters: soft hyphens do not count', () => {
    const text = Array.from({ length: 8 }, () => 'hy\u00ADphen\u00ADa\u00ADtion').join(' '); // 8 × 11 + 7 = 95 visible
    expect(splitToFit(text, fitsIn(95))).toEqual([text]);
  });

  it('stops at chunks of about 40 characters when nothing fits', () => {
    const chunks = splitToFit('x'.repeat(500), () => false);
    expect(chunks.join('')).toBe('x'.repeat(500));
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(40);
  });
});

describe('paginate', () => {
  const one = () => 1;
  const sizes = <T>(pages: { items: T[] }[]) => pages.map((p) => p.items.length);

  it('keeps one page, with its heading unchanged, when everything fits', () => {
    const pages = paginate([1, 2, 3], one, 3, 'FAQ');
    expect(pages).toEqual([{ items: [1, 2, 3], page: 1, pages: 1, heading: 'FAQ' }]);
    expect(paginate([], one, 3, 'FAQ')).toEqual([{ items: [], page: 1, pages: 1, heading: 'FAQ' }]);
  });

  it('evens pages out: the smallest budget that needs no more pages than packing greedily', () => {
    // Greedy packing at budget 4 gives 4 + 1; halving the budget down to 3 gives 3 + 2 on as many pages.
    expect(sizes(paginate([1, 2, 3, 4, 5], one, 4, 'FAQ'))).toEqual([3, 2]);
    expect(sizes(paginate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], one, 9, 'FAQ'))).toEqual([5, 5]);
    // Uneven costs: 6 + 1 + 1 + 1 + 1 at budget 8 → 6 + 1 + 1 | 1 + 1 greedily, 6 | 1 + 1 + 1 + 1 evened.
    const costs = [6, 1, 1, 1, 1];
    const pages = paginate(costs.map((_, i) => i), (i) => costs[i] ?? 0, 8, 'Team');
    expect(pages.map((p) => p.items)).toEqual([[0], [1, 2, 3, 4]]);
  });

  it('never uses more pages than greedy packing, keeps the order, and no page exceeds the budget', () => {
    const costs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5, 8, 9, 7, 9];
    const items = costs.map((_, i) => i);
    const pages = paginate(items, (i) => costs[i] ?? 0, 12, 'Steps');
    expect(pages.flatMap((p) => p.items)).toEqual(items);
    for (const p of pages) expect(p.items.reduce((sum, i) => sum + (costs[i] ?? 0), 0)).toBeLessThanOrEqual(12);
    // Greedy packing: 3+1+4+1 | 5 | 9+2 | 6+5 | 3+5 | 8 | 9 | 7 | 9; a smaller budget would need more pages.
    expect(pages.length).toBe(9);
  });

  it('gives an item taller than a page a page to itself', () => {
    const costs = [10, 1, 1];
    const pages = paginate([0, 1, 2], (i) => costs[i] ?? 0, 5, 'FAQ');
    expect(pages.map((p) => p.items)).toEqual([[0], [1, 2]]);
  });

  it('numbers follow-on pages with the part heading', () => {
    const pages = paginate([1, 2, 3], one, 1, 'FAQ');
    expect(pages.map((p) => [p.heading, p.page, p.pages])).toEqual([
      ['FAQ (1/3)', 1, 3],
      ['FAQ (2/3)', 2, 3],
      ['FAQ (3/3)', 3, 3],
    ]);
    expect(paginate([1, 2], one, 1, 'FAQ', (h, i, n) => `${h} – Teil ${i} von ${n}`).map((p) => p.heading)).toEqual(['FAQ – Teil 1 von 2', 'FAQ – Teil 2 von 2']);
  });
});
