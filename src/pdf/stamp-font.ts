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

type Font = ReturnType<Fontkit['create']>;
const parsed = new WeakMap<Uint8Array, Font>();

/** Distinct strings kept per font; past this the memo starts again, so a long batch stays flat in memory. */
const LAYOUT_MEMO_LIMIT = 10_000;

/**
 * Shaping a string (GSUB/GPOS lookups) is most of what stamping costs, and a
 * build stamps the same footer lines, labels and words on every document:
 * the glyph run of a string depends only on the font, so it is made once per
 * process. pdf-lib only reads the runs (glyph ids, advances, code points).
 */
function memoizeLayout(font: Font): void {
  const layout = font.layout.bind(font);
  const runs = new Map<string, ReturnType<Font['layout']>>();
  font.layout = (text, features) => {
    if (features !== undefined) return layout(text, features);
    let run = runs.get(text);
    if (!run) {
      if (runs.size >= LAYOUT_MEMO_LIMIT) runs.clear();
      run = layout(text);
      runs.set(text, run);
    }
    return run;
  };
}

/**
 * @pdf-lib/fontkit with even-length glyph records in TrueType subsets. Parsed
 * fonts are kept per byte array, with their glyph runs (memoizeLayout): every
 * document of a build embeds the same font, and parsing its 580 KB or shaping
 * the same footer again for each one is wasted work.
 */
export const stampFontkit: Fontkit = {
  create(data: Uint8Array, postscriptName?: string) {
    const cached = postscriptName === undefined ? parsed.get(data) : undefined;
    if (cached) return cached;
    const font = fontkit.create(data, postscriptName);
    if (postscriptName === undefined) parsed.set(data, font);
    memoizeLayout(font);
    const createSubset = font.createSubset.bind(font);
    font.createSubset = () => {
      const subset = createSubset();
      if (typeof (subset as unknown as TtfSubsetInternals)._addGlyph === 'function') padGlyphs(subset as unknown as TtfSubsetInternals);
      return subset;
    };
    return font;
  },
};
