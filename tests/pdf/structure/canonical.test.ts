/**
 * Decoded stream bytes, as the drawn-content hash reads them: Node's zlib for
 * plain FlateDecode streams gives exactly pdf-lib's decoder's bytes, and a
 * stream zlib refuses (truncated) still decodes through pdf-lib as before.
 */
import { deflateSync, inflateSync } from 'node:zlib';
import { PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { decodedContents } from '../../../src/pdf/structure/canonical.js';

const text = Buffer.from(Array.from({ length: 400 }, (_, i) => `BT /F1 12 Tf 72 ${700 - i} Td (line ${i}) Tj ET\n`).join(''));

async function flateStream(data: Uint8Array, extra: Record<string, unknown> = {}): Promise<PDFRawStream> {
  const doc = await PDFDocument.create();
  return PDFRawStream.of(doc.context.obj({ Filter: 'FlateDecode', Length: data.length, ...extra }), data);
}

describe('decoded stream contents', () => {
  it('a FlateDecode stream gives the bytes pdf-lib decodes, by zlib', async () => {
    const stream = await flateStream(deflateSync(text));
    expect(Buffer.from(decodedContents(stream) ?? [])).toEqual(text);
    expect(Buffer.from(decodedContents(stream) ?? [])).toEqual(Buffer.from(decodePDFRawStream(stream).decode()));
  });

  it('the same for a one-filter array, [/FlateDecode]', async () => {
    const doc = await PDFDocument.create();
    const data = deflateSync(text);
    const stream = PDFRawStream.of(doc.context.obj({ Filter: [PDFName.of('FlateDecode')], Length: data.length }), data);
    expect(Buffer.from(decodedContents(stream) ?? [])).toEqual(text);
  });

  it('a stream without its checksum, which zlib refuses, still decodes through pdf-lib, as before', async () => {
    const whole = deflateSync(text);
    const stream = await flateStream(whole.subarray(0, whole.length - 4));
    expect(() => inflateSync(whole.subarray(0, whole.length - 4))).toThrow();
    expect(Buffer.from(decodedContents(stream) ?? [])).toEqual(text);
  });
});
