/**
 * Notes pages and slide handouts imposed on the real deck PDF the CLI prints
 * from the sample course, read back with poppler and pdf-lib.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFDict, PDFName, PDFRawStream, PDFStream, type PDFDocument } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { imposeNotesPages, imposeSlides, type HandoutLayout } from '../../src/pdf/impose/index.js';
import { CONTENT_BOTTOM } from '../../src/pdf/impose/page-frame.js';
import { stampFontBytes } from '../../src/render/fonts.js';
import { PAPER_SIZES } from '../../src/render/paper.js';
import { compileDeck } from '../../src/compile/compile.js';
import { interfaceText } from '../../src/compile/interface-text.js';
import { catalogueFor } from '../../src/pipeline/catalogue.js';
import { imposeLabels } from '../../src/compile/labels.js';
import { documentStamp } from '../../src/compile/stamp-text.js';
import { decorate, FOOTER_BOXES, openPdf } from '../../src/pdf/decorate.js';
import { prepareCourse } from '../../src/pipeline/prepare-course.js';
import { printPdf } from '../../src/print/print-pdf.js';
import { fontFaceCss } from '../../src/render/fonts.js';
import { sharedBrowser } from '../support/api.js';
import { SAMPLE_DIR, tempDir } from '../support/fixtures.js';
import { loadPdf, pageTexts } from '../support/pdf.js';

const labels = imposeLabels(catalogueFor('en'));
const browser = sharedBrowser();
let tmp: string;
let deckPdf: Uint8Array;
let sample: { notes: string[]; code: string; title: string };
const font = stampFontBytes();
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The deck's print (what the notes-pdf and slides-Nup targets impose) and its compiled notes. */
beforeAll(async () => {
  tmp = tempDir('deckhand-impose-');
  const prepared = prepareCourse(SAMPLE_DIR, { today: '2026-11-20' });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.diagnostics));
  const { course } = prepared;
  const deck = compileDeck(course.input, course.templates, { fonts: fontFaceCss });
  // As the targets impose it (targets/stamped-slides.ts): the raw print with the deck's footer drawn on.
  const doc = await openPdf(await printPdf(browser.session, deck.printHtml));
  await decorate(doc, { footer: documentStamp(course.input, 'deck-pdf', interfaceText(course.catalogue)).footer, footerBox: FOOTER_BOXES.deck });
  deckPdf = await doc.save({ useObjectStreams: false });
  expect(deck.notes.length).toBe(deck.slideCount);
  // As targets/notes-pdf.ts passes them: without the soft hyphens and word joiners of the HTML text.
  sample = { notes: deck.notes.map((n) => n.replace(/[\u00AD\u2060]/g, '')), code: course.input.course.document.code, title: course.input.course.title };
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function save(name: string, bytes: Uint8Array): string {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return file;
}

/** Every word's box (from the top edge, in points), from pdftotext -bbox. */
function wordBoxes(file: string): { page: number; yMax: number; word: string }[] {
  const xhtml = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
  const out: { page: number; yMax: number; word: string }[] = [];
  let page = 0;
  for (const line of xhtml.split('\n')) {
    if (line.includes('<page ')) page++;
    const m = /<word [^>]*yMax="([\d.]+)">([^<]*)</.exec(line);
    if (m) out.push({ page, yMax: Number(m[1]), word: m[2] ?? '' });
  }
  return out;
}

/** Subtypes of the XObjects each page draws. */
async function xobjectSubtypes(file: string): Promise<string[][]> {
  const doc = await loadPdf(file);
  return doc.getPages().map((page) => {
    const xobjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    return (xobjects?.values() ?? []).map((ref) => {
      const obj = doc.context.lookup(ref);
      const dict = obj instanceof PDFStream || obj instanceof PDFRawStream ? obj.dict : (obj as PDFDict);
      return String(dict.get(PDFName.of('Subtype')));
    });
  });
}

/** The `x y w h re` rectangles in a page's own content stream. */
function pageOperators(doc: PDFDocument, index: number): { x: number; y: number; width: number; height: number }[] {
  const contents = doc.getPages()[index]?.node.Contents();
  const streams = contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
  const text = streams
    .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
    .map((s) => Buffer.from(decodePDFRawStream(s).decode()).toString('latin1'))
    .join('\n');
  return [...text.matchAll(/(-?[\d.]+) (-?[\d.]+) (-?[\d.]+) (-?[\d.]+) re/g)].map((m) => ({ x: Number(m[1]), y: Number(m[2]), width: Number(m[3]), height: Number(m[4]) }));
}

