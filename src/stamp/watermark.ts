/** The diagonal "DRAFT — NOT FOR DISTRIBUTION" mark on every page of a document that is not approved. */
import { rgb, type PDFPage } from 'pdf-lib';
import type { StampText } from './stamp-text.js';

export const WATERMARK_TEXT = 'DRAFT — NOT FOR DISTRIBUTION';

export function drawWatermark(page: PDFPage, trim: { width: number; height: number }, text: StampText): void {
  const angle = Math.atan2(trim.height, trim.width);
  const diagonal = Math.hypot(trim.width, trim.height);
  const size = Math.min(120, (0.8 * diagonal) / (text.width(WATERMARK_TEXT, 1) || 1));
  const textWidth = text.width(WATERMARK_TEXT, size);
  const capHeight = size * 0.7;
  // Start point such that the middle of the text sits at the middle of the page.
  const x = trim.width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * capHeight) / 2;
  const y = trim.height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * capHeight) / 2;
  text.draw(page, WATERMARK_TEXT, { x, y, size, color: rgb(0.75, 0.1, 0.1), opacity: 0.18, rotate: (angle * 180) / Math.PI });
}
