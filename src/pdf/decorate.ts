/**
 * PDF phase 1, decorate: what is drawn on the printed pages. Exact page boxes
 * (and bleed with crop marks), the footer on every page, the watermark when
 * asked, bookmarks. Stamp drawings are marked as Artifacts, which keeps the
 * tagged structure Chromium wrote intact. Every text is a parameter.
 * (Later: the personalisation slot box.)
 */
import { beginMarkedContent, endMarkedContent, PDFDocument, IN_ONE_GO, type PDFPage } from './pdf-lib.js';
import { stampFontBytes } from '../render/fonts.js';
import type { PaperId } from '../render/paper.js';
import { drawFooter, layoutFooter, type FooterBox, type FooterLayout, type FooterText } from './footer.js';
import { writeOutline, type Bookmark } from './outline.js';
import { addBleed, drawCropMarks, setPaperSize } from './page-boxes.js';
import { stampFontkit } from './stamp-font.js';
import { StampText } from './stamp-text.js';
import { drawWatermark } from './watermark.js';
import { drawCertificationBlock, type CertificationEntry, type CertificationLabels } from './certification-block.js';
import { printableAnnotations } from './printable-annotations.js';
export { FOOTER_BOXES } from './footer-boxes.js';

export interface DecorateRequest {
  footer: FooterText;
  /** Footer geometry, in points relative to the trim. */
  footerBox: FooterBox;
  /** Diagonal watermark text; none when absent. */
  watermark?: string;
  /** Set the exact paper size (handouts); decks keep their 16:9 size. */
  paper?: PaperId;
  /** Press bleed in points. */
  bleed?: number;
  bookmarks?: Bookmark[];
  /** The certification block on the last page (the document-control page), inside the area its template keeps free. */
  certification?: CertificationRequest;
  /** PDF/A: every annotation printable (before the seal, which hashes annotations). */
  printableAnnotations?: boolean;
}

export interface CertificationRequest {
  /** Points from the trim's bottom-left; the width is the trim width less marginX on both sides. */
  box: { x: number; y: number; height: number; marginX: number; size?: number };
  entries: CertificationEntry[];
  labels: CertificationLabels;
  /** A row shown when there are no entries. */
  none?: string;
}

/** Subset name of the stamp font: fixed, so output does not vary (pdf-lib would add a random suffix). */
const STAMP_FONT_NAME = 'DHSTMP+NotoSans-Regular';

/** Loads printed PDF bytes for the phases (without touching their metadata). */
export function openPdf(bytes: Uint8Array): Promise<PDFDocument> {
  return PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: IN_ONE_GO });
}

export async function decorate(doc: PDFDocument, request: DecorateRequest): Promise<void> {
  doc.registerFontkit(stampFontkit);
  const font = await doc.embedFont(stampFontBytes(), { subset: true, customName: STAMP_FONT_NAME });
  const text = new StampText(doc, font);
  const pages = doc.getPages();
  let layout: FooterLayout | undefined;
  let lastTrim = { width: 0, height: 0 };

  pages.forEach((page, index) => {
    const trim = request.paper ? setPaperSize(page, request.paper) : page.getSize();
    lastTrim = trim;
    if (request.bleed) addBleed(page, request.bleed);
    layout ??= layoutFooter(text, request.footerBox, trim.width, request.footer, pages.length);
    const footer = layout;
    asArtifact(page, () => {
      if (request.watermark) drawWatermark(page, trim, text, request.watermark);
      drawFooter(page, text, footer, index, pages.length);
      if (request.bleed) drawCropMarks(page, trim, request.bleed);
    });
  });
  const last = pages.at(-1);
  const cert = request.certification;
  if (last && cert) {
    const box = { x: cert.box.x, y: cert.box.y, width: lastTrim.width - 2 * cert.box.marginX, height: cert.box.height };
    const entries = cert.entries.length > 0 ? cert.entries : cert.none ? [{ name: cert.none, role: '', signedAt: '', meaning: '' }] : [];
    asArtifact(last, () => drawCertificationBlock(last, font, box, entries, cert.labels, cert.box.size ? { size: cert.box.size } : {}));
  }
  if (request.printableAnnotations) printableAnnotations(doc);
  if (request.bookmarks) writeOutline(doc, request.bookmarks);
}

function asArtifact(page: PDFPage, draw: () => void): void {
  page.pushOperators(beginMarkedContent('Artifact'));
  try {
    draw();
  } finally {
    page.pushOperators(endMarkedContent());
  }
}
