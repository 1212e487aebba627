/**
 * The frame every imposed page shares: side margins, a header line with a
 * label on the left and the document code on the right, and a bottom band
 * left empty for the footer the decorate phase adds later (footer-boxes.ts:
 * handout footers sit between 6 and 16 mm from the bottom edge).
 */
import { rgb, type PDFPage } from '../pdf-lib.js';
import { FOOTER_BOXES } from '../footer-boxes.js';
import { MM } from '../../render/paper.js';
import type { StampText } from '../stamp-text.js';
import { MUTED, RULE, fillRect } from './impose-doc.js';

export const MARGIN = FOOTER_BOXES.handout.margin;
const HEADER_BASELINE = 12 * MM;
const HEADER_SIZE = 8;
const BAND = rgb(0.99, 0.9, 0.86);
const BAND_INK = rgb(0.62, 0.12, 0.08);
/** Above the footer band plus 4 mm of air. */
export const CONTENT_BOTTOM = FOOTER_BOXES.handout.bottom + FOOTER_BOXES.handout.height + 4 * MM;

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Draws the header and returns the area below it that content may use. */
export function drawFrame(page: PDFPage, text: StampText, header: { label?: string; code?: string; highlight?: boolean }): Box {
  const { width, height } = page.getSize();
  const baseline = height - HEADER_BASELINE;
  const inner = width - 2 * MARGIN;
  const code = header.code ? text.clean(header.code) : '';
  const codeWidth = code ? text.width(code, HEADER_SIZE) : 0;
  if (header.label) {
    const label = fitOneLine(text, text.clean(header.label), HEADER_SIZE, inner - codeWidth - 6 * MM);
    if (header.highlight) {
      // A tinted band, so "internal use" reads at a glance and survives a grey photocopy.
      fillRect(page, { x: MARGIN - 2 * MM, y: baseline - 2.2 * MM, width: text.width(label, HEADER_SIZE) + 4 * MM, height: 6.4 * MM }, BAND);
    }
    text.draw(page, label, { x: MARGIN, y: baseline, size: HEADER_SIZE, color: header.highlight ? BAND_INK : MUTED });
  }
  if (code) text.draw(page, code, { x: width - MARGIN - codeWidth, y: baseline, size: HEADER_SIZE, color: MUTED });
  const ruleY = baseline - 3.5 * MM;
  fillRect(page, { x: MARGIN, y: ruleY, width: inner, height: 0.5 }, RULE);
  const top = ruleY - 5 * MM;
  return { x: MARGIN, y: CONTENT_BOTTOM, width: inner, height: top - CONTENT_BOTTOM };
}

/** Cuts a one-line text to `width` with an ellipsis (headers only; body text wraps). */
export function fitOneLine(text: StampText, line: string, size: number, width: number): string {
  if (text.width(line, size) <= width) return line;
  const chars = [...line];
  while (chars.length && text.width(`${chars.join('')}…`, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
