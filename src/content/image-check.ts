/**
 * Is this file really a PNG or JPEG that a browser can show? An extension says
 * nothing: a text file, an SVG, random bytes after the signature, a truncated
 * file, a bad CRC, an absurd IHDR or a decompression bomb all used to pass.
 *
 * - The signature must match the extension.
 * - The pixel size is read from the header first (PNG IHDR, JPEG SOFn) and
 *   bounded, so a 24 000² bomb is refused before anything is decoded.
 * - Then the image is decoded with a real decoder (pngjs checks every chunk CRC,
 *   the zlib stream and the filter bytes; jpeg-js the entropy-coded data), with
 *   its own memory limits as a second fence.
 * Messages describe the file; they never quote its bytes.
 */
import { createRequire } from 'node:module';
import type { PNG as PngType } from 'pngjs';

const require = createRequire(import.meta.url);

/** Longest side and pixel count an image may have (a 300 dpi A4 page is 2480 × 3508 px, 8.7 MP). */
export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 40_000_000;

export type ImageKind = 'png' | 'jpeg';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export function sniffImage(bytes: Uint8Array): ImageKind | 'svg' | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buf.subarray(0, 8).equals(PNG_SIGNATURE)) return 'png';
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
  if (/^\s*(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s>]/i.test(buf.subarray(0, 512).toString('latin1'))) return 'svg';
  return undefined;
}

/** Width and height from the header alone, without decoding; undefined when there is no readable header. */
export function imageSize(bytes: Uint8Array, kind: ImageKind): { width: number; height: number } | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (kind === 'png') {
    // Signature, then the IHDR chunk: length 13, "IHDR", width, height (big-endian uint32).
    if (buf.length < 33 || buf.readUInt32BE(8) !== 13 || buf.toString('latin1', 12, 16) !== 'IHDR') return undefined;
    return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
  }
  // JPEG: walk the marker segments to the first SOFn (C0–CF except C4 DHT, C8 JPG, CC DAC).
  let at = 2;
  while (at + 4 <= buf.length) {
    if (buf[at] !== 0xff) return undefined;
    const marker = buf[at + 1] ?? 0;
    if (marker === 0xff) {
      at += 1;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return undefined;
    const length = buf.readUInt16BE(at + 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (at + 9 > buf.length) return undefined;
      return { width: buf.readUInt16BE(at + 7), height: buf.readUInt16BE(at + 5) };
    }
    at += 2 + length;
  }
  return undefined;
}

/** Why `bytes` (named with extension `kind`) is not an image deckhand can use; undefined when it is fine. */
export function imageProblem(bytes: Uint8Array, kind: ImageKind): string | undefined {
  const actual = sniffImage(bytes);
  const name = kind === 'png' ? 'PNG' : 'JPEG';
  if (actual === 'svg') return `is an SVG file, not a ${name}; export it as PNG or JPEG`;
  if (actual === undefined) return `is not a ${name} file (its first bytes are not a ${name} signature)`;
  if (actual !== kind) return `is a ${actual === 'png' ? 'PNG' : 'JPEG'} file named as ${name}; give it the matching extension`;
  const size = imageSize(bytes, kind);
  if (!size) return `is not a readable ${name} (no image header); it may be truncated or damaged`;
  const { width, height } = size;
  if (width === 0 || height === 0) return `is a ${name} of ${width} × ${height} pixels; an image needs at least one pixel`;
  if (width > MAX_IMAGE_SIDE || height > MAX_IMAGE_SIDE || width * height > MAX_IMAGE_PIXELS) {
    return `is ${width} × ${height} pixels; images may be at most ${MAX_IMAGE_SIDE} pixels on a side and ${MAX_IMAGE_PIXELS / 1e6} megapixels in all (scale it down)`;
  }
  const damage = decodeProblem(bytes, kind);
  return damage === undefined ? undefined : `is a damaged ${name} (${damage}); export it again`;
}

function decodeProblem(bytes: Uint8Array, kind: ImageKind): string | undefined {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (kind === 'png') {
      const { PNG } = require('pngjs') as { PNG: typeof PngType };
      PNG.sync.read(buf, { checkCRC: true });
    } else {
      // jpeg-js reads what it can of a truncated file; a JPEG must end with its EOI marker.
      if (buf.subarray(-1024).lastIndexOf(Buffer.from([0xff, 0xd9])) < 0) return 'it does not end with the JPEG end-of-image marker, so it is truncated';
      const jpeg = require('jpeg-js') as { decode: (data: Buffer, options: Record<string, unknown>) => unknown };
      jpeg.decode(buf, { useTArray: true, maxResolutionInMP: MAX_IMAGE_PIXELS / 1e6, maxMemoryUsageInMB: 512 });
    }
    return undefined;
  } catch (error) {
    return reason(error);
  }
}

/** The decoder's reason, reduced to words: never bytes from the file. */
function reason(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const text = message.split('\n')[0]?.replace(/[^\w .,:;()'-]/g, '').slice(0, 80).trim();
  return text || 'the decoder could not read it';
}
