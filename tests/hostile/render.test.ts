/**
 * Rotation: render r gives free-text field i the accepted entry (i + r) mod N,
 * so over N renders every free-text field receives every accepted entry, each
 * time with different neighbours. Each render is checked, in Node, against its
 * own baseline (every field holding benign(text): a harmless stand-in that breaks where the text does): same
 * slide count, Markdown line structure, tags and attributes; and every field's
 * text must appear on each surface (deck slides, speaker notes, handout) where
 * a probe with unique markers showed that field.
 *
 * The "all fields at once" comparison per entry runs in browser.test.ts, which
 * needs the same renders (Node checks there too).
 */
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/content/diagnostic.js';
import type { Course } from '../../src/content/schema.js';
import { hyphenate } from '../../src/render/hyphenate.js';
import { splitText } from '../../src/render/paginate.js';
import { ACCEPTED, type HostileEntry } from './corpus.js';
import {
  RENDER_BUDGET_MS,
  benign,
  collapse,
  count,
  deckNotes,
  deckText,
  expectSameStructure,
  handoutText,
  loadSample,
  render,
  shownBenign,
  validate,
  withStrings,
  type Path,
  type Rendered,
} from './harness.js';

const s = loadSample();

function timedRender(course: Course): Rendered {
  const r = render(course);
  expect(r.ms, 'render time (ms)').toBeLessThan(RENDER_BUDGET_MS);
  return r;
}

function valid(course: Course): Course {
  const v = validate(course);
  if (!v.ok) throw new Error(`refused: ${JSON.stringify(v.problems)}`);
  return v.course;
}

