/** What the structure reader reports about a PDF file's revisions and object definitions. */
import type { PDFDict } from 'pdf-lib';

/** One cross-reference entry: where a revision says an object lives. */
export type XrefEntry =
  | { num: number; gen: number; kind: 'free' }
  | { num: number; gen: number; kind: 'offset'; offset: number }
  | { num: number; gen: number; kind: 'compressed'; stream: number; index: number };

export interface Revision {
  /** 0 is the original file; each incremental update adds one. */
  index: number;
  /** Byte range [start, end) of this revision: from the previous revision's end to just after its %%EOF line. */
  start: number;
  end: number;
  /** Offset just after this revision's `%%EOF` (before its end-of-line): a file that ended there hashes as `bytes[0, eof)`. */
  eof: number;
  /** Where its cross-reference section starts, and what kind it is. */
  xrefOffset: number;
  xrefKind: 'table' | 'stream';
  /** Its trailer's /Prev, if any. */
  prev?: number;
  /** Object numbers this revision's xref marks in use (defines or redefines), ascending. */
  objects: number[];
  /** Object numbers this revision's xref marks free. */
  freed: number[];
  entries: XrefEntry[];
  trailer: PDFDict;
}

/** An `N G obj` found in the bytes, or an object inside an object stream. */
export interface ObjectDefinition {
  num: number;
  gen: number;
  /** Byte offset of `N G obj` (for a compressed object: of its object stream). */
  offset: number;
  /** Revision whose byte range holds the definition. */
  revision: number;
  /** Set for an object stored inside an object stream: that stream's object number. */
  inObjectStream?: number;
}

export interface Duplicate {
  num: number;
  revision: number;
  offsets: number[];
}

export interface PdfStructure {
  fileLength: number;
  /** Oldest first. */
  revisions: Revision[];
  definitions: ObjectDefinition[];
  /** The same object number defined more than once inside one revision. */
  duplicates: Duplicate[];
  /** Bytes after the final %%EOF other than trailing whitespace (0 when clean). */
  trailingBytes: number;
  /** Everything a viewer would silently tolerate but a verifier must not; empty when clean. */
  problems: string[];
}
