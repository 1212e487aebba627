/**
 * Each accepted corpus entry in every free-text field at once, compared with a
 * baseline whose fields hold benign(text) (harness.ts): a harmless stand-in
 * with the text's break points and run lengths, so pagination, which wraps at
 * break points, must give the same slides.
 *
 * In Node (from the HTML): same slide count, Markdown line structure, tags and
 * attributes; the text appears as often as the benign stand-in; every speaker
 * note equals the text.
 *
 * In Chromium with JavaScript ON: the deck HTML (opened in presenter view,
 * which also runs everything the audience view runs) and the handout HTML are
 * written and loaded, and so is the baseline.
 * Nothing may run, fetch, navigate, log an error or add an element/attribute;
 * the slide count and the text must match the baseline, and the speaker notes
 * (JSON and presenter pane) must hold the text literally.
 *
 * Also here because it needs an XML parser: the PDF's XMP packet (xmp.ts) with
 * hostile titles, authors, keywords and reviewer names is well-formed XML and
 * reads back literally.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeckhandRecord, xmpPacket, type XmpFields } from '../../src/pdf/xmp.js';
import { ACCEPTED, type HostileEntry } from './corpus.js';
import { inspect, launch, type PageReport } from './browser.js';
import {
  RENDER_BUDGET_MS,
  benign,
  collapse,
  count,
  deckText,
  expectLiteralEverywhere,
  expectSameStructure,
  firstDifference,
  handoutSignature,
  handoutText,
  hostileMetadata,
  loadSample,
  render,
  shownBenign,
  tagSignature,
  validate,
  withStrings,
  type Path,
  type Rendered,
} from './harness.js';

const s = loadSample();
let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(join(tmpdir(), 'deckhand-hostile-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function renderAll(text: string): Rendered {
  const v = validate(withStrings(s.course, s.freeText.map((p): [Path, string] => [p, text])));
  if (!v.ok) throw new Error(`refused: ${JSON.stringify(v.problems)}`);
  const r = render(v.course);
  expect(r.ms).toBeLessThan(RENDER_BUDGET_MS);
  return r;
}

let files = 0;
async function load(r: Rendered): Promise<{ deck: PageReport; handout: PageReport }> {
  const n = files++;
  const deckFile = join(dir, `${n}.deck.html`);
  const handoutFile = join(dir, `${n}.handout.html`);
  writeFileSync(deckFile, r.deck.html);
  writeFileSync(handoutFile, r.handout);
  // Presenter view on slide 1 (the title slide, which has notes).
  const [deck, handout] = await Promise.all([inspect(browser, deckFile, '?view=presenter#1'), inspect(browser, handoutFile)]);
  return { deck, handout };
}

interface Baseline {
  deck: PageReport;
  handout: PageReport;
  /** The benign string its fields hold. */
  benign: string;
}

/**
 * Benign baselines, shared between entries whose benign renders have the same
 * markup structure (same pagination) and show their stand-in whole as often
 * (a long one is split under "(continued)" or shortened in the agenda): the
 * slots where a field's text shows are then the same, whatever the stand-in.
 */
const baselines = new Map<string, Promise<Baseline>>();
function baseline(r: Rendered, benignText: string): Promise<Baseline> {
  const shown = [count(deckText(r.deck), benignText), count(handoutText(r.handout), benignText)].join(',');
  const key = [shown, '|', ...tagSignature(r.deck.html), '|', ...handoutSignature(r.handout)].join('');
  let found = baselines.get(key);
  if (!found) baselines.set(key, (found = load(r).then((pages) => ({ ...pages, benign: benignText }))));
  return found;
}

const LADDER_TAGS = ['g', 'line', 'rect', 'text', 'title', 'tspan'];

function expectInert(page: PageReport, what: string): void {
  expect(page.pwned, `${what}: script ran`).toBe(false);
  expect(page.dialogs, `${what}: dialogs`).toEqual([]);
  expect(page.blocked, `${what}: requests`).toEqual([]);
  expect(page.consoleErrors, `${what}: console errors`).toEqual([]);
  expect(page.frames, `${what}: frames`).toBe(0);
  expect(page.handlers, `${what}: on* attributes / javascript: URLs`).toEqual([]);
}

