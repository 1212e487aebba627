/** Small byte-level helpers for writing PDF objects by hand. */
import type { PDFObject } from 'pdf-lib';

const latin1 = (text: string): Uint8Array => {
  const b = Buffer.from(text, 'latin1');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
};
export const ascii = latin1;

/** pdf-lib's own serialisation of one object (dict, array, stream ...). */
export function objectBytes(object: PDFObject): Uint8Array {
  const out = new Uint8Array(object.sizeInBytes());
  object.copyBytesInto(out, 0);
  return out;
}

/** `N G obj\n<body>\nendobj\n`. */
export function indirect(number: number, generation: number, body: Uint8Array): Uint8Array {
  return concat([latin1(`${number} ${generation} obj\n`), body, latin1('\nendobj\n')]);
}

/** An indirect stream object with a direct /Length; `extra` is more dictionary entries, already written. */
export function streamObject(number: number, data: Uint8Array, extra = ''): Uint8Array {
  return concat([latin1(`${number} 0 obj\n<< ${extra}${extra ? ' ' : ''}/Length ${data.length} >>\nstream\n`), data, latin1('\nendstream\nendobj\n')]);
}

export function concat(parts: readonly Uint8Array[]): Uint8Array {
  let size = 0;
  for (const p of parts) size += p.length;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** A number as content streams want it: at most 3 decimals, no exponent, no "-0". */
export function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) || r === 0 ? '0' : String(r);
}

/** Index of `needle` (ASCII) in `bytes` at or after `from`, or -1. */
export function indexOf(bytes: Uint8Array, needle: string, from = 0): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(needle, from, 'latin1');
}

/** Index of the last `needle` (ASCII) in `bytes` at or before `from`, or -1. */
export function lastIndexOf(bytes: Uint8Array, needle: string, from = bytes.length): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).lastIndexOf(needle, from, 'latin1');
}

export const text = (bytes: Uint8Array, start = 0, end = bytes.length) => Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
