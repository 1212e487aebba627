/**
 * Object headers in an update that its xref does not account for. A viewer
 * that follows the xref ignores them, but a viewer that repairs the file
 * (or a reader that scans for objects) would draw them: an appended second
 * copy of an object is how a hash over the "real" one is fooled.
 */
import { PDFName, PDFNumber, PDFRawStream, PDFContext } from '../pdf/pdf-lib.js';
import { indexOf } from './pdf-bytes.js';
import { objectHeaders, readIndirectObject, type Revision } from './revisions.js';

export function duplicateHeaders(bytes: Uint8Array, from: number, update: Revision): string[] {
  const context = PDFContext.create();
  const listed = new Map<number, number>();
  for (const [n, e] of update.entries) if (e.type === 1) listed.set(e.field2, n);
  // The spans of listed objects: headers inside them (in binary stream data) are not objects.
  const spans: [number, number][] = [];
  for (const offset of listed.keys()) spans.push([offset, objectEnd(bytes, offset, context)]);
  const problems: string[] = [];
  for (const h of objectHeaders(bytes, from, update.end)) {
    if (listed.get(h.offset) === h.number) continue;
    if (spans.some(([a, b]) => h.offset > a && h.offset < b)) continue;
    problems.push(`its update holds a definition of object ${h.number} at byte ${h.offset} that its xref does not list (a hidden duplicate)`);
  }
  return problems;
}

function objectEnd(bytes: Uint8Array, offset: number, context: PDFContext): number {
  try {
    const { object } = readIndirectObject(bytes, offset, context);
    if (object instanceof PDFRawStream) {
      const length = object.dict.get(PDFName.of('Length'));
      const start = indexOf(bytes, 'stream', offset);
      if (length instanceof PDFNumber && start >= 0) return indexOf(bytes, 'endobj', start + 6 + length.asNumber());
    }
  } catch {
    // Unreadable objects are reported by the caller; search for endobj.
  }
  const end = indexOf(bytes, 'endobj', offset);
  return end < 0 ? bytes.length : end;
}
