/**
 * A structural PDF/A-2b check (veraPDF cannot be installed here): the
 * clauses of ISO 19005-2 that deckhand's output could break, each reported
 * as a sentence. It reads the file through the cross-reference like a
 * viewer, and adds the structure reader's own findings. It is not a full
 * validator: it does not check glyph widths, colour spaces used without the
 * output intent, or XMP schema typing beyond the `deckhand:` extension.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRawStream, PDFRef, PDFStream, PDFString, decodePDFRawStream, type PDFContext, type PDFObject } from '../pdf-lib.js';
import { readStructure } from '../structure/read-structure.js';
import { xrefView } from '../structure/xref-view.js';
import { iccHeader } from './icc-profile.js';
import { checkXmp } from './check-xmp.js';

const FORBIDDEN_ACTIONS = new Set(['Launch', 'Sound', 'Movie', 'ResetForm', 'ImportData', 'JavaScript', 'Hide', 'SetOCGState', 'Rendition', 'Trans', 'GoTo3DView', 'GoToR', 'GoToE']);
const FORBIDDEN_ANNOTS = new Set(['Movie', 'Sound', 'Screen', '3D', 'FileAttachment']);
const ANNOT_TYPES = new Set(['Text', 'Link', 'FreeText', 'Line', 'Square', 'Circle', 'Polygon', 'PolyLine', 'Highlight', 'Underline', 'Squiggly', 'StrikeOut', 'Stamp', 'Caret', 'Ink', 'Popup', 'Widget', 'PrinterMark', 'TrapNet', 'Watermark', 'Redact', ...FORBIDDEN_ANNOTS]);

export function checkPdfA(bytes: Uint8Array): string[] {
  const problems: string[] = [];
  const head = Buffer.from(bytes.subarray(0, 32)).toString('latin1');
  if (!/^%PDF-1\.[0-7]\r?\n/.test(head)) problems.push('the header is not %PDF-1.0 to %PDF-1.7 on its own line');
  const second = /^%PDF-1\.\d\r?\n%(....)/s.exec(head)?.[1];
  if (!second || [...second].some((c) => c.charCodeAt(0) < 128)) problems.push('the header is not followed by a comment of four bytes above 127');

  let view;
  try {
    view = xrefView(bytes);
  } catch (error) {
    const encrypted = readStructure(bytes).problems.filter((p) => p.includes('/Encrypt'));
    return [...problems, ...encrypted, `the file cannot be read: ${(error as Error).message}`];
  }
  const { context, catalog, trailer, structure } = view;
  if (trailer.has(PDFName.of('Encrypt'))) return [...problems, 'the file is encrypted (/Encrypt)'];
  problems.push(...structure.problems.map((p) => `structure: ${p}`));
  const id = context.lookup(trailer.get(PDFName.of('ID')));
  if (!(id instanceof PDFArray) || id.size() !== 2 || !id.asArray().every((s) => s instanceof PDFHexString || s instanceof PDFString)) problems.push('the trailer has no /ID of two strings');

  checkOutputIntent(context, catalog, problems);
  checkCatalog(context, catalog, problems);
  const metadata = context.lookup(catalog.get(PDFName.of('Metadata')));
  if (!(metadata instanceof PDFStream)) problems.push('the catalog has no XMP /Metadata stream');
  else {
    if (metadata.dict.has(PDFName.of('Filter'))) problems.push('the XMP metadata stream is filtered');
    const raw = metadata instanceof PDFRawStream ? decodePDFRawStream(metadata).decode() : metadata.getContents();
    problems.push(...checkXmp(new TextDecoder().decode(raw), context.lookup(trailer.get(PDFName.of('Info')))));
  }

  for (const [ref, object] of context.enumerateIndirectObjects()) walk(context, object, ref, problems, new Set());
  return [...new Set(problems)];
}

function checkOutputIntent(context: PDFContext, catalog: PDFDict, problems: string[]): void {
  const intents = context.lookup(catalog.get(PDFName.of('OutputIntents')));
  const pdfa = intents instanceof PDFArray ? intents.asArray().map((i) => context.lookup(i)).find((i): i is PDFDict => i instanceof PDFDict && i.get(PDFName.of('S')) === PDFName.of('GTS_PDFA1')) : undefined;
  if (!pdfa) return void problems.push('no /OutputIntents entry with /S /GTS_PDFA1');
  const profile = context.lookup(pdfa.get(PDFName.of('DestOutputProfile')));
  if (!(profile instanceof PDFStream)) return void problems.push('the PDF/A output intent has no embedded ICC profile (/DestOutputProfile)');
  const n = context.lookup(profile.dict.get(PDFName.of('N')));
  if (!(n instanceof PDFNumber) || n.asNumber() !== 3) problems.push('the output intent ICC profile stream does not have /N 3');
  const header = iccHeader(profile instanceof PDFRawStream ? decodePDFRawStream(profile).decode() : profile.getContents());
  if (!header) problems.push('the output intent profile is not an ICC profile');
  else if (header.colourSpace !== 'RGB ') problems.push(`the output intent profile is for ${header.colourSpace.trim()}, not RGB`);
}

function checkCatalog(context: PDFContext, catalog: PDFDict, problems: string[]): void {
  if (catalog.has(PDFName.of('AA'))) problems.push('the catalog has additional actions (/AA)');
  const names = context.lookup(catalog.get(PDFName.of('Names')));
  if (names instanceof PDFDict) {
    if (names.has(PDFName.of('JavaScript'))) problems.push('the name tree holds JavaScript');
    if (names.has(PDFName.of('EmbeddedFiles'))) problems.push('the file embeds other files (/EmbeddedFiles)');
  }
  const form = context.lookup(catalog.get(PDFName.of('AcroForm')));
  if (form instanceof PDFDict) {
    if (form.has(PDFName.of('XFA'))) problems.push('the form is XFA');
    if (context.lookup(form.get(PDFName.of('NeedAppearances'))) === context.obj(true)) problems.push('the form sets /NeedAppearances true');
  }
}

/** Looks at every dictionary reachable inside one indirect object (not across references). */
function walk(context: PDFContext, object: PDFObject, ref: PDFRef, problems: string[], seen: Set<PDFObject>): void {
  if (seen.has(object)) return;
  seen.add(object);
  const dict = object instanceof PDFStream ? object.dict : object instanceof PDFDict ? object : undefined;
  if (object instanceof PDFArray) for (const item of object.asArray()) walk(context, item, ref, problems, seen);
  if (!dict) return;
  const where = `object ${ref.objectNumber}`;
  const get = (key: string) => context.lookup(dict.get(PDFName.of(key)));
  const type = get('Type');
  const subtype = get('Subtype');
  const s = get('S');

  if (dict.has(PDFName.of('JS'))) problems.push(`${where} carries JavaScript (/JS)`);
  if (s instanceof PDFName && FORBIDDEN_ACTIONS.has(s.decodeText()) && (type === undefined || type === PDFName.of('Action'))) problems.push(`${where} is a ${s.decodeText()} action, which PDF/A forbids`);
  if (type === PDFName.of('Page') && dict.has(PDFName.of('AA'))) problems.push(`page ${where} has additional actions (/AA)`);

  if (type === PDFName.of('Font') && subtype instanceof PDFName && subtype !== PDFName.of('Type3') && subtype !== PDFName.of('Type0')) {
    const descriptor = get('FontDescriptor');
    const embedded = descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
    if (!embedded) problems.push(`font ${fontName(context, dict)} (${where}) is not embedded`);
  }
  if (subtype === PDFName.of('PS') || (type === PDFName.of('XObject') && (dict.has(PDFName.of('Ref')) || dict.has(PDFName.of('OPI'))))) problems.push(`${where} is a PostScript or reference XObject`);
  if (subtype === PDFName.of('Image') && (dict.has(PDFName.of('Alternates')) || get('Interpolate') === context.obj(true))) problems.push(`image ${where} uses /Alternates or /Interpolate true`);

  const isAnnot = type === PDFName.of('Annot') || (subtype instanceof PDFName && ANNOT_TYPES.has(subtype.decodeText()) && dict.has(PDFName.of('Rect')));
  if (isAnnot && subtype instanceof PDFName) {
    const name = subtype.decodeText();
    if (FORBIDDEN_ANNOTS.has(name)) problems.push(`${where} is a ${name} annotation, which PDF/A-2b forbids`);
    if (name !== 'Popup') {
      const f = get('F');
      const flags = f instanceof PDFNumber ? f.asNumber() : 0;
      if (!(flags & 4) || flags & (1 | 2 | 32 | 256)) problems.push(`annotation ${where} (${name}) is not set to print, or is hidden (/F ${flags})`);
      const rect = get('Rect');
      const zero = rect instanceof PDFArray && rect.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)).every((v, i, a) => (i < 2 ? v === a[i + 2] : true));
      const ap = get('AP');
      if (name !== 'Link' && !zero && !(ap instanceof PDFDict && ap.has(PDFName.of('N')))) problems.push(`annotation ${where} (${name}) has no normal appearance stream`);
    }
  }
  for (const [, value] of dict.entries()) if (!(value instanceof PDFRef)) walk(context, value, ref, problems, seen);
}

function fontName(context: PDFContext, font: PDFDict): string {
  const base = context.lookup(font.get(PDFName.of('BaseFont')));
  return base instanceof PDFName ? base.decodeText() : '(unnamed)';
}
