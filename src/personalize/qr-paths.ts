/**
 * A QR code as vector paths: the qrcode package's module matrix, each row's
 * runs of dark modules merged into one rectangle, all filled at once. Not an
 * image, so it stays sharp at any print resolution and adds no XObject.
 */
import QRCode from 'qrcode';
import { num } from './pdf-bytes.js';

/** Light modules around the code; the QR standard asks for 4, which the white square keeps. */
const QUIET = 4;

/** Content-stream operators drawing `url` as a QR code filling the square at (x, y) with side `side` points. */
export function qrOperators(url: string, x: number, y: number, side: number): string {
  const matrix = QRCode.create(url, { errorCorrectionLevel: 'M' }).modules;
  const n = matrix.size;
  const m = side / (n + 2 * QUIET);
  const ops: string[] = ['1 1 1 rg', `${num(x)} ${num(y)} ${num(side)} ${num(side)} re f`, '0 0 0 rg'];
  for (let row = 0; row < n; row++) {
    const top = y + side - (QUIET + row + 1) * m;
    let col = 0;
    while (col < n) {
      if (!matrix.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < n && matrix.get(row, col)) col++;
      ops.push(`${num(x + (QUIET + start) * m)} ${num(top)} ${num((col - start) * m)} ${num(m)} re`);
    }
  }
  ops.push('f');
  return ops.join('\n');
}
