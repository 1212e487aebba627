/**
 * In-memory harness for the hostile-content suite: the sample course loaded
 * once, its string fields enumerated, mutated copies validated the way the
 * loader validates them, and rendered with the real deck and handout renderers.
 * No files, no browser (see browser.ts for that).
 */
import { crossCheck } from '../../src/content/cross-checks.js';
import { formatPath } from '../../src/content/diagnostic.js';
import { messageFor } from '../../src/content/issue-messages.js';
import { courseSchema, type Course } from '../../src/content/schema.js';
import { prepareCourse, type PreparedCourse } from '../../src/pipeline/prepare-course.js';
import { compile, type CompiledDeck } from '../../src/compile/compile.js';
import { fontFaceCss } from '../../src/render/fonts.js';
import { hyphenate } from '../../src/render/hyphenate.js';
import { approvalState } from '../../src/review/approval-state.js';
import type { XmpFields } from '../../src/pdf/xmp.js';
import { canonicalForm, fingerprint } from '../../src/review/canonical.js';
import { readSnapshot, type ApprovalSnapshot } from '../../src/review/snapshot.js';
import { expect } from 'vitest';
import { EPOCH, REPO, SAMPLE_DIR, SAMPLE_ID } from '../support/fixtures.js';

export const TODAY = '2026-11-20';
/** Longest a single validate + render (deck and handout) may take. */
export const RENDER_BUDGET_MS = 2_000;

export type Path = (string | number)[];

// ---------------------------------------------------------------------------------------------
// The sample

export interface Sample {
  prepared: PreparedCourse;
  course: Course;
  snapshot: ApprovalSnapshot | undefined;
  /** Every string leaf of the validated sample, in document order. */
  paths: Path[];
  /** Paths that take any text (shortText/longText): hostile text must render literally there. */
  freeText: Path[];
  /** Paths with a pattern or enum (ids, dates, codes, language, markets, …): hostile text is refused there. */
  patterned: Path[];
}

let sample: Sample | undefined;

export function loadSample(): Sample {
  if (sample) return sample;
  const result = prepareCourse(SAMPLE_DIR, { today: TODAY, cwd: REPO, env: { SOURCE_DATE_EPOCH: EPOCH } });
  if (!result.ok) throw new Error(`the sample does not load: ${JSON.stringify(result.diagnostics)}`);
  const prepared = result.course;
  const course = prepared.loaded.course;
  const paths = stringLeaves(course);
  // A path is free text iff ordinary prose is valid there.
  const freeText = paths.filter((p) => validate(withString(course, p, 'Plain prose, with punctuation.')).ok);
  const patterned = paths.filter((p) => !freeText.includes(p));
  sample = { prepared, course, snapshot: readSnapshot(prepared.loaded.dir), paths, freeText, patterned };
  return sample;
}

export function stringLeaves(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'string') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringLeaves(v, [...path, i]));
  if (value !== null && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => stringLeaves(v, [...path, k]));
  return [];
}

export function getAt(value: unknown, path: Path): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
}

/** A deep copy of `course` with the string at each path replaced. */
export function withStrings(course: Course, replacements: Iterable<[Path, string]>): Course {
  const copy = structuredClone(course) as unknown as Record<string | number, unknown>;
  for (const [path, text] of replacements) {
    const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown>;
    const key = path.at(-1) as string | number;
    if (typeof parent[key] !== 'string') throw new Error(`no string at ${formatPath(path)}`);
    parent[key] = text;
  }
  return copy as unknown as Course;
}

export const withString = (course: Course, path: Path, text: string): Course => withStrings(course, [[path, text]]);

// ---------------------------------------------------------------------------------------------
// Validation, as the loader does it (schema + cross-checks + folder name), without the file

export interface Problem {
  path: string;
  message: string;
}

export type Verdict = { ok: true; course: Course } | { ok: false; problems: Problem[] };

export function validate(data: unknown): Verdict {
  const problems: Problem[] = [];
  const parsed = courseSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      problems.push({ path: formatPath(path), message: messageFor(issue, { value: getAtSafe(data, path) }) });
    }
  }
  for (const p of crossCheck(data)) problems.push({ path: formatPath(p.path), message: p.message });
  if (parsed.success && parsed.data.id !== SAMPLE_ID) {
    problems.push({ path: 'id', message: `is "${parsed.data.id}" but the course folder is "${SAMPLE_ID}"; they must match` });
  }
  return problems.length === 0 && parsed.success ? { ok: true, course: parsed.data } : { ok: false, problems };
}

