/** The diagonal watermark (e.g. "DRAFT — NOT FOR DISTRIBUTION", given by the caller) across a page. */
import { rgb, type PDFPage } from './pdf-lib.js';
import type { StampText } from './stamp-text.js';

export function drawWatermark(page: PDFPage, trim: { width: number; height: number }, text: StampText, mark: string): void {
  const angle = Math.atan2(trim.height, trim.width);
  const diagonal = Math.hypot(trim.width, trim.height);
  const size = Math.min(120, (0.8 * diagonal) / (text.width(mark, 1) || 1));
  const textWidth = text.width(mark, size);
  const capHeight = size * 0.7;
  // Start point such that the middle of the text sits at the middle of the page.
  const x = trim.width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * capHeight) / 2;
  const y = trim.height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * capHeight) / 2;
  text.draw(page, mark, { x, y, size, color: rgb(0.75, 0.1, 0.1), opacity: 0.18, rotate: (angle * 180) / Math.PI });
}
