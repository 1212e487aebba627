/**
 * The trainer's pack as a build makes it, in-process with one Chromium:
 * notes pages (one per slide, slide N's notes on page N), slide handouts
 * (3-up by default, --layout and --only for the others), the audience copy
 * of the HTML deck (no notes text anywhere in the file, and it still
 * navigates) and the PowerPoint (LibreOffice opens it with the deck's slide
 * count, notes in the notes slides, same bytes twice). All cached and listed.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileDeck, type CompiledDeck } from '../../src/compile/compile.js';
import type { Course } from '../../src/content/schema.js';
import { prepareCourse } from '../../src/pipeline/prepare-course.js';
import { buildArgs, removeAll, sharedBrowser, type ApiRun } from '../support/api.js';
import { SAMPLE_DIR, SAMPLE_ID, tempDir } from '../support/fixtures.js';
import { pdfinfo, pdftext } from '../support/pdf.js';
import { libreOfficePdf, notesTextOf, openPptx } from '../pptx/pptx-fixtures.js';

const browser = sharedBrowser();
const temps: string[] = [];
afterAll(() => removeAll(temps));

const flat = (s: string) => s.replace(/[\u00AD\u2060]/g, '').replace(/\s+/g, ' ').trim();
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const PACK = 'deck-pdf,notes-pdf,slides-3up,deck-public-html,deck-pptx';

let out: string;
let first: ApiRun;
let deck: CompiledDeck;
let course: Course;
const file = (suffix: string, dir = out) => join(dir, SAMPLE_ID, `${SAMPLE_ID}.${suffix}`);

beforeAll(async () => {
  out = tempDir('deckhand-pack-');
  temps.push(out);
  first = await buildArgs(['build', SAMPLE_DIR, '--out', out, '--only', PACK, '--edition', 'base'], {}, browser);
  expect(first.status, first.stderr).toBe(0);
  const prepared = prepareCourse(SAMPLE_DIR, { today: '2026-11-20' });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.diagnostics));
  course = prepared.course.input.course;
  deck = compileDeck(prepared.course.input, prepared.course.templates, { fonts: () => '' });
}, 180_000);

/** Every notes string the sample holds: speakerNotes, the ladder's, each step's, the team's and every item's. */
function notesStrings(c: Course): string[] {
  const found: string[] = [];
  const visit = (value: unknown, key?: string) => {
    if (typeof value === 'string') {
      if (key === 'notes' || key === 'speakerNotes') found.push(value);
    } else if (Array.isArray(value)) value.forEach((v) => visit(v, key));
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, key === 'speakerNotes' ? key : k);
  };
  visit(c);
  return [...new Set(found.map(flat).filter(Boolean))];
}

const decodeEntities = (s: string) =>
  s
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_m, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

describe('notes pages', () => {
  it('one A4 page per slide, slide N’s notes on page N, marked for internal use', () => {
    const pdf = file('notes.pdf');
    const info = pdfinfo(pdf);
    expect(Number(info.Pages)).toBe(deck.slideCount);
    expect(info['Page size']).toContain('A4');
    expect(info.Subject).toContain('internal use');
    deck.notes.forEach((notes, i) => {
      const text = flat(pdftext(pdf, i + 1).replace(/-\n/g, '-'));
      if (notes) expect(text, `page ${i + 1}`).toContain(flat(notes).slice(0, 60));
      expect(text).toContain(course.document.code);
      expect(text).toContain(`Slide ${i + 1} of ${deck.slideCount}`);
    });
  });
});

describe('slide handouts', () => {
  it('3-up: ceil(slides / 3) pages, the document code on every page', () => {
    const pdf = file('slides-3up.pdf');
    const pages = Number(pdfinfo(pdf).Pages);
    expect(pages).toBe(Math.ceil(deck.slideCount / 3));
    for (let p = 1; p <= pages; p++) expect(pdftext(pdf, p)).toContain(course.document.code);
  });

  it('--layout 6 makes slides-6up on Letter; --only slides-2up works; the 3-up entry is left alone', async () => {
    const six = await buildArgs(['build', SAMPLE_DIR, '--out', out, '--only', 'slides-3up', '--layout', '6', '--paper', 'letter', '--edition', 'base'], {}, browser);
    expect(six.status, six.stderr).toBe(0);
    expect(six.json.outputs.map((o) => o.kind)).toEqual(['slides-6up']);
    const info = pdfinfo(file('slides-6up.pdf'));
    expect(Number(info.Pages)).toBe(Math.ceil(deck.slideCount / 6));
    expect(info['Page size']).toContain('letter');
    const two = await buildArgs(['build', SAMPLE_DIR, '--out', out, '--only', 'slides-2up', '--edition', 'base'], {}, browser);
    expect(two.json.outputs.map((o) => [o.kind, o.rebuilt])).toEqual([['slides-2up', true]]);
    expect(Number(pdfinfo(file('slides-2up.pdf')).Pages)).toBe(Math.ceil(deck.slideCount / 2));
  }, 120_000);
});

