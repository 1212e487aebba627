/** Reading real PDFs the way a user checks them: poppler's tools and pdf-lib. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { PDFDocument } from 'pdf-lib';

export const pdftext = (file: string, page?: number): string =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' });

export const pdfinfo = (file: string): Record<string, string> =>
  Object.fromEntries(
    execFileSync('pdfinfo', [file], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l.includes(':'))
      .map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]),
  );

/** `pdffonts` rows: name and whether it is embedded. */
export const pdffonts = (file: string): { name: string; embedded: boolean }[] =>
  execFileSync('pdffonts', [file], { encoding: 'utf8' })
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((row) => {
      const cols = row.trim().split(/\s+/);
      // name … emb sub uni objectID gen: emb is the 5th column from the end
      return { name: cols[0] ?? '', embedded: cols[cols.length - 5] === 'yes' };
    });

export const loadPdf = (file: string) => PDFDocument.load(readFileSync(file), { updateMetadata: false });

export const pageCount = async (file: string) => (await loadPdf(file)).getPageCount();

/** Text of every page as a reader reads it: single spaces, words hyphenated at a line end joined again, no break hints (U+00AD, U+2060). */
export function pageTexts(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) => pdftext(file, i + 1).replace(/\u00AD-\s*/g, '').replace(/[\u00AD\u2060]/g, '').replace(/\s+/g, ' '));
}
