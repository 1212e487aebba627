/**
 * A canonical, deterministic serialisation of a PDF object graph for hashing:
 * independent of object numbers, of direct-versus-indirect storage, of
 * string and stream encodings and of dictionary key order. Shared indirect
 * objects are written once and then referred to by first-visit order, which
 * also ends cycles (outline /Parent, annotation /P).
 */
import { createHash, type Hash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFFlateStream,
  PDFHexString,
  PDFInvalidObject,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  decodePDFRawStream,
  type PDFContext,
  type PDFObject,
} from '../pdf-lib.js';

/** Keys that never change what is drawn and that deckhand renumbers (structure-tree indices). */
const NEVER = new Set(['StructParent', 'StructParents']);
/** Dictionary keys that describe an encoding, not content: dropped when the stream is hashed decoded. */
const ENCODING = ['Length', 'Filter', 'DecodeParms', 'DL'];

export class CanonicalWriter {
  private readonly hash: Hash = createHash('sha256');
  /**
   * Text waiting to be hashed: a hash update per token (a name, a number) cost more than the
   * hashing itself, so tokens are gathered and hashed in pieces. The bytes hashed are the same.
   */
  private pending = '';
  private readonly seen = new Map<string, string>();
  private next = 0;

  constructor(private readonly context: PDFContext) {}

  /** Names an indirect object in advance (pages), so references to it are written as that name. */
  alias(ref: PDFRef, name: string): void {
    this.seen.set(ref.toString(), name);
  }

  text(s: string): void {
    this.pending += s;
    if (this.pending.length > 16_384) this.flush();
  }

  private flush(): void {
    if (this.pending) this.hash.update(this.pending);
    this.pending = '';
  }

  /** `skip` lists keys of this dictionary (not of nested ones) to leave out. */
  object(value: PDFObject | undefined, skip: ReadonlySet<string> = new Set()): void {
    if (value === undefined) return this.text('null ');
    if (value instanceof PDFRef) return this.ref(value);
    if (value instanceof PDFStream) return this.stream(value, skip);
    if (value instanceof PDFDict) return this.dict(value, skip);
    if (value instanceof PDFArray) {
      this.text('[');
      for (const item of value.asArray()) this.object(item);
      return this.text('] ');
    }
    if (value instanceof PDFName) return this.text(`/${lengthPrefixed(value.decodeText())} `);
    if (value instanceof PDFString || value instanceof PDFHexString) return this.text(`<${Buffer.from(value.asBytes()).toString('hex')}> `);
    if (value instanceof PDFNumber) return this.text(`${value.asNumber()} `);
    if (value instanceof PDFBool) return this.text(`${value.asBoolean()} `);
    if (value === PDFNull) return this.text('null ');
    if (value instanceof PDFInvalidObject) return this.text(`invalid:${value.toString()} `);
    return this.text(`?${value.toString()} `);
  }

  ref(ref: PDFRef): void {
    const key = ref.toString();
    const known = this.seen.get(key);
    if (known !== undefined) return this.text(`@${known} `);
    const name = String(this.next++);
    this.seen.set(key, name);
    this.text(`#${name}=`);
    this.object(this.context.lookup(ref));
  }

  dict(dict: PDFDict, skip: ReadonlySet<string> = new Set()): void {
    const entries = dict
      .entries()
      .map(([k, v]) => [k.decodeText(), v] as const)
      .filter(([k]) => !NEVER.has(k) && !skip.has(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.text('<<');
    for (const [k, v] of entries) {
      this.text(`/${lengthPrefixed(k)} `);
      this.object(v);
    }
    this.text('>> ');
  }

  /** Raw bytes with a length, so no two byte strings serialise alike. */
  bytes(bytes: Uint8Array): void {
    this.text(`${bytes.length}:`);
    this.flush();
    this.hash.update(bytes);
    this.text(' ');
  }

  private stream(stream: PDFStream, skip: ReadonlySet<string>): void {
    const decoded = decodedContents(stream);
    this.dict(stream.dict, new Set([...skip, ...(decoded ? ENCODING : ['Length'])]));
    this.text('stream ');
    this.bytes(decoded ?? stream.getContents());
  }

  digest(): string {
    this.flush();
    return this.hash.digest('hex');
  }
}

/** A stream's decoded bytes, or undefined when its filter (DCT, JPX, JBIG2, CCITT) is one only a renderer decodes. */
export function decodedContents(stream: PDFStream): Uint8Array | undefined {
  if (stream instanceof PDFFlateStream) return (stream as PDFFlateStream & { getUnencodedContents(): Uint8Array }).getUnencodedContents();
  if (stream instanceof PDFRawStream) {
    if (!stream.dict.has(PDFName.of('Filter'))) return stream.getContents();
    const inflated = plainFlate(stream);
    if (inflated) return inflated;
    try {
      return decodePDFRawStream(stream).decode();
    } catch {
      return undefined;
    }
  }
  return stream.dict.has(PDFName.of('Filter')) ? undefined : stream.getContents();
}

/**
 * A stream filtered by FlateDecode alone, without predictor parameters (what Chromium writes for
 * every page), inflated by Node's zlib: several times faster than pdf-lib's decoder in JavaScript,
 * and the same bytes, since inflating is exact. Anything else, or data zlib refuses (truncated or
 * damaged streams, which pdf-lib's decoder reads as far as it can), is left to pdf-lib.
 */
function plainFlate(stream: PDFRawStream): Uint8Array | undefined {
  const filter = stream.dict.lookup(PDFName.of('Filter'));
  const flate = filter instanceof PDFName ? filter : filter instanceof PDFArray && filter.size() === 1 ? filter.lookup(0) : undefined;
  if (!(flate instanceof PDFName) || flate.decodeText() !== 'FlateDecode' || stream.dict.has(PDFName.of('DecodeParms'))) return undefined;
  try {
    return new Uint8Array(inflateSync(stream.getContents()));
  } catch {
    return undefined;
  }
}

const lengthPrefixed = (s: string) => `${Buffer.byteLength(s)}:${s}`;
