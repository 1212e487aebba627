/**
 * Reads one cross-reference section at a byte offset: a classic `xref` table
 * with its `trailer`, or a cross-reference stream. The table format is simple
 * fixed-width text and pdf-lib offers no offset-addressed reader for it, so it
 * is parsed here; stream entries are decoded by pdf-lib's PDFXRefStreamParser.
 */
import { PDFDict, PDFName, PDFNumber, PDFRawStream, PDFXRefStreamParser, type PDFContext } from '../pdf-lib.js';
import type { PdfBytes } from './pdf-bytes.js';
import { unpredicted } from './predictor.js';
import type { XrefEntry } from './types.js';

export interface XrefSection {
  kind: 'table' | 'stream';
  entries: XrefEntry[];
  trailer: PDFDict;
  /** For an xref stream: its own object number. */
  streamObject?: number;
}

export function readXrefSection(file: PdfBytes, offset: number): XrefSection {
  const re = /[\0\t\n\f\r ]*xref(?![A-Za-z])/y;
  re.lastIndex = offset;
  if (re.exec(file.text)) return readTable(file, re.lastIndex);
  const stream = file.indirectAt(offset);
  if (!stream) throw new Error(`no cross-reference section at byte ${offset}`);
  if (!(stream.object instanceof PDFRawStream) || stream.object.dict.get(PDFName.of('Type')) !== PDFName.of('XRef')) {
    throw new Error(`byte ${offset} holds object ${stream.num}, not a cross-reference table or stream`);
  }
  return { kind: 'stream', entries: streamEntries(stream.object, file.context), trailer: stream.object.dict, streamObject: stream.num };
}

/** Entries of an xref stream (also used for a hybrid file's /XRefStm). */
export function streamEntries(stream: PDFRawStream, context: PDFContext): XrefEntry[] {
  // parseIntoContext also writes the context's trailerInfo; xrefView sets it again at the end.
  return PDFXRefStreamParser.forStream(unpredicted(stream, context))
    .parseIntoContext()
    .map((e): XrefEntry => {
      const num = e.ref.objectNumber;
      if (e.deleted) return { num, gen: e.ref.generationNumber, kind: 'free' };
      // For a compressed object the parser puts the index inside the object stream into the generation field.
      if (e.inObjectStream) return { num, gen: 0, kind: 'compressed', stream: e.offset, index: e.ref.generationNumber };
      return { num, gen: e.ref.generationNumber, kind: 'offset', offset: e.offset };
    });
}

function readTable(file: PdfBytes, from: number): XrefSection {
  const entries: XrefEntry[] = [];
  const subsection = /[\0\t\n\f\r ]*(\d+)[ ]+(\d+)[ \t]*(?:\r\n|\r|\n)/y;
  const entry = /[\0\t\n\f\r ]*(\d{10})[ ](\d{5})[ ]([nf])/y;
  let pos = from;
  for (;;) {
    subsection.lastIndex = pos;
    const head = subsection.exec(file.text);
    if (!head) break;
    pos = subsection.lastIndex;
    const first = Number(head[1]);
    const count = Number(head[2]);
    for (let i = 0; i < count; i++) {
      entry.lastIndex = pos;
      const m = entry.exec(file.text);
      if (!m) throw new Error(`cross-reference table at byte ${from}: entry ${first + i} is malformed`);
      pos = entry.lastIndex;
      const num = first + i;
      const gen = Number(m[2]);
      entries.push(m[3] === 'f' ? { num, gen, kind: 'free' } : { num, gen, kind: 'offset', offset: Number(m[1]) });
    }
  }
  const trailerKw = /[\0\t\n\f\r ]*trailer/y;
  trailerKw.lastIndex = pos;
  if (!trailerKw.exec(file.text)) throw new Error(`cross-reference table at byte ${from} has no trailer`);
  const { object } = file.objectAt(trailerKw.lastIndex);
  if (!(object instanceof PDFDict)) throw new Error(`the trailer after byte ${from} is not a dictionary`);
  return { kind: 'table', entries, trailer: object };
}

export const trailerNumber = (trailer: PDFDict, key: string): number | undefined => {
  const value = trailer.get(PDFName.of(key));
  return value instanceof PDFNumber ? value.asNumber() : undefined;
};
