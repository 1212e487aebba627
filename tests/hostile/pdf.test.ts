/**
 * Hostile strings in what the PDF stamp writes (no browser needed): the footer
 * line (short disclaimer, reviewer names), bookmarks and the Info dictionary.
 * The stamp font has no CJK or emoji glyphs; such characters are documented to
 * become "?" in the footer (the page text itself is drawn by Chromium). The XMP
 * packet is checked in browser.test.ts, which has an XML parser.
 */
import { PDFDocument, PDFHexString, PDFName, type PDFFont } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderMarp } from '../../src/deck/marp.js';
import { deckOutline } from '../../src/deck/outline.js';
import { escapeMarkdown } from '../../src/render/escape.js';
import { stampFontBytes } from '../../src/render/fonts.js';
import { layoutFooter, type FooterText } from '../../src/pdf/footer.js';
import { StampText } from '../../src/pdf/stamp-text.js';
import { stampFontkit } from '../../src/pdf/stamp-font.js';
import { FOOTER_BOXES, type DecorateRequest } from '../../src/pdf/decorate.js';
import { runPdfPhases } from '../../src/pdf/phases.js';
import type { XmpFields } from '../../src/pdf/xmp.js';
import { interfaceText } from '../../src/compile/interface-text.js';
import { catalogueFor } from '../../src/pipeline/catalogue.js';

const ENGLISH = interfaceText(catalogueFor('en'));
import { ACCEPTED, type HostileEntry } from './corpus.js';
import { collapse, hostileMetadata } from './harness.js';

/** A two-page stamp with the longest footer the schema allows takes ~0.5 s; allow for a busy machine. */
const STAMP_BUDGET_MS = 5_000;

const A4 = { width: 595.28, height: 841.89 };

async function blankPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([A4.width, A4.height]);
  return doc.save();
}

/** A stamp request with `text` everywhere; the footer gets at most the schema's lengths (160 and 200 characters). */
/** The footer the build makes from a disclaimer, code, version and reviewed-by text (see compile/stamp-text.ts). */
const footerText = (f: { disclaimer: string; code: string; version: string; reviewedBy: string }): FooterText => ({
  lines: [f.disclaimer, ENGLISH.footer.identity(f.code, f.version, f.reviewedBy)],
  pageLabel: ENGLISH.footer.pageLabel,
});

function request(text: string): DecorateRequest & { metadata: XmpFields } {
  return {
    footer: footerText({ disclaimer: text.slice(0, 160), code: 'INV-PM-TRN-0142', version: '1.0', reviewedBy: `Reviewed by ${text.slice(0, 200)}, 2026-11-16` }),
    footerBox: FOOTER_BOXES.handout,
    watermark: ENGLISH.watermark,
    paper: 'a4',
    bookmarks: [
      { title: text, page: 0 },
      { title: `${text} (2)`, page: 1 },
    ],
    metadata: hostileMetadata(text),
  };
}

let fontPromise: Promise<PDFFont> | undefined;
function stampFont(): Promise<PDFFont> {
  fontPromise ??= (async () => {
    const doc = await PDFDocument.create();
    doc.registerFontkit(stampFontkit);
    return doc.embedFont(stampFontBytes(), { subset: true });
  })();
  return fontPromise;
}

/** The stamp's substitution: whitespace runs collapse to one space, characters the font lacks become "?". */
function printableFor(font: PDFFont): (s: string) => string {
  const stamp = new StampText(font.doc, font);
  return (s) => stamp.clean(s);
}

/** What drawFooter draws: the laid-out lines at the left margin and the page label at the right. */
function recordFooter(font: PDFFont, text: FooterText): { text: string; x: number; size: number }[] {
  const stamp = new StampText(font.doc, font);
  const box = FOOTER_BOXES.handout;
  const layout = layoutFooter(stamp, box, A4.width, text, 1);
  const label = 'page 1 of 1';
  return [
    ...layout.lines.map((line) => ({ text: line, x: box.margin, size: layout.size })),
    { text: label, x: A4.width - box.margin - stamp.width(label, layout.size), size: layout.size },
  ];
}

const cases = ACCEPTED.map((e) => [`${e.class}: ${e.name}`, e] as [string, HostileEntry]);

/** The full stamp is slow (font subsetting); it runs once per class, on all of the class's entries joined. */
const CLASS_TEXTS = [...new Set(ACCEPTED.map((e) => e.class))].map((cls) => [cls, ACCEPTED.filter((e) => e.class === cls).map((e) => e.text.trim()).join(' ')] as [string, string]);

