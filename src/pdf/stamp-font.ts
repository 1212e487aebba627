/**
 * The stamp's font: Noto Sans, embedded as a subset through @pdf-lib/fontkit.
 *
 * @pdf-lib/fontkit 1.1.1 writes a subset's `loca` table in the short format
 * (offsets halved) without padding glyph records to an even length, so after
 * the first odd-length glyph every later glyph points one byte off and renders
 * blank or garbled, while text extraction still looks fine. Upstream fontkit
 * fixed this (foliojs/fontkit#191); the fork never took the fix. We pad each
 * glyph record to an even length as it is added to the subset, which is what
 * the fix does. tests/pdf/stamp-font.test.ts compares every subset glyph's
 * outline with the original font's.
 */
import fontkit from '../render/fontkit.js';
import type { PDFDocument } from 'pdf-lib';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];

interface TtfSubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}

function padGlyphs(subset: TtfSubsetInternals): void {
  const addGlyph = subset._addGlyph.bind(subset);
  subset._addGlyph = (gid: number) => {
    const index = addGlyph(gid);
    const record = subset.glyf[index];
    if (record && record.length % 2 === 1) {
      // Same Buffer class as the record: fontkit bundles its own Buffer polyfill.
      const BufferClass = record.constructor as unknown as { alloc(size: number): Uint8Array };
      const padded = BufferClass.alloc(record.length + 1);
      padded.set(record);
      subset.glyf[index] = padded;
      subset.offset += 1;
    }
    return index;
  };
}

const parsed = new WeakMap<Uint8Array, ReturnType<Fontkit['create']>>();

/**
 * @pdf-lib/fontkit with even-length glyph records in TrueType subsets. Parsed
 * fonts are kept per byte array: every document of a build embeds the same
 * font, and parsing its 580 KB again for each one is wasted work.
 */
export const stampFontkit: Fontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    const cached = postscriptName === undefined ? parsed.get(data) : undefined;
    if (cached) return cached;
    const font = fontkit.create(data, postscriptName);
    if (postscriptName === undefined) parsed.set(data, font);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      if (typeof (subset as unknown as TtfSubsetInternals)._addGlyph === 'function') padGlyphs(subset as unknown as TtfSubsetInternals);
      return subset;
    };
    return font;
  },
};
