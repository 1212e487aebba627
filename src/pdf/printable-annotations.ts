/**
 * PDF/A's one common gap in a printed PDF, fixed in decorate (before the seal,
 * which hashes annotation dictionaries): annotation print flags. A module of
 * its own so that decorate loads none of the archive phase (src/pdf/archive).
 */
import { PDFArray, PDFDict, PDFName, PDFNumber, type PDFDocument } from './pdf-lib.js';

/** Sets the Print flag and clears Invisible/Hidden/NoView/ToggleNoView on every annotation but Popups (ISO 19005-2 §6.3.2). */
export function printableAnnotations(doc: PDFDocument): number {
  let changed = 0;
  for (const page of doc.getPages()) {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) continue;
    for (const ref of annots.asArray()) {
      const annot = doc.context.lookup(ref);
      if (!(annot instanceof PDFDict) || annot.get(PDFName.of('Subtype')) === PDFName.of('Popup')) continue;
      const f = annot.get(PDFName.of('F'));
      const before = f instanceof PDFNumber ? f.asNumber() : 0;
      const after = (before | 4) & ~(1 | 2 | 32 | 256);
      if (after !== before || !(f instanceof PDFNumber)) {
        annot.set(PDFName.of('F'), PDFNumber.of(after));
        changed++;
      }
    }
  }
  return changed;
}