describe('hostile strings in the PDF stamp', { timeout: 20_000 }, () => {
  it.each(CLASS_TEXTS)('stamps the %s entries without error and reads them back', async (_cls, text) => {
    const started = performance.now();
    const { metadata, ...decorate } = request(text);
    const { bytes, pages } = await runPdfPhases(await blankPdf(2), { decorate, seal: { metadata } });
    expect(performance.now() - started).toBeLessThan(STAMP_BUDGET_MS);
    expect(pages).toBe(2);
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    expect(doc.getTitle()).toBe(text);
    expect(doc.getAuthor()).toBe(text);
    const info = doc.context.lookup(doc.context.trailerInfo.Info) as unknown as { get(n: PDFName): unknown };
    expect((info.get(PDFName.of('Keywords')) as PDFHexString).decodeText()).toBe(text);
    // Bookmarks: two entries, titled with the text.
    const outlines = doc.catalog.lookup(PDFName.of('Outlines')) as unknown as { get(n: PDFName): unknown } | undefined;
    expect(outlines).toBeDefined();
    const first = doc.context.lookup(outlines?.get(PDFName.of('First')) as never) as unknown as { get(n: PDFName): unknown };
    expect((first.get(PDFName.of('Title')) as PDFHexString).decodeText()).toBe(text);
  });

  for (const [name, entry] of cases) {
    // Known bugs run as `it.fails` (see corpus.ts and the README).
    const test = entry.knownBug?.check === 'footer' ? it.fails : it;
    test(`footer: ${name} stays inside the footer band, whitespace collapsed, unknown glyphs as "?"`, async () => {
      const font = await stampFont();
      const printable = printableFor(font);
      const text = entry.text.trim();
      const footer: FooterText = footerText({ disclaimer: text, code: 'INV-PM-TRN-0142', version: '1.0', reviewedBy: `Reviewed by ${text}, 2026-11-16` });
      // decorate applies the same "?" substitution before drawFooter.
      const calls = recordFooter(font, footer);
      const right = calls.at(-1);
      expect(right?.text).toBe('page 1 of 1');
      const left = calls.slice(0, -1);
      const box = FOOTER_BOXES.handout;
      const limit = A4.width - box.margin - font.widthOfTextAtSize('page 1 of 1', right?.size ?? box.fontSize) - 12;
      for (const line of left) expect(line.x + font.widthOfTextAtSize(line.text, line.size), `"${line.text.slice(0, 40)}…" fits`).toBeLessThanOrEqual(limit + 0.01);
      // Lines must stay within the band (the lowest baseline plus the lines above it).
      const size = left[0]?.size ?? box.fontSize;
      expect(left.length * size * 1.25, 'footer height').toBeLessThanOrEqual(box.height + size * 1.25);
      // The characters drawn are the text's: nothing dropped or added (line breaks aside).
      const drawn = left.map((l) => l.text).join(' ').replace(/\s+/g, '');
      expect(drawn).toBe(printable(`${text} INV-PM-TRN-0142 · Version 1.0 · Reviewed by ${text}, 2026-11-16`).replace(/\s+/g, ''));
    });
  }

  for (const [name, entry] of cases) {
    const test = entry.knownBug?.check === 'bookmark' ? it.fails : it;
    test(`bookmark: ${name} as a heading becomes a literal bookmark title`, () => {
      const marp = renderMarp(`---\nmarp: true\n---\n\n# ${escapeMarkdown(entry.text)}\n\n---\n\n## Second\n`, '/* @theme t */');
      expect(deckOutline(marp.html).map((b) => b.title)).toEqual([collapse(entry.text), 'Second']);
    });
  }

  // KNOWN BUG (reported): the footer's "Reviewed by" line holds every reviewer (up to 20 names of
  // up to 200 characters, all valid). drawFooter shrinks to 75 % and then draws however many lines
  // it needs, upwards from the band's bottom line, over the page content; and its word wrap
  // measures the whole line for every word at every trial size, on every page, so such a footer
  // costs seconds per page. Marked `fails` until the footer is bounded.
  // (5 reviewers here to keep the suite fast: 8 lines, up to 64 pt; 20 reviewers give 26 lines
  // reaching 176 pt above the trim bottom and ~3.4 s per page.)
  it('footer: a long valid reviewer list stays inside the band, quickly', async () => {
    const font = await stampFont();
    const name = 'Medical Affairs Reviewer Board '.repeat(7).trim().slice(0, 200);
    const reviewedBy = `Reviewed by ${Array.from({ length: 5 }, () => `${name}, 2026-11-16`).join('; ')}`;
    const started = performance.now();
    const calls = recordFooter(font, footerText({ disclaimer: 'For educational use by healthcare professionals only.', code: 'INV-PM-TRN-0142', version: '1.0', reviewedBy }));
    const ms = performance.now() - started;
    const box = FOOTER_BOXES.handout;
    const lines = calls.slice(0, -1);
    const top = Math.max(...lines.map((l, i) => box.bottom + (lines.length - 1 - i) * l.size * 1.25 + l.size));
    expect(top, 'top of the footer text (pt from the bottom)').toBeLessThanOrEqual(box.bottom + box.height);
    expect(ms, 'ms per page').toBeLessThan(250);
  });

  // KNOWN BUG (reported, minor): footer text is not whitespace-collapsed before the "?"
  // substitution, so a newline, tab or ideographic space in disclaimer.short or a reviewer name
  // is stamped as "?" ("before??---??after"), unlike the deck, which collapses whitespace.
  it('footer: whitespace other than spaces becomes a single space, not "?"', async () => {
    const font = await stampFont();
    const printable = printableFor(font);
    const wrong: string[] = [];
    for (const entry of ACCEPTED.filter((e) => /[^\S ]/.test(e.text))) {
      const text = entry.text.trim();
      const drawn = recordFooter(font, footerText({ disclaimer: text, code: 'C', version: '1', reviewedBy: 'R' })).slice(0, -1).map((l) => l.text).join(' ');
      if (drawn.includes('?') && !text.includes('?')) wrong.push(`${entry.name}: ${JSON.stringify(drawn.slice(0, 60))}`);
    }
    expect(wrong).toEqual([]);
  });
});
