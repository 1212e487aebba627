/**
 * PDF phase 2, seal: fixes the document's identity. Stable structure ids, the
 * hash of the pages' content, the Info dictionary and XMP record, and a
 * content-derived /ID, then the bytes. Same input, same bytes.
 * After seal come archive (PDF/A-2b) and sign (PAdES), which must be the last
 * write: see phases.ts.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFHexString, type PDFDocument } from 'pdf-lib';
import { pagesContentHash } from './content-hash.js';
import { writeMetadata } from './metadata.js';
import { renumberStructIds } from './struct-ids.js';
import type { XmpFields } from './xmp.js';

export interface SealRequest {
  /** Metadata; `record.pagesSha256` is filled in here. */
  metadata: XmpFields;
}

export interface Sealed {
  bytes: Uint8Array;
  pages: number;
  pagesSha256: string;
}

export async function seal(doc: PDFDocument, request: SealRequest): Promise<Sealed> {
  renumberStructIds(doc);
  const pagesSha256 = pagesContentHash(doc);
  writeMetadata(doc, { ...request.metadata, record: { ...request.metadata.record, pagesSha256 } });
  setDocumentId(doc, pagesSha256);
  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
  return { bytes, pages: doc.getPageCount(), pagesSha256 };
}

/** The trailer /ID, derived from the content instead of random bytes. */
function setDocumentId(doc: PDFDocument, pagesSha256: string): void {
  const id = createHash('sha256').update(`deckhand:${pagesSha256}`).digest('hex').slice(0, 32);
  const array = PDFArray.withContext(doc.context);
  array.push(PDFHexString.of(id));
  array.push(PDFHexString.of(id));
  doc.context.trailerInfo.ID = array;
}
