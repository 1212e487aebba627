/**
 * Splits long lists across follow-on slides ("FAQ (2/3)") before rendering, so
 * no slide overflows. Heights are estimated in text lines from character
 * counts; the numbers match the built-in theme (26px body text on a 1280×720
 * slide) with a safety margin, and a browser test checks the result.
 */
import { boundaryAtOrBefore } from '../render/graphemes.js';
import { isBreakHint, visibleLength } from './break-hints.js';

export interface SlideMetrics {
  /** Body-text lines that fit under a slide heading. */
  linesPerSlide: number;
  /** Characters of body text per line. */
  charsPerLine: number;
}

export const DEFAULT_METRICS: SlideMetrics = { linesPerSlide: 14, charsPerLine: 80 };

/** The index in `text` just after its first `n` visible characters (the whole text if it is shorter). */
function indexAfterVisible(text: string, n: number): number {
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    if (!isBreakHint(text[i])) seen++;
    if (seen > n) return i;
  }
  return text.length;
}

/** Estimated lines for `text` set at `scale` × body size within `indent` characters of the full width. */
export function linesFor(text: string, metrics: SlideMetrics, indent = 0, scale = 1): number {
  const perLine = Math.max(10, Math.floor((metrics.charsPerLine - indent) / scale));
  return Math.max(1, Math.ceil(visibleLength(text) / perLine)) * scale;
}

export interface Page<T> {
  items: T[];
  /** 1-based page number within the section, and the total. */
  page: number;
  pages: number;
  /** "FAQ" on a single page, "FAQ (2/3)" on follow-on pages. */
  heading: string;
}

/**
 * Packs items into as few pages of at most `budget` lines as possible, then
 * evens them out (3 + 2 rather than 4 + 1). An item taller than a page gets a
 * page to itself; callers split such items first (splitText).
 */
/** Heading of part `page` of `pages` (from the catalogue's pagination.part). */
export type PartHeading = (heading: string, page: number, pages: number) => string;

export function paginate<T>(items: T[], cost: (item: T) => number, budget: number, heading: string, part: PartHeading = (h, i, n) => `${h} (${i}/${n})`): Page<T>[] {
  const costs = items.map(cost);
  let groups = pack(items, costs, budget);
  const largest = Math.max(0, ...costs);
  // The smallest budget that still needs no more pages gives the most even split.
  for (let tighter = budget - 0.25; tighter >= largest; tighter -= 0.25) {
    const candidate = pack(items, costs, tighter);
    if (candidate.length > groups.length) break;
    groups = candidate;
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
