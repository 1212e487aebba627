/**
 * The sRGB ICC profile for the PDF/A output intent: assets/icc/sRGB.icc,
 * shipped with deckhand (zlib licence, see assets/icc/README.md), so nothing
 * depends on a system path at run time.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PACKAGE_ROOT } from '../../package-root.js';

export const SRGB_SHA256 = '2a92d4bae450b76d8b0aa42193df974d75f62738ecebf74f01c5e75b12a95796';
export const SRGB_IDENTIFIER = 'sRGB IEC61966-2.1';

let cached: Uint8Array | undefined;

export function srgbProfile(): Uint8Array {
  if (cached) return cached;
  const file = join(PACKAGE_ROOT, 'assets', 'icc', 'sRGB.icc');
  const bytes = new Uint8Array(readFileSync(file));
  const sha = createHash('sha256').update(bytes).digest('hex');
  if (sha !== SRGB_SHA256) throw new Error(`${file} is not deckhand's sRGB profile (sha256 ${sha})`);
  cached = bytes;
  return bytes;
}

/** Colour space and class of an ICC profile header, or undefined when it is not one. */
export function iccHeader(bytes: Uint8Array): { colourSpace: string; deviceClass: string; version: number } | undefined {
  if (bytes.length < 128 || Buffer.from(bytes.subarray(36, 40)).toString('latin1') !== 'acsp') return undefined;
  return {
    deviceClass: Buffer.from(bytes.subarray(12, 16)).toString('latin1'),
    colourSpace: Buffer.from(bytes.subarray(16, 20)).toString('latin1'),
    version: bytes[8] ?? 0,
  };
}