describe('hostile strings in Chromium, JavaScript on', { timeout: 20_000 }, () => {
  it('the benign sample loads cleanly', async () => {
    const r = render(s.course);
    const { deck, handout } = await load(r);
    expectInert(deck, 'deck');
    expectInert(handout, 'handout');
    expect(deck.scripts).toEqual(['deckhand-notes', 'deckhand-ui', '(inline)']);
    expect(handout.scripts).toEqual([]);
    expect(deck.slides).toBe(r.deck.slideCount);
    expect(deck.notesFoundById).toBe(true);
    expect(deck.presenterNotes).toBe(collapse(s.course.speakerNotes?.title ?? ''));
  });

  const cases = ACCEPTED.map((e) => [`${e.class}: ${e.name}`, e] as [string, HostileEntry]);
  for (const [name, entry] of cases) {
    // Known bugs run as `it.fails` (see corpus.ts and the README); the suite turns red once they are fixed.
    const test = entry.knownBug?.check === 'dom' ? it.fails : it;
    test(name, async () => {
      const text = collapse(entry.text);
      const hostile = renderAll(entry.text);
      const base = renderAll(benign(entry.text));
      const pages = Promise.all([load(hostile), baseline(base, shownBenign(entry.text))]);

      // In Node, from the HTML: same structure as the benign render, text literal everywhere.
      expectSameStructure(hostile, base);
      expectLiteralEverywhere(entry.text, hostile, base);

      // In Chromium, from the DOM, with the shell's JavaScript running.
      const [h, b] = await pages;

      expectInert(h.deck, 'deck');
      expectInert(h.handout, 'handout');
      expect(h.deck.scripts, 'deck scripts').toEqual(['deckhand-notes', 'deckhand-ui', '(inline)']);
      expect(h.handout.scripts, 'handout scripts').toEqual([]);
      expect(h.deck.url).toMatch(/\.deck\.html\?view=presenter#1$/);
      expect(h.handout.url).toMatch(/\.handout\.html$/);

      // Same slides, same elements and attributes (inline style properties included), no id clash.
      expect(h.deck.slides, 'slides in the DOM').toBe(hostile.deck.slideCount);
      expect(h.deck.slides, 'slides vs baseline').toBe(b.deck.slides);
      expect(firstDifference(b.deck.signature, h.deck.signature), 'deck DOM').toBeUndefined();
      expect(firstDifference(b.handout.signature, h.handout.signature), 'handout DOM').toBeUndefined();
      expect(h.deck.duplicateIds, 'duplicate ids').toEqual(b.deck.duplicateIds);
      expect(h.handout.duplicateIds).toEqual([]);
      for (const tag of h.handout.ladderTags) expect(LADDER_TAGS).toContain(tag);

      // The text is shown literally, as often as the benign stand-in.
      for (const page of ['deck', 'handout'] as const) {
        const expected = count(b[page].text, b.benign) + count(b[page].text, text);
        expect(count(h[page].text, text), `times the text appears in the ${page}`).toBe(expected);
      }

      // Notes: the JSON the shell reads, what it finds by id, and the presenter pane.
      expect(h.deck.notesFoundById, 'getElementById("deckhand-notes") finds the notes script').toBe(true);
      const notes = (h.deck.notes ?? []).filter(Boolean);
      expect(notes.length).toBe((b.deck.notes ?? []).filter(Boolean).length);
      // A slide's notes are its section's note and its items' notes ("<label>: <note>") joined by " · ";
      // with every field holding the text, each part is the text (or "text: text"); notes keep the text as
      // written (whitespace aside), a label loses only hyphenation's break hints.
      const literal = entry.text.replace(/\s+/g, ' ').trim();
      const shape = (note: string) => note.split(' · ').map((part) => (part.includes(': ') ? `${text}: ${literal}` : literal)).join(' · ');
      const baseNotes = (b.deck.notes ?? []).filter(Boolean);
      notes.forEach((note, i) => expect(note).toBe(shape(baseNotes[i] ?? '')));
      expect(h.deck.presenterNotes, 'presenter notes pane').toBe(notes[0]);
    });
  }
});

describe('headings cannot take over the deck shell', { timeout: 20_000 }, () => {
  // KNOWN BUG (reported): marp-core gives every heading an id slugified from its text, and the
  // shell finds its own elements with getElementById. A title, subtitle or FAQ question whose
  // slug is one of the shell's ids ("deckhand-notes", "deckhand-live", "deckhand-presenter",
  // "deckhand-presenter-next", "deckhand-timer", …) comes first in the document and wins.
  // Each case changes one realistic field; they run as `it.fails` until the ids cannot clash.
  const deckWith = async (path: Path, text: string, suffix: string) => {
    const v = validate(withStrings(s.course, [[path, text]]));
    if (!v.ok) throw new Error(JSON.stringify(v.problems));
    const file = join(dir, `shell-${files++}.deck.html`);
    writeFileSync(file, render(v.course).deck.html);
    return inspect(browser, file, suffix);
  };
  const titleNotes = collapse(s.course.speakerNotes?.title ?? '');

  it('FAQ question "Deckhand notes" leaves the speaker notes readable', async () => {
    const page = await deckWith(['faq', 0, 'question'], 'Deckhand notes', '?view=presenter#1');
    expect(page.presenterNotes).toBe(titleNotes);
  });

  it('FAQ question "Deckhand live" is not overwritten by "Slide n of N"', async () => {
    const page = await deckWith(['faq', 0, 'question'], 'Deckhand live', '');
    expect(page.text).toContain('Deckhand live');
  });

  it('subtitle "Deckhand presenter" leaves the presenter view visible', async () => {
    const page = await deckWith(['subtitle'], 'Deckhand presenter', '?view=presenter#1');
    expect(page.presenterNotes).toBe(titleNotes);
  });

  it('FAQ question "Deckhand presenter next" keeps its text in presenter view', async () => {
    const page = await deckWith(['faq', 0, 'question'], 'Deckhand presenter next', '?view=presenter#1');
    expect(page.text).toContain('Deckhand presenter next');
  });
});

describe('XMP metadata with hostile strings', { timeout: 20_000 }, () => {
  const fields = (text: string): XmpFields => ({ ...hostileMetadata(text, [text, 'second']), record: { ...hostileMetadata(text).record, pagesSha256: '1'.repeat(64) } });

  const PARSE = String.raw`(packet) => {
    const doc = new DOMParser().parseFromString(packet.replace(/^<\?xpacket[^>]*\?>|<\?xpacket[^>]*\?>$/g, ''), 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error) return { error: error.textContent };
    const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';
    const DC = 'http://purl.org/dc/elements/1.1/';
    const text = (ns, name) => Array.from(doc.getElementsByTagNameNS(ns, name), (e) => e.textContent);
    return {
      title: text(DC, 'title')[0],
      creator: text(DC, 'creator')[0],
      subjects: Array.from(doc.getElementsByTagNameNS(DC, 'subject')[0].getElementsByTagNameNS(RDF, 'li'), (e) => e.textContent),
      elements: doc.getElementsByTagName('*').length,
    };
  }`;

  const cases = ACCEPTED.map((e) => [`${e.class}: ${e.name}`, e] as [string, HostileEntry]);
  let xmlPage: Promise<Page> | undefined;
  const parse = async (packet: string) => {
    const page = await (xmlPage ??= browser.newPage());
    return (await page.evaluate(`(${PARSE})(${JSON.stringify(packet)})`)) as { error?: string; title?: string; creator?: string; subjects?: string[]; elements?: number };
  };

  for (const [name, entry] of cases) {
    const test = entry.knownBug?.check === 'xmp' ? it.fails : it;
    test(name, async () => {
      const text = entry.text.trim();
      const packet = xmpPacket(fields(text));
      const base = await parse(xmpPacket(fields('x')));
      const parsed = await parse(packet);
      expect(parsed.error, 'well-formed XML').toBeUndefined();
      expect(parsed.elements, 'no extra XML elements').toBe(base.elements);
      expect(parsed.title).toBe(text);
      expect(parsed.creator).toBe(text);
      expect(parsed.subjects).toEqual([text, 'second']);
      // deckhand verify reads the record back with its own reader.
      expect(readDeckhandRecord(packet)?.reviewers).toEqual([{ name: text, role: text, date: '2026-11-16' }]);
    });
  }
});