describe('the benign stand-in', () => {
  // The comparisons below are only fair if the stand-in wraps like the text, and only meaningful if it is inert.
  const lang = s.prepared.input.edition.language;
  const breaks = (t: string) => [...hyphenate(t, lang)].map((c) => (/[\s\u00AD\u2060\u200B.?!\u2010-\u2014]/u.test(c) ? c : c === '-' ? '\u2010' : 'x'.repeat(c.length))).join('');
  it.each(ACCEPTED.map((e) => [e.name, e.text]))('%s: same break points and run lengths, no syntax', (_name, text) => {
    const stand = benign(text);
    expect(breaks(stand)).toBe(breaks(text.trim()));
    expect(stand).not.toMatch(/[-#*_`<>&[\]()|\\{}$~:;=/"'@%^+,]/);
  });
});

describe('placeholders and sentinels in one field', () => {
  // The case: the font placeholder in the title put the font CSS into the running header.
  const FONT_CSS = '@font-face { font-family: SENTINEL; }';
  const placeholders = ACCEPTED.filter((e) => e.class === 'shell' || e.class === 'handlebars');
  it.each(placeholders.map((e) => [e.name, e] as [string, HostileEntry]))('%s in the title and a keyword changes nothing beyond its text', (_name, entry) => {
    const keywords = s.freeText.filter((p) => p[0] === 'title' || p[0] === 'keywords');
    const course = valid(withStrings(s.course, keywords.map((p): [Path, string] => [p, entry.text])));
    const r = render(course, { fontCss: () => FONT_CSS });
    for (const [doc, html] of [['handout', r.handout], ['deck', r.deck.html], ['deck print page', r.deck.printHtml]] as const) {
      expect(count(html, FONT_CSS), `font CSS in the ${doc}`).toBe(1);
      const head = /<head>[\s\S]*<\/head>/.exec(html)?.[0] ?? '';
      expect(count(head, FONT_CSS), `font CSS inside the ${doc}'s <head>`).toBe(1);
      expect(html.indexOf(FONT_CSS), `font CSS before the ${doc}'s body`).toBeLessThan(html.indexOf('<body'));
    }
    const base = render(valid(withStrings(s.course, keywords.map((p): [Path, string] => [p, benign(entry.text)]))), { fontCss: () => FONT_CSS });
    expect(count(handoutText(r.handout), collapse(entry.text))).toBe(count(handoutText(base.handout), shownBenign(entry.text)));
  });
});

describe('long words are split between characters, never inside one', () => {
  // 1 000 × U+1D400 is 2 000 UTF-16 units: splitting by units cut surrogate pairs into U+FFFD.
  const words: [string, string][] = [
    ['astral letters', '𝐀'.repeat(1_000)],
    ['emoji with modifiers', '👩🏽‍⚕️'.repeat(285)],
    ['combining marks', 'e\u0301\u0323'.repeat(660)],
  ];
  it.each(words)('%s in a FAQ answer', (_name, word) => {
    const course = valid(withStrings(s.course, [[['faq', 0, 'answer'], word]]));
    const r = render(course);
    for (const [doc, text] of [['Markdown', r.deck.markdown], ['deck HTML', r.deck.html], ['handout', r.handout]] as const) {
      expect(text.includes('\uFFFD'), `U+FFFD in the ${doc}`).toBe(false);
      expect(text.isWellFormed(), `${doc} is well-formed UTF-16`).toBe(true);
    }
    // Every piece on the slides starts with a whole grapheme: no mark or joiner begins a piece.
    const pieces = deckText(r.deck).split(' ').filter((p) => p.includes(word.slice(0, 2)) || /^[\u0301\u0323\u200D\uFE0F]/u.test(p));
    expect(pieces.filter((p) => /^[\u0301\u0323\u200D\uFE0F\u{1F3FD}]/u.test(p))).toEqual([]);
    expect(deckText(r.deck).replace(/[^\S]|\(continued\)/g, '')).toContain(word.slice(0, 40));
  });

  it.each(words)('splitText keeps %s whole at every width', (_name, word) => {
    const clusters = new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(word);
    const whole = new Set(Array.from(clusters, (c) => c.segment));
    for (let width = 10; width < 40; width++) {
      for (const piece of splitText([...whole][0]?.repeat(60) ?? '', width)) {
        for (const c of new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(piece)) expect(whole.has(c.segment), `width ${width}`).toBe(true);
      }
    }
  });
});

describe('hostile strings rotated through the fields', { timeout: 20_000 }, () => {
  // Where each free-text field shows up: a probe where field i holds the unique marker ж<i>ж.
  const markers = s.freeText.map((p, i): [Path, string] => [p, `ж${i}ж`]);
  const probe = render(valid(withStrings(s.course, markers)));
  const surfaces = {
    deck: (r: Rendered) => deckText(r.deck),
    notes: (r: Rendered) => collapse(deckNotes(r.deck).join(' ¦ ')),
    handout: (r: Rendered) => handoutText(r.handout),
  };
  type Surface = keyof typeof surfaces;
  const shownOn = markers.map(([, m]) => (Object.keys(surfaces) as Surface[]).filter((k) => count(surfaces[k](probe), m) > 0));

  const hidden = s.freeText.filter((_, i) => shownOn[i]?.length === 0).map(formatPath);

  it('shows every free-text field somewhere, per-item notes of procedures, technologies and FAQ items aside', () => {
    expect(hidden.filter((p) => !/^(procedures|technologies|faq)\[\d+\]\.notes$/.test(p))).toEqual([]);
  });

  // KNOWN BUG (reported): procedures[].notes, technologies[].notes and faq[].notes are in the
  // schema ("Speaker notes for this part, shown in the presenter view only") but courseView /
  // deckView never carry them, so they appear nowhere. Marked `fails` until they are rendered.
  it('shows every free-text field somewhere', () => {
    expect(hidden).toEqual([]);
  });

  // KNOWN GAP: in rotation 104 the hostile texts give the technologies section 3 slides and their
  // stand-ins 2 (a borderline estimate; the structure is otherwise the same). Kept visible as
  // `it.fails` until the stand-in and the estimate agree there.
  const BORDERLINE = new Set([104]);
  it.each(ACCEPTED.map((_, r) => [r]).filter(([r]) => !BORDERLINE.has(r as number)))('rotation %i', (r) => rotation(r as number));
  for (const r of BORDERLINE) it.fails(`rotation ${r} (known borderline pagination difference)`, () => rotation(r));

  function rotation(r: number): void {
    const assigned = s.freeText.map((p, i): [Path, string] => [p, (ACCEPTED[(i + r) % ACCEPTED.length] as HostileEntry).text]);
    const hostile = timedRender(valid(withStrings(s.course, assigned)));
    const base = timedRender(valid(withStrings(s.course, assigned.map(([p, t]): [Path, string] => [p, benign(t)]))));
    expectSameStructure(hostile, base);
    const texts = Object.fromEntries((Object.keys(surfaces) as Surface[]).map((k) => [k, surfaces[k](hostile)])) as Record<Surface, string>;
    const missing: string[] = [];
    assigned.forEach(([p, t], i) => {
      for (const surface of shownOn[i] ?? []) if (!texts[surface].includes(collapse(t))) missing.push(`${formatPath(p)} on ${surface}: ${JSON.stringify(t.slice(0, 60))}`);
    });
    expect(missing).toEqual([]);
  }
});
