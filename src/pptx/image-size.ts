/** Pixel size of a course image (PNG or JPEG, checked by content/assets.ts), to keep its aspect ratio on the slide. */
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';

export function imageSize(data: string): { w: number; h: number } {
  const m = /^image\/(png|jpeg);base64,(.*)$/s.exec(data);
  if (!m) throw new Error('a course image must be a base64 PNG or JPEG data URI');
  const bytes = Buffer.from(m[2] ?? '', 'base64');
  if (m[1] === 'png') {
    const png = PNG.sync.read(bytes);
    return { w: png.width, h: png.height };
  }
  const img = jpeg.decode(bytes, { useTArray: true, maxMemoryUsageInMB: 256 });
  return { w: img.width, h: img.height };
}
