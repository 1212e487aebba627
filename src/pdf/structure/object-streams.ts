/**
 * Objects stored inside object streams (/Type /ObjStm). pdf-lib's own
 * PDFObjectStreamParser writes every member into a document context, newest
 * or not; a verifier must pick one member by its index, so the small header
 * ("num offset" pairs) is read here and each member is parsed by pdf-lib's
 * PDFObjectParser.
 */
import { PDFName, PDFNumber, PDFObjectParser, PDFRawStream, type PDFContext, type PDFObject } from '../pdf-lib.js';
import { unpredicted } from './predictor.js';

export interface ObjectStreamIndex {
  /** Object numbers in the order the stream stores them. */
  nums: number[];
  objectAt(index: number): PDFObject;
}

export const isObjectStream = (object: PDFObject): object is PDFRawStream =>
  object instanceof PDFRawStream && object.dict.get(PDFName.of('Type')) === PDFName.of('ObjStm');

export function indexObjectStream(stream: PDFRawStream, context: PDFContext): ObjectStreamIndex {
  const decoded = unpredicted(stream, context).getContents();
  const n = stream.dict.lookup(PDFName.of('N'));
  const first = stream.dict.lookup(PDFName.of('First'));
  if (!(n instanceof PDFNumber) || !(first instanceof PDFNumber)) throw new Error('object stream without /N or /First');
  const head = Buffer.from(decoded.subarray(0, first.asNumber())).toString('latin1').trim().split(/\s+/).map(Number);
  const nums: number[] = [];
  const offsets: number[] = [];
  for (let i = 0; i < n.asNumber(); i++) {
    const num = head[2 * i];
    const offset = head[2 * i + 1];
    if (num === undefined || offset === undefined || Number.isNaN(num) || Number.isNaN(offset)) throw new Error(`object stream header is short: ${n.asNumber()} objects declared`);
    nums.push(num);
    offsets.push(offset);
  }
  const parser = PDFObjectParser.forBytes(decoded, context);
  const cursor = (parser as unknown as { bytes: { moveTo(o: number): void } }).bytes;
  return {
    nums,
    objectAt(index) {
      const offset = offsets[index];
      if (offset === undefined) throw new Error(`object stream has no member ${index}`);
      cursor.moveTo(first.asNumber() + offset);
      return parser.parseObject();
    },
  };
}