function getAtSafe(value: unknown, path: Path): unknown {
  let v = value;
  for (const k of path) {
    if (typeof v !== 'object' || v === null) return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

// ---------------------------------------------------------------------------------------------
// Rendering

export interface Rendered {
  deck: CompiledDeck;
  handout: string;
  ms: number;
}

/** Renders a validated course the way the build does (approval state recomputed for the content). */
export function render(course: Course, options: { fonts?: boolean; fontCss?: (text: string) => string } = {}): Rendered {
  const { prepared, snapshot } = loadSample();
  const started = performance.now();
  const canonical = canonicalForm(course, {});
  const state = approvalState(course, { fingerprint: fingerprint(canonical), canonical }, snapshot, TODAY);
  const compiled = compile({ ...prepared.input, course, state, day: TODAY }, prepared.templates, { fonts: options.fontCss ?? (options.fonts ? fontFaceCss : () => '') });
  return { deck: compiled.deck, handout: compiled.handout.html, ms: performance.now() - started };
}

/**
 * A benign stand-in for `text` that wraps and paginates exactly as `text` would if it were harmless.
 *
 * Pagination (src/render/paginate.ts) wraps at break opportunities, so "same length" is not enough:
 * the stand-in must break where `text` breaks. It is built from `text` as the pipeline will show it,
 * hyphenated for the edition's language (src/render/hyphenate.ts, as compile's hyphenateView does),
 * code point by code point:
 * - kept: whitespace (every kind: the pipeline collapses or keeps it the same way for both), the break
 *   hints U+00AD and U+2060, U+200B, dashes U+2010–U+2014 and the marks, joiners, selectors and
 *   modifiers inside a grapheme (harmless, and they keep grapheme boundaries where `text` has them,
 *   which is where splitText may cut); sentence ends . ? ! (splitText prefers to cut after them);
 * - '-' becomes U+2010 HYPHEN: a break opportunity too, but no Markdown list, rule or setext marker;
 * - every other code point becomes 'ж' (one UTF-16 unit) or '𐐷' (two), so each run between breaks
 *   has the same UTF-16 length, which is what paginate.ts measures.
 * The soft hyphens come with the stand-in, so it is hyphenation-neutral: hyphenate() leaves 'ж' and
 * '𐐷' words whole (checked below), and the stand-in gets the hostile text's syllable breaks, not its own.
 * In fields the pipeline does not hyphenate (title, short disclaimer, keywords, notes) these hints
 * only add break points on slides that are not paginated. Everything else (Markdown or HTML syntax,
 * entities, placeholders, letters) is gone, so any difference in structure is the hostile text's.
 */
export function benign(text: string): string {
  const lang = loadSample().prepared.input.edition.language;
  let out = '';
  for (const { segment } of new Intl.Segmenter(lang, { granularity: 'grapheme' }).segment(hyphenate(text.trim(), lang))) {
    [...segment].forEach((c, i) => {
      if (/[\s\u00AD\u2060\u200B\u2010-\u2014.?!]/u.test(c) || (i > 0 && /[\p{M}\u200C\u200D\uFE00-\uFE0F\u{1F3FB}-\u{1F3FF}\u{E0020}-\u{E007F}]/u.test(c))) out += c;
      else if (c === '-') out += '\u2010';
      else out += c.length === 1 ? 'ж' : '𐐷';
    });
  }
  if (hyphenate(out, lang) !== out) throw new Error(`the stand-in for ${JSON.stringify(text)} would be hyphenated again`);
  return out;
}

/** The stand-in as a reader sees it (for counting it in extracted text). */
export const shownBenign = (text: string): string => collapse(benign(text));

// ---------------------------------------------------------------------------------------------
// Reading the output without a browser (the browser test reads the real DOM)

/** Text as a reader sees it: whitespace collapsed, and the invisible break hints hyphenation adds (U+00AD soft hyphen, U+2060 word joiner) dropped. */
export const collapse = (s: string): string => s.replace(/[\u00AD\u2060]/g, '').replace(/\s+/g, ' ').trim();

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00A0' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#') {
      const code = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return NAMED[e] ?? m;
  });
}

/** The slides' HTML (Marp output) from the print page. */
export function slidesHtml(deck: CompiledDeck): string {
  const body = /<body>([\s\S]*)<\/body>/.exec(deck.printHtml)?.[1];
  if (body === undefined) throw new Error('no body in the print HTML');
  return body;
}

/** Text of some HTML (tags dropped, entities decoded, whitespace collapsed). */
export function htmlText(html: string): string {
  return collapse(decodeEntities(html.replace(/<[^>]*>/g, ' ')));
}

export const deckText = (deck: CompiledDeck): string => htmlText(slidesHtml(deck));

/** The handout's body text without the ladder figure (its titles are wrapped and hyphenated). */
export function handoutText(html: string): string {
  const body = /<body[^>]*>([\s\S]*)<\/body>/.exec(html)?.[1] ?? '';
  return htmlText(body.replace(/<svg[\s\S]*?<\/svg>/g, ' '));
}

/** The presenter notes array embedded in the HTML deck. */
export function deckNotes(deck: CompiledDeck): string[] {
  const json = /<script type="application\/json" id="deckhand-notes">([\s\S]*?)<\/script>/.exec(deck.html)?.[1];
  if (json === undefined) throw new Error('no notes script in the deck');
  return JSON.parse(json) as string[];
}

