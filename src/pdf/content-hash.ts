/**
 * sha256 over every page's size and decoded content streams. The stamp records
 * it in the XMP; `deckhand verify` recomputes it, so an edit to the pages (a
 * changed word, a removed watermark) shows up as a mismatch.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFRawStream, PDFStream, decodePDFRawStream, type PDFDocument, type PDFObject } from './pdf-lib.js';

function streamBytes(stream: PDFStream): Uint8Array {
  if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
  const maybe = stream as PDFStream & { getUnencodedContents?: () => Uint8Array };
  return maybe.getUnencodedContents ? maybe.getUnencodedContents() : stream.getContents();
}

export function pagesContentHash(doc: PDFDocument): string {
  const hash = createHash('sha256');
  doc.getPages().forEach((page, index) => {
    const { x, y, width, height } = page.getMediaBox();
    hash.update(`page ${index} ${x} ${y} ${width} ${height}\n`);
    const contents: PDFObject | undefined = page.node.Contents();
    const streams: PDFObject[] = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref) as PDFObject) : contents ? [contents] : [];
    for (const stream of streams) {
      if (stream instanceof PDFStream) hash.update(streamBytes(stream));
    }
  });
  return hash.digest('hex');
}
