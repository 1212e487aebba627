/**
 * Splits long lists across follow-on slides ("FAQ (2/3)") before rendering, so
 * no slide overflows. Heights are estimated in pixels: each text is wrapped
 * greedily at its break opportunities (spaces other than no-break spaces, zero-width
 * spaces, soft hyphens, hyphens not followed by a word joiner) with an
 * average character width, and set in the face (size, line height) the theme
 * gives it. The numbers match the built-in theme (templates/themes/clinical.css)
 * with a safety margin, so estimates err on the tall side; a browser test
 * (tests/deck/longest-fields.test.ts) checks the longest valid values.
 *
 * Hand-written because no installed library wraps text without a browser; the
 * browser itself runs only in src/print, after this step.
 */
import { boundaryAtOrBefore } from '../render/graphemes.js';
import { isBreakHint, SOFT_HYPHEN, visibleLength, WORD_JOINER } from './break-hints.js';

/** Spaces a browser never breaks at (no-break, figure, narrow no-break): they take room like a letter. */
const NO_BREAK_SPACE = /[\u00A0\u2007\u202F]/;
/** A break opportunity of no width. */
const ZERO_WIDTH_SPACE = '\u200B';
const DASH = /[-\u2010\u2013\u2014]/;

export interface SlideMetrics {
  /** The slide's content box in px: 1280 − 2 × 72 wide, 720 − 48 − 86 tall (clinical.css padding). */
  width: number;
  height: number;
  /**
   * Average advance of a character, in em, regular and bold. Noto Sans prose
   * measures 0.47 (regular) and 0.50 (bold); the margin covers lines with more
   * wide letters than average. (All-capital or "WWW" text is wider still: see README, Limits.)
   */
  em: number;
  boldEm: number;
}

export const DEFAULT_METRICS: SlideMetrics = { width: 1136, height: 586, em: 0.53, boldEm: 0.57 };

/** How a text is set: font size and line height in px, and its weight. */
export interface Face {
  size: number;
  lineHeight: number;
  bold?: boolean;
}

/** The index in `text` just after its first `n` visible characters (the whole text if it is shorter). */
export function indexAfterVisible(text: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isBreakHint(text[i])) seen++;
    if (seen > n) return i;
  }
  return text.length;
}

/** Runs of visible characters between break opportunities: width in px, and whether a hyphen shows if the line breaks after it. */
interface Run {
  width: number;
  hyphen: number;
  space: number;
}

/** A stretch of text in one face (a bold label, then regular text, …). */
export interface Span {
  text: string;
  face: Face;
}

function runs(spans: Span[], metrics: SlideMetrics): Run[] {
  const out: Run[] = [];
  let width = 0;
  for (const { text, face } of spans) {
    const char = face.size * (face.bold ? metrics.boldEm : metrics.em);
    const end = (hyphen: boolean, space: boolean) => {
      if (width > 0 || space) out.push({ width, hyphen: hyphen ? char : 0, space: space ? char : 0 });
      width = 0;
    };
    const chars = [...text];
    chars.forEach((c, i) => {
      if (c === SOFT_HYPHEN) end(true, false);
      else if (c === ZERO_WIDTH_SPACE) end(false, false);
      else if (isBreakHint(c)) return;
      else if (/\s/.test(c) && !NO_BREAK_SPACE.test(c)) end(false, true);
      else {
        width += c.length * char;
        // A line may break after a hyphen or dash, unless a word joiner follows (document codes: hyphenate.ts).
        if (DASH.test(c) && chars[i + 1] !== WORD_JOINER) end(false, false);
      }
    });
  }
  if (width > 0) out.push({ width, hyphen: 0, space: 0 });
  return out;
}

