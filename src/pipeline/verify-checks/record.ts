/** Reads deckhand's XMP record through the xref, as a viewer would find it. A label for people, never the verdict. */
import { PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from '../../pdf/pdf-lib.js';
import { xrefView } from '../../pdf/structure/index.js';
import { readDeckhandRecord, type DeckhandRecord } from '../../pdf/xmp.js';

export function readRecord(bytes: Uint8Array): DeckhandRecord | undefined {
  const { catalog } = xrefView(bytes);
  const stream = catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFStream)) return undefined;
  const raw = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return readDeckhandRecord(new TextDecoder().decode(raw));
}
