/**
 * The footer line on every page: short disclaimer, document code and version,
 * "Reviewed by <name>, <date>" and "page X of Y". It is drawn in the band the
 * page CSS keeps free at the bottom, wrapped or shrunk so it never leaves it.
 */
import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';

export interface FooterText {
  disclaimer: string;
  code: string;
  version: string;
  reviewedBy: string;
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

const COLOUR = rgb(0.29, 0.33, 0.39);

export function footerLines(text: FooterText, page: number, pages: number): { left: string[]; right: string } {
  return {
    left: [text.disclaimer, `${text.code} · Version ${text.version} · ${text.reviewedBy}`],
    right: `page ${page} of ${pages}`,
  };
}

/** Greedy word wrap to `width` points. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const words = text.split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else {
      line = candidate;
    }
  }
  if (line) lines.push(line);
  return lines;
}

export function drawFooter(page: PDFPage, trimWidth: number, font: PDFFont, box: FooterBox, text: FooterText, index: number, count: number): void {
  const { left, right } = footerLines(text, index + 1, count);
  const rightWidth = font.widthOfTextAtSize(right, box.fontSize);
  const available = trimWidth - 2 * box.margin - rightWidth - 12;
  // Shrink a little before wrapping; wrap before leaving the band.
  let size = box.fontSize;
  let lines: string[] = [];
  for (; size >= box.fontSize * 0.75; size -= 0.25) {
    lines = left.flatMap((l) => wrap(l, font, size, available));
    if (lines.length * size * 1.25 <= box.height) break;
  }
  const leading = size * 1.25;
  lines.forEach((line, i) => {
    const y = box.bottom + (lines.length - 1 - i) * leading;
    page.drawText(line, { x: box.margin, y, size, font, color: COLOUR });
  });
  page.drawText(right, { x: trimWidth - box.margin - font.widthOfTextAtSize(right, size), y: box.bottom, size, font, color: COLOUR });
}
