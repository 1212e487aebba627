/**
 * The slot's font, prepared once per batch: a Noto Sans subset holding the
 * union of every character the batch draws (label and all rows' values).
 *
 * Why a union subset and not a fixed Latin/Turkish/German subset: each copy
 * then carries a few kilobytes of font instead of ~100 KB, and a character
 * the font cannot draw is known before anything is written, so it is refused
 * at its cell instead of turning into a box. Every copy of a batch embeds the
 * same font objects, so their bytes are made once.
 *
 * pdf-lib does the subsetting (with the stamp's fontkit, which fixes
 * fontkit's odd-length glyph records) in a scratch document whose object
 * numbers start where the handout's end, so the objects can be appended to
 * the handout as they are.
 */
import { PDFDocument, PDFHexString } from '../pdf/pdf-lib.js';
import { stampFontBytes } from '../render/fonts.js';
import { stampFontkit } from '../pdf/stamp-font.js';
import type { FontMetrics } from './font-metrics.js';
import { indirect, objectBytes } from './pdf-bytes.js';

/** Fixed, so output does not vary (pdf-lib would add a random tag). */
export const SLOT_FONT_NAME = 'DHSLOT+NotoSans-Regular';

export interface SlotFont {
  /** Object number of the Type0 font dictionary. */
  fontNumber: number;
  /** The font's objects, each written `N 0 obj ... endobj`, in object-number order. */
  objects: { number: number; bytes: Uint8Array }[];
  /** Code point → [glyph id in the subset, advance width per point of type size]. */
  glyphs: Map<number, [number, number]>;
}


let metrics: Promise<FontMetrics> | undefined;

/** Metrics of the full font, for checking rows before the batch's subset exists. */
export function slotFontMetrics(): Promise<FontMetrics> {
  metrics ??= (async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(stampFontkit);
    const font = await doc.embedFont(stampFontBytes(), { subset: true });
    const set = new Set(font.getCharacterSet());
    const widths = new Map<number, number>();
    return {
      has: (cp) => set.has(cp),
      width(cp) {
        let w = widths.get(cp);
        if (w === undefined) {
          w = set.has(cp) ? font.widthOfTextAtSize(String.fromCodePoint(cp), 1) : 0;
          widths.set(cp, w);
        }
        return w;
      },
    };
  })();
  return metrics;
}


/**
 * Subsets the font for `codePoints` (all drawable; check with
 * slotFontMetrics first) with object numbers from `firstNumber` on.
 */
export async function prepareSlotFont(codePoints: Iterable<number>, firstNumber: number): Promise<SlotFont> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(stampFontkit);
  doc.context.largestObjectNumber = firstNumber - 1;
  const font = await doc.embedFont(stampFontBytes(), { subset: true, customName: SLOT_FONT_NAME });
  const glyphs = new Map<number, [number, number]>();
  for (const cp of [...new Set(codePoints)].sort((a, b) => a - b)) {
    const ch = String.fromCodePoint(cp);
    const hex = (font.encodeText(ch) as PDFHexString).asString();
    if (hex.length !== 4) throw new Error(`U+${cp.toString(16)} does not map to one glyph`);
    glyphs.set(cp, [parseInt(hex, 16), font.widthOfTextAtSize(ch, 1)]);
  }
  await font.embed();
  const objects = doc.context
    .enumerateIndirectObjects()
    .filter(([ref]) => ref.objectNumber >= firstNumber)
    .sort(([a], [b]) => a.objectNumber - b.objectNumber)
    .map(([ref, object]) => ({ number: ref.objectNumber, bytes: indirect(ref.objectNumber, 0, objectBytes(object)) }));
  return { fontNumber: font.ref.objectNumber, objects, glyphs };
}