/** Start tags with their attribute names, in order: equal signatures mean no extra element or attribute. */
export function tagSignature(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<([a-zA-Z][\w:-]*)((?:\s+[^\s=>/]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?)*)\s*\/?>/g)) {
    const names = [...(m[2] ?? '').matchAll(/\s+([^\s=>/]+)(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+))?/g)].map((a) => a[1]).sort();
    out.push(`${(m[1] ?? '').toLowerCase()}[${names.join(' ')}]`);
  }
  return out;
}

/** Non-overlapping occurrences of `needle` in `haystack`. */
export function count(haystack: string, needle: string): number {
  if (needle === '') return 0;
  let n = 0;
  for (let i = haystack.indexOf(needle); i !== -1; i = haystack.indexOf(needle, i + needle.length)) n++;
  return n;
}

/** First difference between two signatures, for readable failures. */
export function firstDifference(a: string[], b: string[]): string | undefined {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) return `at tag #${i}: expected ${a[i] ?? '(end)'}, got ${b[i] ?? '(end)'}`;
  }
  return undefined;
}

export const CONTROL_CHARS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;

// ---------------------------------------------------------------------------------------------
// Comparisons shared by render.test.ts and browser.test.ts

export const handoutSignature = (html: string): string[] => tagSignature(html.replace(/<svg[\s\S]*?<\/svg>/g, '<svg>'));

/** Markdown reduced to its line structure: slide breaks, directive comments, note comments, blank and text lines. */
export const markdownShape = (md: string): string[] =>
  md.split('\n').map((line) => (line.startsWith('<!-- Notes: ') ? '<!-- Notes -->' : line === '---' || line.startsWith('<!--') || line === '' ? line : '·'));

/** A render of hostile text against a benign render of the same lengths: same slides, lines, tags, attributes. */
export function expectSameStructure(hostile: Rendered, base: Rendered): void {
  expect(hostile.deck.slideCount, 'slide count').toBe(base.deck.slideCount);
  expect(markdownShape(hostile.deck.markdown), 'Markdown lines (slide breaks, directives, blocks)').toEqual(markdownShape(base.deck.markdown));
  expect(firstDifference(tagSignature(base.deck.html), tagSignature(hostile.deck.html)), 'deck HTML tags and attributes').toBeUndefined();
  expect(firstDifference(handoutSignature(base.handout), handoutSignature(hostile.handout)), 'handout HTML tags and attributes').toBeUndefined();
  expect(hostile.deck.outline.length, 'PDF outline entries').toBe(base.deck.outline.length);
  expect(deckNotes(hostile.deck).length, 'one notes entry per slide').toBe(hostile.deck.slideCount);
}

/**
 * `text` in every free-text field (hostile) against `benign(text)` (base), read
 * from the HTML in Node: the text appears as often as the stand-in, every note
 * equals it, and it never reaches the Markdown unescaped outside a note.
 */
export function expectLiteralEverywhere(text: string, hostile: Rendered, base: Rendered): void {
  const shown = collapse(text);
  const surfaces: [string, (r: Rendered) => string][] = [
    ['deck', (r) => deckText(r.deck)],
    ['handout', (r) => handoutText(r.handout)],
  ];
  for (const [surface, textOf] of surfaces) {
    const expected = count(textOf(base), shownBenign(text)) + count(textOf(base), shown);
    expect(count(textOf(hostile), shown), `times the text appears in the ${surface}`).toBe(expected);
  }
  const notes = deckNotes(hostile.deck).filter(Boolean);
  expect(notes.length).toBe(deckNotes(base.deck).filter(Boolean).length);
  // A slide's notes are the section's note and its items' notes ("<label>: <note>"), joined by " · ";
  // every part must be the text itself (every field holds it), nothing more, nothing less.
  // Notes are the author's text as written (whitespace aside); an item's label loses only hyphenation's break hints.
  const baseNotes = deckNotes(base.deck).filter(Boolean);
  const literal = text.replace(/\s+/g, ' ').trim();
  notes.forEach((note, i) => {
    const parts = (baseNotes[i] ?? '').split(' · ').map((part) => (part.includes(': ') ? `${shown}: ${literal}` : literal));
    expect(note).toBe(parts.join(' · '));
  });
  if (/[<>&]/.test(text)) expect(hostile.deck.markdown.replace(/<!-- Notes: .*? -->/g, '')).not.toContain(shown);
}

/** PDF metadata with every free-text field set to `text`, for the stamp and XMP tests. */
export function hostileMetadata(text: string, keywords: string[] = [text]): XmpFields {
  return {
    title: text,
    author: text,
    subject: `${text} (handout)`,
    keywords,
    language: 'en',
    producer: 'deckhand test',
    date: new Date(Date.UTC(2026, 10, 20)),
    record: {
      course: 'interventional-pain-management',
      kind: 'handout-pdf',
      documentCode: 'INV-PM-TRN-0142',
      version: '1.0',
      reviewers: [{ name: text, role: text, date: '2026-11-16' }],
      reviewExpires: '2027-11-30',
      approvalStatus: 'draft',
      sourceSha256: '0'.repeat(64),
      contentFingerprint: `sha256:${'0'.repeat(64)}`,
      pagesSha256: '',
      generator: 'deckhand test',
    },
  };
}
