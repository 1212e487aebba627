/**
 * The document as a viewer sees it: each object number resolved through the
 * newest revision's cross-reference that mentions it, parsed from the offset
 * that entry gives. Hashing this view, rather than pdf-lib's sequential
 * parse, means the hash reads the same copy of every object a viewer draws.
 */
import { PDFDict, PDFName, PDFRef, type PDFContext, type PDFObject } from '../pdf-lib.js';
import { indexObjectStream, isObjectStream, type ObjectStreamIndex } from './object-streams.js';
import { PdfBytes } from './pdf-bytes.js';
import { readWith } from './read-structure.js';
import type { PdfStructure, XrefEntry } from './types.js';

export interface XrefView {
  context: PDFContext;
  catalog: PDFDict;
  /** The newest trailer. */
  trailer: PDFDict;
  structure: PdfStructure;
}

/** Throws when there is no usable cross-reference or catalog; other problems are in `structure.problems`. */
export function xrefView(bytes: Uint8Array): XrefView {
  const file = new PdfBytes(bytes);
  const { structure } = readWith(file);
  const newest = structure.revisions.at(-1);
  if (!newest) throw new Error(structure.problems[0] ?? 'no cross-reference section');

  const current = new Map<number, XrefEntry>();
  for (const r of structure.revisions) for (const e of r.entries) current.set(e.num, e);

  const { context } = file;
  const streams = new Map<number, ObjectStreamIndex>();
  const objectStream = (num: number): ObjectStreamIndex | undefined => {
    if (!streams.has(num)) {
      const entry = current.get(num);
      const found = entry?.kind === 'offset' ? file.indirectAt(entry.offset) : undefined;
      if (found && found.num === num && isObjectStream(found.object)) streams.set(num, indexObjectStream(found.object, context));
    }
    return streams.get(num);
  };

  for (const entry of current.values()) {
    let object: PDFObject | undefined;
    try {
      if (entry.kind === 'offset') {
        const found = file.indirectAt(entry.offset);
        if (found && found.num === entry.num) object = found.object;
      } else if (entry.kind === 'compressed') {
        const stream = objectStream(entry.stream);
        if (stream?.nums[entry.index] === entry.num) object = stream.objectAt(entry.index);
      }
    } catch {
      // Left unresolved; the structure report already names the bad entry.
    }
    if (object) context.assign(PDFRef.of(entry.num, entry.kind === 'offset' ? entry.gen : 0), object);
  }

  const trailer = newest.trailer;
  const catalog = context.lookup(trailer.get(PDFName.of('Root')));
  if (!(catalog instanceof PDFDict)) throw new Error('the trailer has no /Root catalog');
  context.trailerInfo = { Root: trailer.get(PDFName.of('Root')), Info: trailer.get(PDFName.of('Info')), ID: trailer.get(PDFName.of('ID')), Encrypt: trailer.get(PDFName.of('Encrypt')) };
  return { context, catalog, trailer, structure };
}
