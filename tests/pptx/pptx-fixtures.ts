/** The sample course as renderPptx input, and reading a .pptx the way PowerPoint and LibreOffice do. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { loadCourse, type LoadedCourse } from '../../src/content/load-course.js';
import type { Course } from '../../src/content/schema.js';
import { compileDeck, type CompileInput } from '../../src/compile/compile.js';
import { interfaceText } from '../../src/compile/interface-text.js';
import { catalogueFor } from '../../src/pipeline/catalogue.js';
import type { Catalogue } from '../../src/i18n/index.js';
import { pptxLabels } from '../../src/compile/labels.js';
import { BASE_EDITION } from '../../src/content/edition.js';
import type { PptxInput } from '../../src/pptx/render-pptx.js';
import { courseView } from '../../src/render/course-view.js';
import { TemplateSet } from '../../src/render/template-set.js';
import { approvalState } from '../../src/review/approval-state.js';
import { canonicalForm, fingerprint } from '../../src/review/canonical.js';
import { courseInputs } from '../../src/review/course-inputs.js';
import { readSnapshot } from '../../src/review/snapshot.js';
import { SAMPLE_DIR } from '../support/fixtures.js';

export const BUILD_DATE = new Date(Date.UTC(2026, 10, 20));
export const TODAY = '2026-11-20';
const CATALOGUE_EN = catalogueFor('en');
/** The labels the build passes (compile/labels.ts). */
export const PPTX_LABELS_EN = pptxLabels(CATALOGUE_EN, 6);

export function loadSample(dir = SAMPLE_DIR): LoadedCourse {
  const result = loadCourse(dir);
  if (!result.ok) throw new Error(`the course must load: ${JSON.stringify(result.diagnostics)}`);
  return result.loaded;
}

const compileInputs = new WeakMap<PptxInput, CompileInput>();

/** renderPptx input for a loaded course, judged for approval exactly as the build does. */
export function inputFor(loaded: LoadedCourse, mutate?: (c: Course) => void, catalogue: Catalogue = CATALOGUE_EN): PptxInput {
  const course = structuredClone(loaded.course);
  mutate?.(course);
  const canonical = canonicalForm(course, courseInputs(loaded, undefined));
  const print = fingerprint(canonical);
  const state = approvalState(course, { fingerprint: print, canonical }, readSnapshot(loaded.dir), TODAY);
  const view = courseView(course, state, TODAY, loaded.assets, interfaceText(catalogue), catalogue);
  const labels = catalogue === CATALOGUE_EN ? PPTX_LABELS_EN : pptxLabels(catalogue, view.steps.length);
  const input: PptxInput = { course, view, labels, catalogue, approved: state.approved, date: BUILD_DATE };
  const edition = { course: course.id, edition: BASE_EDITION, language: course.language };
  compileInputs.set(input, { edition, catalogue, course, state, assets: loaded.assets, date: BUILD_DATE, day: TODAY, theme: 'clinical', paper: 'a4', fingerprint: print, sourceSha256: loaded.sourceSha256 });
  return input;
}

/** The compiled Marp deck of the same input: its slide count and the presenter view's notes. */
export function marpDeck(input: PptxInput): { slideCount: number; notes: string[] } {
  const compileInput = compileInputs.get(input);
  if (!compileInput) throw new Error('marpDeck takes an input made by inputFor');
  const deck = compileDeck(compileInput, new TemplateSet(), { fonts: () => '' }, input.view);
  return { slideCount: deck.slideCount, notes: deck.notes };
}

export interface OpenedPptx {
  zip: JSZip;
  /** Slide XML in slide order (slide1.xml, slide2.xml, …). */
  slides: string[];
  notes: string[];
  layouts: string[];
  text(name: string): Promise<string>;
}

export async function openPptx(bytes: Uint8Array): Promise<OpenedPptx> {
  const zip = await JSZip.loadAsync(bytes);
  const numbered = (folder: string, stem: string) =>
    Object.keys(zip.files)
      .filter((n) => new RegExp(`^ppt/${folder}/${stem}\\d+\\.xml$`).test(n))
      .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)?.[1]) - Number(/(\d+)\.xml$/.exec(b)?.[1]));
  const read = (names: string[]) => Promise.all(names.map((n) => zip.file(n)?.async('string') ?? ''));
  return {
    zip,
    slides: await read(numbered('slides', 'slide')),
    notes: await read(numbered('notesSlides', 'notesSlide')),
    layouts: await read(numbered('slideLayouts', 'slideLayout')),
    text: async (name) => (await zip.file(name)?.async('string')) ?? '',
  };
}

const decode = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_m, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');

/** Every text run of a part, decoded. */
export const runs = (xml: string): string[] => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => decode(m[1] ?? ''));

/** Each paragraph's text (its runs joined), per text body. */
export function textBodies(xml: string): string[][] {
  return [...xml.matchAll(/<(p|a):txBody>([\s\S]*?)<\/\1:txBody>/g)].map((body) =>
    [...(body[2] ?? '').matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map((p) => runs(p[1] ?? '').join('')),
  );
}

/** The text of the slide's title placeholder. */
export function titleOf(slideXml: string): string {
  const shape = [...slideXml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].find((m) => /<p:ph\b[^>]*type="title"/.test(m[1] ?? ''));
  return shape ? runs(shape[1] ?? '').join('') : '';
}

/** The notes placeholder's text of a notes slide. */
export function notesTextOf(notesXml: string): string {
  const shape = [...notesXml.matchAll(/<p:sp>([\s\S]*?)<\/p:sp>/g)].find((m) => /<p:ph\b[^>]*type="body"/.test(m[1] ?? ''));
  return shape ? runs(shape[1] ?? '').join('') : '';
}

/**
 * Converts with real LibreOffice Impress in a private, temporary profile;
 * returns the PDF path. Callers remove `outDir`.
 */
export function libreOfficePdf(pptx: string, outDir: string): string {
  const profile = mkdtempSync(join(tmpdir(), 'deckhand-lo-profile-'));
  try {
    execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, pptx], {
      stdio: 'pipe',
      timeout: 120_000,
    });
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return join(outDir, basename(pptx).replace(/\.pptx$/, '.pdf'));
}

/** The sample, every text field pushed towards the schema's limits. */
export function stretch(c: Course): void {
  const long = (n: number, word = 'interventional') => Array.from({ length: Math.ceil(n / (word.length + 1)) }, () => word).join(' ').slice(0, n);
  c.title = long(190, 'Management');
  c.subtitle = long(190, 'multidisciplinary');
  const step = c.ladder.steps[0];
  if (step) {
    step.title = long(120, 'Conservative');
    step.summary = long(2000, 'measures');
    step.options = Array.from({ length: 24 }, (_, i) => `${i + 1} ${long(180, 'option')}`);
    step.nextStepWhen = long(1500, 'consider');
  }
  c.team.members = Array.from({ length: 30 }, (_, i) => ({ discipline: `Discipline ${i + 1}`, role: long(400, 'role') }));
  const proc = c.procedures[0];
  if (proc) c.procedures = Array.from({ length: 25 }, (_, i) => ({ ...proc, id: `p-${i}`, name: long(150, 'Procedure'), purpose: long(1200, 'purpose'), confirms: long(800, 'confirms') }));
  c.faq = Array.from({ length: 8 }, (_, i) => ({ id: `f-${i}`, question: `${i + 1} ${long(190, 'question')}`, answer: long(2000, 'answer'), notes: long(300, 'note') }));
  c.disclaimer.full = long(2000, 'disclaimer');
}