describe('notes pages', () => {
  let file: string;
  beforeAll(async () => {
    file = save('notes.pdf', await imposeNotesPages({ deckPdf, notes: sample.notes, paper: 'a4', labels, font, documentCode: sample.code }));
  });

  it('has one page per slide, and page N carries slide N and its notes', async () => {
    const slides = sample.notes.length;
    expect(slides).toBeGreaterThan(10);
    expect((await loadPdf(file)).getPageCount()).toBe(slides);
    const texts = pageTexts(file, slides);
    texts.forEach((text, i) => {
      const notes = sample.notes[i] ?? '';
      if (notes) expect(text, `page ${i + 1}`).toContain(flat(notes));
      else expect(text).toContain(labels.noNotes);
      expect(text).toContain(`Slide ${i + 1} of ${slides}`);
      expect(text).toContain(labels.internalUse);
      expect(text).toContain(sample.code);
      // The slide itself: the deck footer's "page N of M" of the embedded slide.
      expect(text).toContain(`page ${i + 1} of ${slides}`);
    });
    expect(sample.notes.some((n) => n === ''), 'the sample has a slide without notes').toBe(true);
  });

  it('is A4 portrait, draws each slide as a vector Form XObject and embeds no picture', async () => {
    const doc = await loadPdf(file);
    for (const page of doc.getPages()) expect(page.getSize()).toEqual({ width: expect.closeTo(PAPER_SIZES.a4.width, 2), height: expect.closeTo(PAPER_SIZES.a4.height, 2) });
    for (const subtypes of await xobjectSubtypes(file)) expect(subtypes).toEqual(['/Form']);
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2); // header rows only
  });

  it('keeps the footer band free for the decorate phase', () => {
    const height = PAPER_SIZES.a4.height;
    const low = wordBoxes(file).filter((w) => w.yMax > height - CONTENT_BOTTOM);
    expect(low).toEqual([]);
  });

  it('continues notes too long for one page on a follow-on page, losing nothing', async () => {
    const long = Array.from({ length: 40 }, (_, k) => `Paragraph ${k + 1}: ${sample.notes[2]}`).join('\n\n');
    const notes = sample.notes.map((n, i) => (i === 2 ? long : n));
    const out = save('notes-long.pdf', await imposeNotesPages({ deckPdf, notes, paper: 'letter', labels, font }));
    const pages = (await loadPdf(out)).getPageCount();
    expect(pages).toBeGreaterThan(notes.length);
    const texts = pageTexts(out, pages);
    const slide3 = texts.slice(2, 2 + pages - notes.length + 1).join(' ');
    for (let k = 1; k <= 40; k++) expect(slide3).toContain(`Paragraph ${k}:`);
    expect(texts[3]).toContain('Speaker notes for slide 3, continued');
    expect(texts[pages - notes.length + 3]).toContain('Slide 4 of');
  });

  it('notes at the schema limit (2,000 characters) still fit on the slide page', async () => {
    const words = 'Check the patient history and the imaging before the next step is discussed with the team.';
    const limit = words.repeat(Math.ceil(2000 / words.length)).slice(0, 2000);
    const notes = sample.notes.map(() => limit);
    const out = save('notes-limit.pdf', await imposeNotesPages({ deckPdf, notes, paper: 'letter', labels, font }));
    expect((await loadPdf(out)).getPageCount()).toBe(notes.length);
  });

  it('refuses notes that do not match the slides', async () => {
    await expect(imposeNotesPages({ deckPdf, notes: ['one'], paper: 'a4', labels, font })).rejects.toThrow(/1 notes for \d+ slides/);
  });

  it('gives the same bytes for the same input', async () => {
    const again = await imposeNotesPages({ deckPdf, notes: sample.notes, paper: 'a4', labels, font, documentCode: sample.code });
    expect(Buffer.from(again).equals(readFileSync(file))).toBe(true);
  });
});

describe('slide handouts', () => {
  const made = new Map<HandoutLayout, string>();
  beforeAll(async () => {
    for (const layout of [1, 2, 3, 6] as const) {
      made.set(layout, save(`slides-${layout}up.pdf`, await imposeSlides({ deckPdf, layout, paper: 'a4', labels, font, documentCode: sample.code, title: sample.title })));
    }
  });

  it('tiles 1, 2, 3 or 6 slides a page, with the document code on every page', async () => {
    const slides = sample.notes.length;
    for (const [layout, file] of made) {
      const pages = (await loadPdf(file)).getPageCount();
      expect(pages, `${layout}-up`).toBe(Math.ceil(slides / layout));
      const texts = pageTexts(file, pages);
      for (const text of texts) expect(text).toContain(sample.code);
      const perPage = texts.map((t) => (t.match(/Slide \d+ of \d+/g) ?? []).length);
      expect(perPage.reduce((a, b) => a + b, 0)).toBe(slides);
    }
  });

  it('3-up has ruled lines beside each slide and draws slides as Form XObjects, no pictures', async () => {
    const file = made.get(3) ?? '';
    const texts = pageTexts(file, Math.ceil(sample.notes.length / 3));
    expect((texts[0]?.match(new RegExp(labels.audienceNotes, 'g')) ?? []).length).toBe(3);
    const subtypes = await xobjectSubtypes(file);
    expect(subtypes[0]).toEqual(['/Form', '/Form', '/Form']);
    expect(execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).trim().split('\n')).toHaveLength(2);
    // Ruled lines: 0.5 pt high filled rectangles in the right-hand part of the page, at least 5 beside each slide.
    const rules = pageOperators(await loadPdf(file), 0).filter((op) => op.height === 0.5 && op.x > PAPER_SIZES.a4.width / 2);
    expect(rules.length).toBeGreaterThanOrEqual(15);
  });

  it('keeps the footer band free', () => {
    const height = PAPER_SIZES.a4.height;
    for (const file of made.values()) expect(wordBoxes(file).filter((w) => w.yMax > height - CONTENT_BOTTOM)).toEqual([]);
  });

  it('rejects an unknown layout and is deterministic', async () => {
    await expect(imposeSlides({ deckPdf, layout: 4 as HandoutLayout, paper: 'a4', labels, font, documentCode: 'X' })).rejects.toThrow(/1, 2, 3, 6/);
    const again = await imposeSlides({ deckPdf, layout: 3, paper: 'a4', labels, font, documentCode: sample.code, title: sample.title });
    expect(Buffer.from(again).equals(readFileSync(made.get(3) ?? ''))).toBe(true);
  });
});
