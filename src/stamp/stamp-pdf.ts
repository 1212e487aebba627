/**
 * "Stamp this PDF with this document's identity": exact page boxes, the footer
 * on every page, the DRAFT watermark when not approved, bookmarks, metadata and
 * XMP, stable structure IDs and a content-derived /ID, so the same input gives
 * the same bytes. Stamp drawings are marked as Artifacts, which keeps the
 * tagged structure Chromium wrote intact.
 */
import { createHash } from 'node:crypto';
import { stampFontkit } from './stamp-font.js';
import { PDFArray, PDFDocument, PDFHexString, beginMarkedContent, endMarkedContent, type PDFPage } from 'pdf-lib';
import { stampFontBytes } from '../render/fonts.js';
import { pagesContentHash } from './content-hash.js';
import { drawFooter, layoutFooter, type FooterBox, type FooterLayout, type FooterText } from './footer.js';
import { StampText } from './stamp-text.js';
import { writeMetadata } from './metadata.js';
import { writeOutline, type Bookmark } from './outline.js';
import { addBleed, drawCropMarks, setPaperSize, type PaperId } from './page-boxes.js';
export { FOOTER_BOXES } from './footer-boxes.js';
import { renumberStructIds } from './struct-ids.js';
import { drawWatermark } from './watermark.js';
import type { XmpFields } from './xmp.js';

export interface StampRequest {
  footer: FooterText;
  /** Footer geometry, in points relative to the trim. */
  footerBox: FooterBox;
  watermark: boolean;
  /** Set the exact paper size (handouts); decks keep their 16:9 size. */
  paper?: PaperId;
  /** Press bleed in points. */
  bleed?: number;
  bookmarks?: Bookmark[];
  /** Metadata; `record.pagesSha256` is filled in here. */
  metadata: XmpFields;
}

/** Subset name of the stamp font: fixed, so output does not vary (pdf-lib would add a random suffix). */
const STAMP_FONT_NAME = 'DHSTMP+NotoSans-Regular';

export async function stampPdf(input: Uint8Array, request: StampRequest): Promise<{ bytes: Uint8Array; pages: number }> {
  const doc = await PDFDocument.load(input, { updateMetadata: false });
  doc.registerFontkit(stampFontkit);
  const font = await doc.embedFont(stampFontBytes(), { subset: true, customName: STAMP_FONT_NAME });
  const text = new StampText(doc, font);
  const pages = doc.getPages();
  let layout: FooterLayout | undefined;

  pages.forEach((page, index) => {
    const trim = request.paper ? setPaperSize(page, request.paper) : page.getSize();
    if (request.bleed) addBleed(page, request.bleed);
    layout ??= layoutFooter(text, request.footerBox, trim.width, request.footer, pages.length);
    const footer = layout;
    asArtifact(page, () => {
      if (request.watermark) drawWatermark(page, trim, text);
      drawFooter(page, text, footer, index, pages.length);
      if (request.bleed) drawCropMarks(page, trim, request.bleed);
    });
  });

  if (request.bookmarks) writeOutline(doc, request.bookmarks);
  renumberStructIds(doc);
  const pagesSha256 = pagesContentHash(doc);
  writeMetadata(doc, { ...request.metadata, record: { ...request.metadata.record, pagesSha256 } });
  setDocumentId(doc, pagesSha256);
  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes, pages: pages.length };
}

function asArtifact(page: PDFPage, draw: () => void): void {
  page.pushOperators(beginMarkedContent('Artifact'));
  try {
    draw();
  } finally {
    page.pushOperators(endMarkedContent());
  }
}

/** The trailer /ID, derived from the content instead of random bytes. */
function setDocumentId(doc: PDFDocument, pagesSha256: string): void {
  const id = createHash('sha256').update(`deckhand:${pagesSha256}`).digest('hex').slice(0, 32);
  const array = PDFArray.withContext(doc.context);
  array.push(PDFHexString.of(id));
  array.push(PDFHexString.of(id));
  doc.context.trailerInfo.ID = array;
}
