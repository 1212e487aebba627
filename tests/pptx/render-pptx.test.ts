/**
 * The editable PowerPoint of the sample course, checked the way a trainer
 * would: LibreOffice opens it with the deck's slide count, every slide's
 * title and lists are editable text, each slide's notes are in its notes
 * slide, the master carries the footer, and two builds are byte-identical.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderPptx, type PptxInput } from '../../src/pptx/render-pptx.js';
import { planSlides, type PlannedSlide } from '../../src/pptx/slide-plan.js';
import { pageTexts, pdfinfo } from '../support/pdf.js';
import { BUILD_DATE, inputFor, libreOfficePdf, loadSample, marpDeck, notesTextOf, openPptx, runs, textBodies, titleOf, type OpenedPptx } from './pptx-fixtures.js';

const loaded = loadSample();
const input: PptxInput = inputFor(loaded);
const plan: PlannedSlide[] = planSlides(input);
const deck = marpDeck(input);
const norm = (s: string) => s.replace(/\s+/g, ' ').trim();

let dir: string;
let bytes: Uint8Array;
let pptx: OpenedPptx;
let pdf: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-pptx-'));
  bytes = await renderPptx(input);
  pptx = await openPptx(bytes);
  const file = join(dir, 'deck.pptx');
  writeFileSync(file, bytes);
  pdf = libreOfficePdf(file, dir);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the sample deck as PowerPoint', () => {
  it('has the Marp deck\'s slides, and LibreOffice opens it with that many pages', () => {
    expect(input.approved).toBe(true);
    expect(plan.length).toBe(deck.slideCount);
    expect(pptx.slides.length).toBe(deck.slideCount);
    expect(Number(pdfinfo(pdf).Pages)).toBe(deck.slideCount);
  });

  it('LibreOffice renders each slide\'s heading on its page', () => {
    const pages = pageTexts(pdf, plan.length);
    plan.forEach((slide, i) => {
      const heading = slide.kind === 'title' ? slide.title : slide.heading;
      // Poppler may break a long heading over lines; compare without spaces.
      expect(pages[i]?.replace(/\s/g, ''), `page ${i + 1}`).toContain(heading.replace(/\s/g, ''));
    });
  });

  it('gives every slide its heading as the title placeholder\'s text', () => {
    plan.forEach((slide, i) => {
      expect(titleOf(pptx.slides[i] ?? ''), `slide ${i + 1}`).toBe(slide.kind === 'title' ? slide.title : slide.heading);
    });
  });

  it('writes every list as one text box of bulleted paragraphs, one item per paragraph', () => {
    const lists: [number, string[]][] = plan.flatMap((slide, i): [number, string[]][] => {
      if (slide.kind === 'agenda') return [[i, slide.items]];
      if (slide.kind === 'step' && slide.options.length) return [[i, slide.options]];
      if (slide.kind === 'team') return [[i, slide.members.map((m) => `${m.discipline}: ${norm(m.role)}`)]];
      return [];
    });
    expect(lists.length).toBeGreaterThan(6);
    for (const [i, items] of lists) {
      const xml = pptx.slides[i] ?? '';
      const body = textBodies(xml).find((paras) => items.every((item) => paras.includes(item)));
      expect(body, `slide ${i + 1} has one text box holding ${items.join(' | ')}`).toBeDefined();
      expect((xml.match(/<a:buChar\b|<a:buAutoNum\b/g) ?? []).length, `slide ${i + 1} bullets`).toBe(items.length);
    }
  });

  it('has editable text on every slide, and no slide that is only a picture', () => {
    pptx.slides.forEach((xml, i) => {
      expect(runs(xml).join('').length, `slide ${i + 1}`).toBeGreaterThan(20);
      expect(xml, `slide ${i + 1}`).not.toMatch(/<p:pic>/);
    });
    expect(Object.keys(pptx.zip.files).filter((n) => n.startsWith('ppt/media/'))).toEqual([]);
  });

  it('draws the procedures as a native table and the ladder as one rectangle per step', () => {
    plan.forEach((slide, i) => {
      const xml = pptx.slides[i] ?? '';
      if (slide.kind === 'procedures') {
        expect(xml, `slide ${i + 1}`).toContain('<a:tbl>');
        const cells = [...xml.matchAll(/<a:tc>([\s\S]*?)<\/a:tc>/g)].map((m) => runs(m[1] ?? '').join(''));
        expect(cells.length).toBe(3 * (slide.rows.length + 1));
        for (const row of slide.rows) expect(cells).toContain(row.name);
      }
      if (slide.kind === 'ladder') {
        // Bars: rectangles filled with the accent colours that hold text.
        const bars = [...xml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].filter((m) => /<p:spPr>.*prst="rect".*<a:solidFill><a:srgbClr val="0(B5563|E6A7A)"\/><\/a:solidFill><a:ln>/.test(m[1] ?? '') && runs(m[1] ?? '').length > 0);
        expect(bars.map((b) => runs(b[1] ?? '').join(' '))).toEqual(slide.steps.map((s) => `${s.number} ${s.title}`));
        // A staircase: each bar taller than the last.
        const heights = bars.map((b) => Number(/<a:ext cx="\d+" cy="(\d+)"/.exec(b[1] ?? '')?.[1]));
        expect(heights).toEqual([...heights].sort((a, b) => a - b));
        expect(new Set(heights).size).toBe(heights.length);
      }
    });
    expect(plan.some((s) => s.kind === 'procedures')).toBe(true);
  });

  it('puts the presenter view\'s notes of each slide in its notes slide', () => {
    expect(pptx.notes.length).toBe(deck.slideCount);
    pptx.notes.forEach((xml, i) => {
      expect(notesTextOf(xml), `notes of slide ${i + 1}`).toBe(deck.notes[i] ?? '');
    });
    // The sample writes notes for nearly every slide; only follow-on slides of split sections and the references slide lack them.
    expect(deck.notes.filter(Boolean).length).toBeGreaterThanOrEqual(deck.slideCount - 3);
  });

  it('carries the footer and slide number on the masters, and in every rendered page', async () => {
    const footer = `${input.view.disclaimer.short} · ${input.view.document.code} v${input.view.document.version}`;
    const ours = pptx.layouts.filter((l) => /<p:cSld name="DECKHAND_/.test(l));
    expect(ours.length).toBe(2);
    const used = new Set(await Promise.all(pptx.slides.map(async (_x, i) => /slideLayout\d+\.xml/.exec(await pptx.text(`ppt/slides/_rels/slide${i + 1}.xml.rels`))?.[0])));
    expect(used.size).toBe(2);
    for (const layout of ours) {
      expect(runs(layout)).toContain(footer);
      expect(layout).toMatch(/<a:fld [^>]*type="slidenum"/);
    }
    pptx.slides.forEach((xml, i) => expect(runs(xml), `slide ${i + 1} itself`).not.toContain(footer));
    pageTexts(pdf, plan.length).forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(input.view.document.code);
      expect(text, `page ${i + 1}`).toMatch(new RegExp(`\\b${i + 1}\\s*$`));
    });
  });

  it('uses Noto Sans and the theme colours, and sets title, subject, author and the build date', async () => {
    const all = pptx.slides.join('');
    expect(all).toContain('typeface="Noto Sans"');
    // Only Noto Sans, named or as the theme's heading font (numbered lists use "+mj-lt").
    expect(all.match(/typeface="(?!Noto Sans"|\+mj-lt")[^"]*"/g)).toBeNull();
    expect((await pptx.text('ppt/theme/theme1.xml')).match(/<a:(major|minor)Font><a:latin typeface="Noto Sans"/g)).toHaveLength(2);
    expect(all).toContain('val="0B5563"');
    const core = await pptx.text('docProps/core.xml');
    expect(core).toContain(`<dc:title>${input.view.title}</dc:title>`);
    expect(core).toContain(`<dc:subject>${input.view.subtitle}</dc:subject>`);
    expect(core).toContain(`<dc:creator>${input.view.organisation}</dc:creator>`);
    expect(core).toMatch(/<dcterms:created [^>]*>2026-11-20T00:00:00Z</);
    expect(core).toMatch(/<dcterms:modified [^>]*>2026-11-20T00:00:00Z</);
    expect(await pptx.text('docProps/app.xml')).toContain(`<Company>${input.view.organisation}</Company>`);
  });

  it('has no DRAFT marking when approved', () => {
    expect(pptx.slides.join('')).not.toContain('>DRAFT<');
  });
});

describe('reproducible output', () => {
  it('two renders give the same bytes, with fixed zip dates and order', async () => {
    const again = await renderPptx(input);
    const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
    expect(sha(again)).toBe(sha(bytes));
    const names = Object.keys(pptx.zip.files);
    expect(names[0]).toBe('[Content_Types].xml');
    expect(names.slice(1)).toEqual([...names.slice(1)].sort());
    expect(names.some((n) => n.endsWith('/'))).toBe(false);
    for (const name of names) expect(pptx.zip.files[name]?.date.getTime(), name).toBe(BUILD_DATE.getTime());
  });

  it('a different build date changes the dates, not the slides', async () => {
    const later = await openPptx(await renderPptx({ ...input, date: new Date(Date.UTC(2027, 0, 5, 10, 30)) }));
    expect(later.slides).toEqual(pptx.slides);
    expect(await later.text('docProps/core.xml')).toContain('2027-01-05T10:30:00Z');
  });
});

describe('a deck that is not approved', () => {
  it('shows the DRAFT marking on every slide and the draft line on the masters', async () => {
    const draftInput = inputFor(loaded, (c) => void (c.review.status = 'draft'));
    expect(draftInput.approved).toBe(false);
    const draft = await openPptx(await renderPptx(draftInput));
    draft.slides.forEach((xml, i) => expect(runs(xml), `slide ${i + 1}`).toContain('DRAFT'));
    const ours = draft.layouts.filter((l) => /<p:cSld name="DECKHAND_/.test(l));
    expect(ours).toHaveLength(2);
    for (const layout of ours) expect(runs(layout)).toContain(draftInput.view.draft?.message);
  });
});
