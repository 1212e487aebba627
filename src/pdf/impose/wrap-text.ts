/**
 * Body text for imposed pages: paragraphs wrapped to a width with pdf-lib's
 * breakTextIntoLines, then fitted to a height by shrinking the type a step at
 * a time. What still does not fit at the smallest size is returned as
 * overflow, for the caller to continue on a follow-on page: text is never cut.
 */
import { breakTextIntoLines } from '../pdf-lib.js';
import type { StampText } from '../stamp-text.js';

export const LEADING = 1.38;
/** Gap between paragraphs, in lines. */
const PARAGRAPH_GAP = 0.55;

/** A wrapped line, or `null` for the gap between two paragraphs. */
export type Line = string | null;

export interface FittedText {
  size: number;
  lines: Line[];
  /** Lines that did not fit even at the smallest size. */
  overflow: Line[];
}

/** Paragraphs are separated by a blank line; other whitespace runs become one space. */
export function wrapParagraphs(text: StampText, source: string, size: number, width: number): Line[] {
  const lines: Line[] = [];
  for (const paragraph of source.split(/\n\s*\n/)) {
    const clean = text.clean(paragraph);
    if (!clean) continue;
    if (lines.length) lines.push(null);
    for (const line of breakTextIntoLines(clean, [' '], width, (s) => text.width(s, size))) lines.push(...breakLongWord(text, line.trim(), size, width));
  }
  return lines;
}

/** breakTextIntoLines keeps a word longer than the line whole; break it between characters. */
function breakLongWord(text: StampText, line: string, size: number, width: number): string[] {
  if (text.width(line, size) <= width) return [line];
  const out: string[] = [];
  let current = '';
  for (const c of line) {
    if (current && text.width(current + c, size) > width) {
      out.push(current);
      current = '';
    }
    current += c;
  }
  if (current) out.push(current);
  return out;
}

export function linesHeight(lines: Line[], size: number): number {
  return lines.reduce((h, line) => h + (line === null ? PARAGRAPH_GAP : 1) * size * LEADING, 0);
}

/** Largest size in `sizes` (descending) at which the text fits `box`; else the smallest, with the rest as overflow. */
export function fitText(text: StampText, source: string, box: { width: number; height: number }, sizes: number[]): FittedText {
  let lines: Line[] = [];
  let size = sizes[0] ?? 10;
  for (size of sizes) {
    lines = wrapParagraphs(text, source, size, box.width);
    if (linesHeight(lines, size) <= box.height) return { size, lines, overflow: [] };
  }
  return { size, ...splitAt(lines, size, box.height) };
}

/** The lines that fill `height`, and the rest (without a leading paragraph gap). */
export function splitAt(lines: Line[], size: number, height: number): { lines: Line[]; overflow: Line[] } {
  let used = 0;
  let i = 0;
  for (; i < lines.length; i++) {
    const h = (lines[i] === null ? PARAGRAPH_GAP : 1) * size * LEADING;
    if (used + h > height) break;
    used += h;
  }
  const rest = lines.slice(i);
  while (rest[0] === null) rest.shift();
  return { lines: lines.slice(0, i), overflow: rest };
}

/** Draws lines top-down from `top`, the first baseline one size below it. */
export function drawLines(text: StampText, page: Parameters<StampText['draw']>[0], lines: Line[], at: { x: number; top: number; size: number; color: Parameters<StampText['draw']>[2]['color'] }): void {
  let y = at.top - at.size;
  for (const line of lines) {
    if (line === null) {
      y -= PARAGRAPH_GAP * at.size * LEADING;
      continue;
    }
    text.draw(page, line, { x: at.x, y, size: at.size, color: at.color });
    y -= at.size * LEADING;
  }
}
