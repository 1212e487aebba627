/**
 * The visible certification block (21 CFR Part 11 §11.50): for each approval,
 * the signer's printed name, role, date and time (UTC) and the meaning of the
 * signature, drawn as a small table inside a given box. Every word comes in
 * as a parameter (interface text from the i18n catalogue, values from the
 * bound review record and the certificate); this module only lays it out.
 */
import { rgb, type PDFFont, type PDFPage } from './pdf-lib.js';

export interface CertificationEntry {
  name: string;
  role: string;
  /** A time is printed by `formatTime`; a string (e.g. a sign-off date that has no time) as it is. */
  signedAt: Date | string;
  /** e.g. "Approved for distribution". */
  meaning: string;
}

export interface CertificationLabels {
  heading: string;
  name: string;
  role: string;
  dateTime: string;
  meaning: string;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CertificationOptions {
  /** Font size to start from, shrunk down to `minSize` when a cell does not fit. */
  size?: number;
  minSize?: number;
  /** Defaults to `YYYY-MM-DD HH:MM UTC`. */
  formatTime?: (d: Date) => string;
}

export interface CertificationResult {
  /** Height actually used, from the top of the box. */
  height: number;
  size: number;
  /** Something did not fit at the starting size: a cell wrapped or was cut, or rows fell below the box. */
  overflow: boolean;
}

const COLUMNS = [0.27, 0.22, 0.23, 0.28] as const;
const PAD = 4;
const ink = rgb(0, 0, 0);
const rule = rgb(0.55, 0.55, 0.55);

export const utcMinute = (d: Date) => `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;

export function drawCertificationBlock(page: PDFPage, font: PDFFont, box: Box, entries: CertificationEntry[], labels: CertificationLabels, options: CertificationOptions = {}): CertificationResult {
  const formatTime = options.formatTime ?? utcMinute;
  const rows = [[labels.name, labels.role, labels.dateTime, labels.meaning], ...entries.map((e) => [e.name, e.role, typeof e.signedAt === 'string' ? e.signedAt : formatTime(e.signedAt), e.meaning])];
  const widths = COLUMNS.map((f) => f * box.width - 2 * PAD);
  const minSize = options.minSize ?? 6;
  let size = options.size ?? 9;
  const fits = (s: number) => rows.every((row) => row.every((cell, i) => font.widthOfTextAtSize(cell, s) <= widths[i]!));
  while (size > minSize && !fits(size)) size = Math.max(minSize, size - 0.5);
  let overflow = !fits(size);

  const lineHeight = size * 1.35;
  const top = box.y + box.height;
  let y = top - PAD - size * 1.2;
  page.drawText(fitted(font, labels.heading, size * 1.15, box.width - 2 * PAD), { x: box.x + PAD, y, size: size * 1.15, font, color: ink });
  y -= size * 1.9;
  rows.forEach((row, r) => {
    // A cell that does not fit even at the smallest size wraps at spaces rather than losing words (the time must stay whole).
    const cells = row.map((cell, i) => wrapped(font, cell, size, widths[i]!));
    const height = Math.max(...cells.map((c) => c.length)) * lineHeight;
    if (y - height + lineHeight < box.y + PAD) {
      overflow = true;
      return;
    }
    let x = box.x + PAD;
    cells.forEach((lines, i) => {
      lines.forEach((line, l) => page.drawText(line, { x, y: y - l * lineHeight, size, font, color: ink }));
      x += widths[i]! + 2 * PAD;
    });
    y -= height;
    if (r === 0) page.drawLine({ start: { x: box.x, y: y + lineHeight - size * 0.45 }, end: { x: box.x + box.width, y: y + lineHeight - size * 0.45 }, thickness: 0.5, color: rule });
    y -= size * 0.5;
  });
  const used = Math.min(box.height, top - y - lineHeight + PAD);
  page.drawRectangle({ x: box.x, y: top - used, width: box.width, height: used, borderColor: rule, borderWidth: 0.75 });
  return { height: used, size, overflow };
}

/** Lines of `text` no wider than `width`, broken at spaces; a single word that is still too wide is cut with an ellipsis. */
function wrapped(font: PDFFont, text: string, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  lines.push(line);
  return lines.map((l) => fitted(font, l, size, width));
}

/** The text, cut with an ellipsis when it is wider than `width`. */
function fitted(font: PDFFont, text: string, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  let cut = [...text];
  while (cut.length && font.widthOfTextAtSize(`${cut.join('')}…`, size) > width) cut = cut.slice(0, -1);
  return `${cut.join('').trimEnd()}…`;
}
