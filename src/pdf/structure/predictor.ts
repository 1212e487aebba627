/**
 * Undoes the PNG row predictors (/Predictor 10-15) that qpdf, Acrobat and
 * most writers apply to cross-reference and object streams. pdf-lib's
 * stream decoder does not (its document parser never reads xref streams), so
 * without this step such a file's cross-reference is garbage.
 */
import { PDFDict, PDFName, PDFNumber, PDFRawStream, decodePDFRawStream, type PDFContext } from '../pdf-lib.js';

export function unpredicted(stream: PDFRawStream, context: PDFContext): PDFRawStream {
  const parms = context.lookup(stream.dict.get(PDFName.of('DecodeParms')));
  const decoded = decodePDFRawStream(stream).decode();
  const dict = stream.dict.clone(context);
  dict.delete(PDFName.of('Filter'));
  dict.delete(PDFName.of('DecodeParms'));
  const predictor = parms instanceof PDFDict ? num(context, parms, 'Predictor', 1) : 1;
  if (predictor < 10) {
    if (predictor !== 1) throw new Error(`unsupported stream predictor ${predictor}`);
    return PDFRawStream.of(dict, decoded);
  }
  const p = parms as PDFDict;
  const columns = num(context, p, 'Columns', 1);
  const bpp = Math.max(1, Math.ceil((num(context, p, 'Colors', 1) * num(context, p, 'BitsPerComponent', 8)) / 8));
  const rowLength = Math.ceil((columns * num(context, p, 'Colors', 1) * num(context, p, 'BitsPerComponent', 8)) / 8);
  const rows = Math.floor(decoded.length / (rowLength + 1));
  const out = new Uint8Array(rows * rowLength);
  for (let r = 0; r < rows; r++) {
    const type = decoded[r * (rowLength + 1)];
    const src = r * (rowLength + 1) + 1;
    const dst = r * rowLength;
    for (let i = 0; i < rowLength; i++) {
      const raw = decoded[src + i] ?? 0;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLength + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLength + i - bpp]! : 0;
      let value: number;
      if (type === 0) value = raw;
      else if (type === 1) value = raw + left;
      else if (type === 2) value = raw + up;
      else if (type === 3) value = raw + ((left + up) >> 1);
      else if (type === 4) value = raw + paeth(left, up, upLeft);
      else throw new Error(`unknown PNG predictor row type ${type}`);
      out[dst + i] = value & 0xff;
    }
  }
  return PDFRawStream.of(dict, out);
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

function num(context: PDFContext, dict: PDFDict, key: string, fallback: number): number {
  const v = context.lookup(dict.get(PDFName.of(key)));
  return v instanceof PDFNumber ? v.asNumber() : fallback;
}