describe('audience copy of the HTML deck', () => {
  it('holds none of the sample’s notes strings: not as text, not in the DOM, not in embedded data, not entity-encoded', () => {
    const html = readFileSync(file('deck.public.html'), 'utf8');
    const strings = notesStrings(course);
    expect(strings.length).toBeGreaterThan(10);
    const decoded = flat(decodeEntities(html));
    const raw = flat(html);
    for (const notes of strings) {
      expect(raw.includes(notes), notes).toBe(false);
      expect(decoded.includes(notes), notes).toBe(false);
      // A distinctive part too, in case a note were cut or wrapped.
      expect(decoded.includes(notes.slice(0, 40)), notes).toBe(false);
    }
    // No presenter panel and no notes data block (the shell's script still names them, inert).
    expect(html).not.toContain('id="deckhand-presenter"');
    expect(html).not.toContain('id="deckhand-notes"');
    // The presenter's copy does carry them, so the check above can fail.
    const full = flat(decodeEntities(deck.html));
    expect(strings.some((n) => full.includes(n.slice(0, 40)))).toBe(true);
  });

  it('still navigates in Chromium, and has no presenter view', async () => {
    const url = pathToFileURL(file('deck.public.html')).href;
    const seen = await browser.session.withPage(async (page) => {
      await page.setJavaScriptEnabled(true);
      try {
        await page.goto(url, { waitUntil: 'load' });
        const total = await page.evaluate('window.deckhand.total()');
        await page.keyboard.press('ArrowRight');
        await page.keyboard.press('ArrowRight');
        const current = await page.evaluate('window.deckhand.current()');
        const hash = await page.evaluate('location.hash');
        await page.goto(`${url}?view=presenter#1`, { waitUntil: 'load' });
        const presenter = await page.evaluate("document.documentElement.classList.contains('deckhand-presenter-mode') || Boolean(document.querySelector('#deckhand-presenter, #deckhand-notes, aside'))");
        return { total, current, hash, presenter };
      } finally {
        await page.setJavaScriptEnabled(false);
      }
    });
    expect(seen).toEqual({ total: deck.slideCount, current: 3, hash: '#3', presenter: false });
  }, 60_000);
});

describe('PowerPoint', () => {
  it('LibreOffice opens it with the deck’s slide count; each slide’s notes are in its notes slide', async () => {
    const pptx = file('deck.pptx');
    const pdf = libreOfficePdf(pptx, out);
    expect(Number(pdfinfo(pdf).Pages)).toBe(deck.slideCount);
    const opened = await openPptx(readFileSync(pptx));
    expect(opened.slides).toHaveLength(deck.slideCount);
    deck.notes.forEach((notes, i) => expect(flat(notesTextOf(opened.notes[i] ?? '')), `slide ${i + 1}`).toBe(flat(notes)));
  }, 180_000);

  it('two builds give the same sha256', async () => {
    const again = tempDir('deckhand-pack-');
    temps.push(again);
    expect((await buildArgs(['build', SAMPLE_DIR, '--out', again, '--only', 'deck-pptx,deck-public-html', '--edition', 'base'], {}, browser)).status).toBe(0);
    expect(sha(file('deck.pptx', again))).toBe(sha(file('deck.pptx')));
    expect(sha(file('deck.public.html', again))).toBe(sha(file('deck.public.html')));
  });
});

describe('cached, listed and reported like the others', () => {
  it('in the JSON report and the manifest; a rebuild reuses them all without a browser', async () => {
    const kinds = PACK.split(',');
    expect(first.json.outputs.map((o) => o.kind).sort()).toEqual([...kinds].sort());
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { kind: string; sha256: string }[] };
    for (const o of first.json.outputs) expect(manifest.outputs.find((m) => m.kind === o.kind)?.sha256).toBe(o.sha256);
    const noop = await buildArgs(['build', SAMPLE_DIR, '--out', out, '--only', PACK, '--edition', 'base'], {}, browser);
    expect(noop.json.outputs.filter((o) => o.rebuilt)).toEqual([]);
    expect(noop.browserUsed).toBe(false);
  });
});
