/**
 * PDF phase 2, seal: fixes the document's identity. Stable structure ids, the
 * drawn-content hash (everything a viewer draws or acts on, read through the
 * xref: see structure/drawn-content-hash.ts), the Info dictionary and XMP
 * record, and a content-derived /ID, then the bytes. Same input, same bytes.
 * After seal come archive (PDF/A-2b) and sign (PAdES), which must be the last
 * write: see phases.ts. Neither changes the drawn-content hash.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFHexString, IN_ONE_GO, type PDFDocument } from './pdf-lib.js';
import { writeMetadata } from './metadata.js';
import { drawnContentHash } from './structure/drawn-content-hash.js';
import { renumberStructIds } from './struct-ids.js';
import type { XmpFields } from './xmp.js';

export interface SealRequest {
  /** Metadata; `record.pagesSha256` is filled in here. */
  metadata: XmpFields;
}

export interface Sealed {
  bytes: Uint8Array;
  pages: number;
  /** The drawn-content hash recorded in the XMP (field name kept from the first record format). */
  pagesSha256: string;
}

export async function seal(doc: PDFDocument, request: SealRequest): Promise<Sealed> {
  renumberStructIds(doc);
  // The catalog entries writeMetadata sets that the hash covers (ViewerPreferences, /Lang) are written first,
  // so the hash is taken over the document as it will be saved; Info and XMP are outside the hash.
  writeMetadata(doc, request.metadata);
  // pdf-lib writes embedded fonts (the stamp subset) only when flushed: hash what will be saved.
  await doc.flush();
  const pagesSha256 = drawnContentHash(doc);
  writeMetadata(doc, { ...request.metadata, record: { ...request.metadata.record, pagesSha256 } });
  setDocumentId(doc, pagesSha256);
  const bytes = await doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: IN_ONE_GO });
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
