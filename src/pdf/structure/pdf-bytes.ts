/**
 * Low-level access to a PDF file's bytes at given offsets. The object syntax
 * itself (dictionaries, strings, streams) is parsed by pdf-lib's
 * PDFObjectParser; only the `N G obj` header and the positioning are ours,
 * because pdf-lib's document parser reads objects in file order and never
 * follows the cross-reference offsets, which is exactly what a verifier must do.
 */
import { PDFContext, PDFObjectParser, type PDFObject } from '../pdf-lib.js';

/** The parser's byte cursor; pdf-lib keeps it protected, and it is the only way to move the parser to an offset. */
interface Cursor {
  moveTo(offset: number): void;
  offset(): number;
}

export interface ObjectHeader {
  num: number;
  gen: number;
  /** Offset of the first digit of `N G obj`. */
  at: number;
  /** Offset just after `obj`. */
  bodyStart: number;
}

export class PdfBytes {
  readonly text: string;
  readonly context: PDFContext;
  private readonly parser: PDFObjectParser;
  private readonly cursor: Cursor;

  constructor(readonly bytes: Uint8Array) {
    this.text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    this.context = PDFContext.create();
    this.parser = PDFObjectParser.forBytes(bytes, this.context);
    this.cursor = (this.parser as unknown as { bytes: Cursor }).bytes;
  }

  /** `N G obj` starting at `offset` (leading whitespace allowed), or undefined. */
  headerAt(offset: number): ObjectHeader | undefined {
    const re = /[\0\t\n\f\r ]*(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj(?![A-Za-z])/y;
    re.lastIndex = offset;
    const m = re.exec(this.text);
    if (!m) return undefined;
    const at = m.index + m[0].length - m[0].trimStart().length;
    return { num: Number(m[1]), gen: Number(m[2]), at, bodyStart: m.index + m[0].length };
  }

  /** Parses one object starting at `offset`; returns it and the offset after it (after `endobj` if present). */
  objectAt(offset: number): { object: PDFObject; end: number } {
    this.cursor.moveTo(offset);
    const object = this.parser.parseObject();
    let end = this.cursor.offset();
    const re = /[\0\t\n\f\r ]*endobj/y;
    re.lastIndex = end;
    const m = re.exec(this.text);
    if (m) end += m[0].length;
    return { object, end };
  }

  /** `N G obj ... endobj` at `offset`. */
  indirectAt(offset: number): (ObjectHeader & { object: PDFObject; end: number }) | undefined {
    const header = this.headerAt(offset);
    if (!header) return undefined;
    return { ...header, ...this.objectAt(header.bodyStart) };
  }
}

export const isWhitespace = (byte: number | undefined) => byte === 0 || byte === 9 || byte === 10 || byte === 12 || byte === 13 || byte === 32;
