/**
 * The archive phase: PDF/A-2b additions that leave every drawn object alone,
 * so it can run after the seal without changing the drawn-content hash:
 * an sRGB output intent with the embedded ICC profile, the XMP packet with
 * pdfaid part 2 / conformance B and an extension schema for `deckhand:`,
 * unfiltered, and a trailer /ID when there is none.
 *
 * What PDF/A forbids but this phase cannot add (JavaScript, external
 * references, unembedded fonts, hidden annotations) is reported by
 * `checkPdfA`; the caller refuses the file. `printableAnnotations` (in
 * ../printable-annotations.ts, re-exported here) fixes the one common gap
 * (annotation print flags) and belongs in decorate, before the seal, because
 * it changes annotation dictionaries the hash covers.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream, IN_ONE_GO } from '../pdf-lib.js';
import { drawnContentHash } from '../structure/drawn-content-hash.js';
import { SRGB_IDENTIFIER, srgbProfile } from './icc-profile.js';
import { minimalXmp, type MinimalXmpFields } from './minimal-xmp.js';
import { withPdfaSchema } from './xmp-schema.js';
export { printableAnnotations } from '../printable-annotations.js';

export interface PdfaOptions {
  /** Used only when the file has no XMP packet yet (deckhand's seal always writes one). */
  fallback?: MinimalXmpFields;
}

export async function toPdfA(input: Uint8Array | PDFDocument, options: PdfaOptions = {}): Promise<Uint8Array> {
  const doc = input instanceof PDFDocument ? input : await PDFDocument.load(input, { updateMetadata: false, parseSpeed: IN_ONE_GO });
  const { context, catalog } = doc;

  const existing = context.lookup(catalog.get(PDFName.of('Metadata')));
  let xmp: string;
  if (existing instanceof PDFStream) {
    const raw = existing instanceof PDFRawStream ? decodePDFRawStream(existing).decode() : existing.getContents();
    xmp = new TextDecoder().decode(raw);
  } else if (options.fallback) xmp = minimalXmp(options.fallback);
  else throw new Error('the PDF has no XMP metadata to extend; pass options.fallback');
  const xml = new TextEncoder().encode(withPdfaSchema(xmp));
  // PDF/A: the metadata stream is not filtered, so any reader finds the packet.
  // The packet replaces the old one in place, so no stale XMP without pdfaid stays in the file.
  const stream = context.stream(xml, { Type: 'Metadata', Subtype: 'XML', Length: xml.length });
  const ref = catalog.get(PDFName.of('Metadata'));
  if (ref instanceof PDFRef) context.assign(ref, stream);
  else catalog.set(PDFName.of('Metadata'), context.register(stream));

  const profile = context.register(context.flateStream(srgbProfile(), { N: 3 }));
  const intent = context.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFHexString.fromText(SRGB_IDENTIFIER),
    Info: PDFHexString.fromText(SRGB_IDENTIFIER),
    RegistryName: PDFHexString.fromText('http://www.color.org'),
    DestOutputProfile: profile,
  });
  catalog.set(PDFName.of('OutputIntents'), context.obj([intent]));

  if (!(context.trailerInfo.ID instanceof PDFArray)) {
    const id = createHash('sha256').update(`deckhand:${drawnContentHash(doc)}`).digest('hex').slice(0, 32);
    context.trailerInfo.ID = context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  }
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: IN_ONE_GO });
}
