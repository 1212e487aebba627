/**
 * A light reader of a PDF's revisions: follows `startxref` and each xref
 * section's /Prev, the way viewers do, and says which objects each revision
 * defines and where its bytes end. pdf-lib reads only the merged result (and
 * has no incremental save), so this part is written by hand; object syntax is
 * still parsed by pdf-lib's PDFObjectParser.
 */
import { PDFArray, PDFContext, PDFDict, PDFName, PDFNumber, PDFObjectParser, PDFRawStream, PDFRef, decodePDFRawStream, type PDFObject, type PDFStream } from '../pdf/pdf-lib.js';
import { indexOf, lastIndexOf, text } from './pdf-bytes.js';

export interface XrefEntry {
  /** 0 free, 1 at a byte offset, 2 inside an object stream. */
  type: 0 | 1 | 2;
  /** Byte offset (type 1), object stream number (type 2). */
  field2: number;
  /** Generation (type 1), index in the object stream (type 2). */
  field3: number;
}

export interface Revision {
  /** Where its xref section (table or stream) starts. */
  xrefOffset: number;
  kind: 'table' | 'stream';
  entries: Map<number, XrefEntry>;
  trailer: PDFDict;
  prev?: number;
  /** Byte index just after this revision's `%%EOF` and one end-of-line. */
  end: number;
}

export class RevisionError extends Error {}

/** Revisions oldest first. Throws RevisionError when the chain cannot be followed. */
export function readRevisions(bytes: Uint8Array, context = PDFContext.create()): Revision[] {
  const startxref = lastIndexOf(bytes, 'startxref');
  if (startxref < 0) throw new RevisionError('it has no startxref');
  let offset: number | undefined = Number(/^startxref\s+(\d+)/.exec(text(bytes, startxref, Math.min(bytes.length, startxref + 40)))?.[1] ?? NaN);
  const chain: Revision[] = [];
  const visited = new Set<number>();
  while (offset !== undefined) {
    if (!Number.isInteger(offset) || offset < 0 || offset >= bytes.length) throw new RevisionError(`an xref offset (${offset}) points outside the file`);
    if (visited.has(offset) || chain.length > 1000) throw new RevisionError('its xref sections form a loop');
    visited.add(offset);
    const revision = readXrefSection(bytes, offset, context);
    chain.push(revision);
    offset = revision.prev;
  }
  return chain.reverse();
}

function readXrefSection(bytes: Uint8Array, offset: number, context: PDFContext): Revision {
  const end = revisionEnd(bytes, offset);
  if (text(bytes, offset, offset + 4) === 'xref') return readXrefTable(bytes, offset, end, context);
  const { object } = readIndirectObject(bytes, offset, context);
  if (!(object instanceof PDFRawStream) || object.dict.get(PDFName.of('Type')) !== PDFName.of('XRef')) throw new RevisionError(`no xref section at byte ${offset}`);
  const dict = object.dict;
  const widths = numbers(dict.get(PDFName.of('W')));
  const size = numberOf(dict.get(PDFName.of('Size')));
  const index = numbers(dict.get(PDFName.of('Index'))) ?? [0, size];
  if (!widths || widths.length !== 3) throw new RevisionError(`the xref stream at byte ${offset} has no /W [a b c]`);
  const data = decodePDFRawStream(object).decode();
  const entries = new Map<number, XrefEntry>();
  const rowWidth = widths.reduce((a, b) => a + b, 0);
  let at = 0;
  for (let i = 0; i + 1 < index.length; i += 2) {
    const first = index[i] ?? 0;
    const count = index[i + 1] ?? 0;
    for (let n = 0; n < count; n++) {
      if (at + rowWidth > data.length) throw new RevisionError(`the xref stream at byte ${offset} is shorter than its /Index says`);
      const field = (w: number, fallback: number) => {
        if (w === 0) return fallback;
        let v = 0;
        for (let k = 0; k < w; k++) v = v * 256 + (data[at++] ?? 0);
        return v;
      };
      const type = field(widths[0] ?? 1, 1);
      const f2 = field(widths[1] ?? 0, 0);
      const f3 = field(widths[2] ?? 0, 0);
      entries.set(first + n, { type: type === 0 ? 0 : type === 2 ? 2 : 1, field2: f2, field3: f3 });
    }
  }
  return { xrefOffset: offset, kind: 'stream', entries, trailer: dict, ...prevOf(dict), end };
}

