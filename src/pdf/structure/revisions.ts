/** Helpers over a structure report for incremental updates (personalised copies, signatures). */
import type { PdfStructure } from './types.js';

/**
 * The file as it was when revision `index` was written: up to and including
 * its `%%EOF` and, with `withEol`, the end-of-line after it (an updater that
 * appends to a file without a final newline adds one itself).
 */
export function revisionBytes(bytes: Uint8Array, structure: PdfStructure, index: number, withEol = false): Uint8Array {
  const r = structure.revisions[index];
  if (!r) throw new Error(`the file has no revision ${index + 1}`);
  return bytes.subarray(0, withEol ? r.end : r.eof);
}

/** Object numbers revision `index` adds (new numbers) and replaces (numbers an earlier revision defined). */
export function revisionAdds(structure: PdfStructure, index: number): { added: number[]; replaced: number[]; freed: number[] } {
  const r = structure.revisions[index];
  if (!r) throw new Error(`the file has no revision ${index + 1}`);
  const before = new Set(structure.revisions.slice(0, index).flatMap((p) => p.objects));
  return { added: r.objects.filter((n) => !before.has(n)), replaced: r.objects.filter((n) => before.has(n)), freed: r.freed };
}
