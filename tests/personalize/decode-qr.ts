/** Reads the QR code of a personalised copy the way a phone would: the slot box rendered by pdftoppm at 300 dpi, decoded by jsQR. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { SlotDeclaration } from '../../src/render/slot-declaration.js';

// jsqr is CommonJS whose typings declare an ES default export; at runtime the module itself is the function.
const jsQR = jsQRModule as unknown as typeof jsQRModule.default;

export function decodeQr(file: string, slot: SlotDeclaration, pageHeightMm = 297): string | undefined {
  const px = (mm: number) => Math.round((mm / 25.4) * 300);
  const { left, bottom, width, height } = slot.box;
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-qr-'));
  try {
    const prefix = join(dir, 'slot');
    execFileSync('pdftoppm', ['-r', '300', '-png', '-f', '1', '-l', '1', '-singlefile', '-x', String(px(left)), '-y', String(px(pageHeightMm - bottom - height)), '-W', String(px(width)), '-H', String(px(height)), file, prefix]);
    const png = PNG.sync.read(readFileSync(`${prefix}.png`));
    return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
