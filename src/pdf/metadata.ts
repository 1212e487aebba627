/**
 * Document metadata: the Info dictionary, /Lang, DisplayDocTitle and the XMP
 * stream. Every date is the build's source date, never the wall clock.
 */
import { PDFDict, PDFHexString, PDFName, PDFRef, type PDFDocument } from './pdf-lib.js';
import { xmpPacket, type XmpFields } from './xmp.js';

export function writeMetadata(doc: PDFDocument, fields: XmpFields): void {
  doc.setTitle(fields.title, { showInWindowTitleBar: true });
  doc.setAuthor(fields.author);
  doc.setSubject(fields.subject);
  doc.setCreator(fields.producer);
  doc.setProducer(fields.producer);
  doc.setCreationDate(fields.date);
  doc.setModificationDate(fields.date);
  doc.setLanguage(fields.language);
  // pdf-lib's setKeywords joins with spaces, which runs multi-word keywords together; use "; ".
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (info instanceof PDFDict) info.set(PDFName.of('Keywords'), PDFHexString.fromText(fields.keywords.join('; ')));
  const xml = new TextEncoder().encode(xmpPacket(fields));
  const stream = doc.context.stream(xml, { Type: 'Metadata', Subtype: 'XML', Length: xml.length });
  // Written twice by the seal (before and after the hash): the second packet replaces the first in place.
  const existing = doc.catalog.get(PDFName.of('Metadata'));
  if (existing instanceof PDFRef) doc.context.assign(existing, stream);
  else doc.catalog.set(PDFName.of('Metadata'), doc.context.register(stream));
}
