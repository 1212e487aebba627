/**
 * The footer on every page: the caller's lines (short disclaimer; code,
 * version and reviewers) and a page label ("page X of Y", also the caller's). It is laid out once per
 * document (only the page label changes) and drawn in the band the page CSS
 * keeps free at the bottom, wrapped or shrunk so it never leaves it.
 */
import { rgb, type PDFPage } from './pdf-lib.js';
import { graphemes } from '../render/graphemes.js';
import type { StampText } from './stamp-text.js';

export interface FooterText {
  /** Lines at the left, in order (wrapped to fit). */
  lines: string[];
  /** The label at the right of the lowest line, e.g. "page 3 of 12". */
  pageLabel(page: number, pages: number): string;
}

export interface FooterBox {
  /** Left/right margin in points. */
  margin: number;
  /** Baseline of the lowest line, in points from the trim bottom. */
  bottom: number;
  /** Height of the band available for the footer, in points. */
  height: number;
  fontSize: number;
}

export interface FooterLayout {
  lines: string[];
  size: number;
  box: FooterBox;
  trimWidth: number;
  pageLabel: FooterText['pageLabel'];
}

const COLOUR = rgb(0.29, 0.33, 0.39);
const LEADING = 1.25;

/**
 * Greedy word wrap to `width` points, linear in the text: each word is measured
 * once and lines are summed from word widths. A word longer than a line is
 * broken between characters.
 */
function wrap(text: string, measure: (s: string) => number, width: number): string[] {
  const space = measure(' ');
  const lines: string[] = [];
  let line: string[] = [];
  let used = 0;
  const flush = () => {
    if (line.length) lines.push(line.join(' '));
    line = [];
    used = 0;
  };
  for (const word of text.split(' ')) {
    const w = measure(word);
    if (line.length && used + space + w <= width) {
      line.push(word);
      used += space + w;
      continue;
    }
    flush();
    if (w <= width) {
      line = [word];
      used = w;
      continue;
    }
    let piece = '';
    let pieceWidth = 0;
    for (const c of graphemes(word)) {
      const cw = measure(c);
      if (piece && pieceWidth + cw > width) {
        lines.push(piece);
        piece = '';
        pieceWidth = 0;
      }
      piece += c;
      pieceWidth += cw;
    }
    line = [piece];
    used = pieceWidth;
  }
  flush();
  return lines;
}

/** Fits the footer into the band: shrinks the type a little first, then wraps, and never exceeds the band. */
export function layoutFooter(text: StampText, box: FooterBox, trimWidth: number, content: FooterText, pages: number): FooterLayout {
  const left = content.lines.map((l) => text.clean(l));
  const maxLines = (size: number) => Math.max(1, Math.floor(box.height / (size * LEADING)));
  let size = box.fontSize;
  let lines: string[] = [];
  // Long-but-valid text (160-character words, several long reviewer names) may need small type;
  // below 55 % the last line is cut with an ellipsis rather than leave the band.
  for (; size >= box.fontSize * 0.55; size -= 0.25) {
    const available = trimWidth - 2 * box.margin - text.width(content.pageLabel(pages, pages), size) - 12;
    // Words are measured once each (StampText caches widths), so wrapping stays linear.
    const measure = (s: string) => text.width(s, size);
    lines = left.flatMap((l) => wrap(l, measure, available));
    if (lines.length <= maxLines(size)) break;
  }
  const fit = maxLines(size);
  if (lines.length > fit) lines = [...lines.slice(0, fit - 1), `${lines[fit - 1] ?? ''} …`];
  return { lines, size, box, trimWidth, pageLabel: content.pageLabel };
}

export function drawFooter(page: PDFPage, text: StampText, layout: FooterLayout, index: number, count: number): void {
  const { lines, size, box, trimWidth, pageLabel } = layout;
  const leading = size * LEADING;
  lines.forEach((line, i) => {
    text.draw(page, line, { x: box.margin, y: box.bottom + (lines.length - 1 - i) * leading, size, color: COLOUR });
  });
  const label = pageLabel(index + 1, count);
  text.draw(page, label, { x: trimWidth - box.margin - text.width(label, size), y: box.bottom, size, color: COLOUR });
}