function readXrefTable(bytes: Uint8Array, offset: number, end: number, context: PDFContext): Revision {
  const trailerAt = indexOf(bytes, 'trailer', offset);
  if (trailerAt < 0) throw new RevisionError(`the xref table at byte ${offset} has no trailer`);
  const lines = text(bytes, offset + 4, trailerAt).trim().split(/\r\n|\r|\n/);
  const entries = new Map<number, XrefEntry>();
  let next = 0;
  for (const line of lines) {
    const parts = line.trim().split(/\s+/);
    if (parts.length === 2) {
      next = Number(parts[0]);
      continue;
    }
    if (parts.length !== 3) throw new RevisionError(`the xref table at byte ${offset} has a broken line "${line}"`);
    entries.set(next++, { type: parts[2] === 'f' ? 0 : 1, field2: Number(parts[0]), field3: Number(parts[1]) });
  }
  const trailer = PDFObjectParser.forBytes(bytes.subarray(trailerAt + 7), context).parseObject();
  if (!(trailer instanceof PDFDict)) throw new RevisionError(`the trailer at byte ${trailerAt} is not a dictionary`);
  return { xrefOffset: offset, kind: 'table', entries, trailer, ...prevOf(trailer), end };
}

/** Just after the first `%%EOF` (and one end-of-line) after `from`. */
function revisionEnd(bytes: Uint8Array, from: number): number {
  const eof = indexOf(bytes, '%%EOF', from);
  if (eof < 0) throw new RevisionError(`the revision whose xref is at byte ${from} has no %%EOF`);
  let end = eof + 5;
  if (bytes[end] === 0x0d) end++;
  if (bytes[end] === 0x0a) end++;
  return end;
}

const prevOf = (dict: PDFDict): { prev?: number } => {
  const prev = dict.get(PDFName.of('Prev'));
  return prev instanceof PDFNumber ? { prev: prev.asNumber() } : {};
};

function numbers(object: PDFObject | undefined): number[] | undefined {
  if (!(object instanceof PDFArray)) return undefined;
  return object.asArray().map((o) => (o instanceof PDFNumber ? o.asNumber() : NaN));
}

const numberOf = (object: PDFObject | undefined) => (object instanceof PDFNumber ? object.asNumber() : 0);

/** Parses `N G obj ... endobj` at `offset`. */
export function readIndirectObject(bytes: Uint8Array, offset: number, context: PDFContext): { ref: PDFRef; object: PDFObject } {
  const head = /^(\d+)\s+(\d+)\s+obj\b/.exec(text(bytes, offset, Math.min(bytes.length, offset + 40)));
  if (!head) throw new RevisionError(`no object at byte ${offset}`);
  const object = PDFObjectParser.forBytes(bytes.subarray(offset + head[0].length), context).parseObject();
  return { ref: PDFRef.of(Number(head[1]), Number(head[2])), object };
}

/** Where every `N G obj` header between `from` and `to` starts. */
export function objectHeaders(bytes: Uint8Array, from: number, to: number): { number: number; generation: number; offset: number }[] {
  const found: { number: number; generation: number; offset: number }[] = [];
  const re = /(\d+)[ \t\r\n\f\0]+(\d+)[ \t\r\n\f\0]+obj\b/g;
  const body = text(bytes, from, to);
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const before = m.index === 0 ? '\n' : body[m.index - 1];
    if (before !== undefined && /[\s>\]]/.test(before)) found.push({ number: Number(m[1]), generation: Number(m[2]), offset: from + m.index });
  }
  return found;
}

/** A stream's decoded data as UTF-8 text. */
export function streamText(stream: PDFStream): string {
  const data = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return Buffer.from(data).toString('utf8');
}