/** Lines `spans` take when wrapped greedily in `width` px; a run wider than a line breaks anywhere (overflow-wrap: anywhere). */
export function lineCount(spans: Span[], width: number, metrics: SlideMetrics = DEFAULT_METRICS): number {
  let lines = 1;
  let used = 0;
  for (const run of runs(spans, metrics)) {
    if (used > 0 && used + run.width + run.hyphen > width) {
      lines++;
      used = 0;
    }
    if (run.width > width) {
      lines += Math.ceil(run.width / width) - 1;
      used = run.width % width || width;
    } else used += run.width;
    // A space at the end of a line hangs; elsewhere it takes room.
    if (used > 0) used += run.space;
  }
  return lines;
}

/** Height in px of `text` (or spans) set in `face` in a column `width` px wide; `face` gives the line height. */
export function textHeight(text: string | Span[], face: Face, width: number, metrics: SlideMetrics = DEFAULT_METRICS): number {
  const spans = typeof text === 'string' ? [{ text, face }] : text;
  return lineCount(spans, width, metrics) * face.size * face.lineHeight;
}

export interface Page<T> {
  items: T[];
  /** 1-based page number within the section, and the total. */
  page: number;
  pages: number;
  /** "FAQ" on a single page, "FAQ (2/3)" on follow-on pages. */
  heading: string;
}

/** Heading of part `page` of `pages` (from the catalogue's pagination.part). */
export type PartHeading = (heading: string, page: number, pages: number) => string;

/**
 * Packs items into as few pages of at most `budget` (any unit, px here) as
 * possible, then evens them out (3 + 2 rather than 4 + 1). An item taller than
 * a page gets a page to itself; callers split such items first (splitToFit).
 */
export function paginate<T>(items: T[], cost: (item: T) => number, budget: number, heading: string, part: PartHeading = (h, i, n) => `${h} (${i}/${n})`): Page<T>[] {
  const costs = items.map(cost);
  let groups = pack(items, costs, budget);
  // The smallest budget that still needs no more pages gives the most even split
  // (page counts only fall as the budget grows, so halving finds it).
  let lo = Math.max(0, ...costs);
  let hi = budget;
  while (hi - lo > 0.5) {
    const mid = (lo + hi) / 2;
    const candidate = pack(items, costs, mid);
    if (candidate.length > groups.length) lo = mid;
    else {
      groups = candidate;
      hi = mid;
    }
  }
  return groups.map((group, i) => ({
    items: group,
    page: i + 1,
    pages: groups.length,
    heading: groups.length > 1 ? part(heading, i + 1, groups.length) : heading,
  }));
}

function pack<T>(items: T[], costs: number[], budget: number): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let used = 0;
  items.forEach((item, index) => {
    const c = costs[index] ?? 0;
    if (current.length > 0 && used + c > budget) {
      groups.push(current);
      current = [];
      used = 0;
    }
    current.push(item);
    used += c;
  });
  if (current.length > 0 || groups.length === 0) groups.push(current);
  return groups;
}

/** Splits text into chunks of at most `maxChars` visible characters, at sentence ends where possible, else at spaces, else anywhere. */
export function splitText(text: string, maxChars: number): string[] {
  if (visibleLength(text) <= maxChars) return [text];
  const chunks: string[] = [];
  let rest = text;
  while (visibleLength(rest) > maxChars) {
    const limit = indexAfterVisible(rest, maxChars);
    const window = rest.slice(0, limit + 1);
    const sentenceEnd = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '));
    const space = window.lastIndexOf(' ');
    // Without a space, cut between grapheme clusters: never inside a surrogate pair or combining sequence.
    const cut = sentenceEnd > limit / 3 ? sentenceEnd + 1 : space > limit / 3 ? space : boundaryAtOrBefore(rest, limit);
    chunks.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

/**
 * Splits text into as few chunks as it takes for each, alone, to `fit` (a
 * height test the caller makes with textHeight): the text itself if it fits.
 */
export function splitToFit(text: string, fits: (chunk: string) => boolean): string[] {
  let max = visibleLength(text);
  for (;;) {
    const chunks = splitText(text, max);
    if (max <= 40 || chunks.every(fits)) return chunks;
    max = Math.floor(max * 0.9);
  }
}
