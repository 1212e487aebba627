/**
 * Exact paper sizes and press bleed.
 *
 * Chromium rounds page sizes to CSS pixels (its A4 is 594.96 × 841.92 pt), so
 * the MediaBox is set to the exact ISO/US size. With bleed, the page grows by
 * the bleed on every side (MediaBox = BleedBox), the content moves in by the
 * bleed, the TrimBox marks the finished size and crop marks are drawn in the
 * corners outside the trim.
 */
import { rgb, type PDFPage } from './pdf-lib.js';
import { MM, PAPER_SIZES, type PaperId } from '../render/paper.js';

export { MM, PAPER_SIZES, parseLength, type PaperId } from '../render/paper.js';

const round = (n: number) => Math.round(n * 100) / 100;

/** Sets the exact paper size; returns the trim size. */
export function setPaperSize(page: PDFPage, paper: PaperId): { width: number; height: number } {
  const { width, height } = PAPER_SIZES[paper];
  page.setMediaBox(0, 0, round(width), round(height));
  page.setCropBox(0, 0, round(width), round(height));
  return { width: round(width), height: round(height) };
}

/**
 * Adds `bleed` points on every side. Afterwards everything drawn on the page
 * (content and stamp) is relative to the trim's lower-left corner.
 */
export function addBleed(page: PDFPage, bleed: number): void {
  const { width, height } = page.getMediaBox();
  const b = round(bleed);
  page.setMediaBox(0, 0, round(width + 2 * b), round(height + 2 * b));
  page.setCropBox(0, 0, round(width + 2 * b), round(height + 2 * b));
  page.setBleedBox(0, 0, round(width + 2 * b), round(height + 2 * b));
  page.setTrimBox(b, b, width, height);
  page.translateContent(b, b);
}

/** Crop marks in the four corners, outside the trim, with a small gap from it. Coordinates are trim-relative. */
export function drawCropMarks(page: PDFPage, trim: { width: number; height: number }, bleed: number): void {
  const gap = Math.min(1 * MM, bleed / 3);
  const length = bleed - gap;
  const style = { thickness: 0.25, color: rgb(0, 0, 0) };
  for (const x of [0, trim.width]) {
    for (const y of [0, trim.height]) {
      const dx = x === 0 ? -1 : 1;
      const dy = y === 0 ? -1 : 1;
      page.drawLine({ start: { x: x + dx * gap, y }, end: { x: x + dx * (gap + length), y }, ...style });
      page.drawLine({ start: { x, y: y + dy * gap }, end: { x, y: y + dy * (gap + length) }, ...style });
    }
  }
}
