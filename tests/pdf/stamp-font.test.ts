/**
 * The stamp font is a subset of Noto Sans embedded through @pdf-lib/fontkit.
 * Text extraction reads the ToUnicode map, so a broken subset still "passes"
 * pdftotext; this test compares every glyph outline in the embedded subset
 * with the original font's.
 */
import fontkit from '@pdf-lib/fontkit';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream, rgb } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { stampFontBytes } from '../../src/render/fonts.js';
import { stampFontkit } from '../../src/pdf/stamp-font.js';

const TEXT = 'Reviewed by Ayşe Işık, Müller & Straße — Ελληνικά, Кириллица; page 12 of 34 (DRAFT) ğİıäßéñøå';

async function embeddedSubset(register: Parameters<PDFDocument['registerFontkit']>[0]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(register);
  const font = await doc.embedFont(stampFontBytes(), { subset: true, customName: 'TESTAA+NotoSans' });
  doc.addPage().drawText(TEXT, { font, size: 10, x: 10, y: 10, color: rgb(0, 0, 0) });
  const saved = await PDFDocument.load(await doc.save());
  for (const [, object] of saved.context.enumerateIndirectObjects()) {
    if (object instanceof PDFDict && object.get(PDFName.of('FontFile2'))) {
      const stream = saved.context.lookup(object.get(PDFName.of('FontFile2')));
      if (stream instanceof PDFRawStream) return decodePDFRawStream(stream).decode();
    }
  }
  throw new Error('no embedded TrueType font found');
}

const original = fontkit.create(stampFontBytes());

/** Outlines the subset may hold: the text's glyphs and, for composites like "ş", their components. */
function expectedOutlines(): Set<string> {
  const out = new Set<string>();
  const add = (glyph: ReturnType<typeof original.getGlyph>) => {
    out.add(glyph.path.toSVG());
    const decoded = (glyph as unknown as { _decode(): { numberOfContours: number; components?: { glyphID: number }[] } | null })._decode();
    if (decoded && decoded.numberOfContours < 0) for (const c of decoded.components ?? []) add(original.getGlyph(c.glyphID));
  };
  for (const c of TEXT) add(original.glyphForCodePoint(c.codePointAt(0) ?? 0));
  return out;
}

/** Subset glyphs (after .notdef) whose outline cannot be read or is not one of the expected ones. */
function brokenGlyphs(bytes: Uint8Array, expected: Set<string>): number[] {
  const font = fontkit.create(bytes);
  return Array.from({ length: font.numGlyphs - 1 }, (_, i) => i + 1).filter((id) => {
    try {
      return !expected.has(font.getGlyph(id).path.toSVG());
    } catch {
      return true;
    }
  });
}

describe('the stamp font subset', () => {
  const expected = expectedOutlines();

  it('keeps every glyph: each subset outline is the original outline of a character in the text', async () => {
    const bytes = await embeddedSubset(stampFontkit);
    expect(fontkit.create(bytes).numGlyphs).toBeGreaterThanOrEqual(new Set(TEXT).size);
    expect(brokenGlyphs(bytes, expected)).toEqual([]);
  });

  it('covers Latin Extended, Greek and Cyrillic', () => {
    for (const c of 'şğİıäßΩжё') expect(original.hasGlyphForCodePoint(c.codePointAt(0) ?? 0), c).toBe(true);
  });

  it('would be broken without the padding fix (the check can fail)', async () => {
    expect(brokenGlyphs(await embeddedSubset(fontkit), expected).length).toBeGreaterThan(0);
  });
});
