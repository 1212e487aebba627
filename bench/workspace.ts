/**
 * The bench workspace: N copies of the sample course in a temp folder, each
 * with `id:` renamed to its folder and re-approved, plus the print HTML the
 * floor script prints (rendered with deckhand's own functions).
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewDay } from '../src/pipeline/dates.js';
import { approve } from '../src/review/approve.js';
import { prepareCourse } from '../src/pipeline/prepare-course.js';
import { compile } from '../src/compile/compile.js';
import { fontFaceCss } from '../src/render/fonts.js';

export const REPO = new URL('..', import.meta.url).pathname.replace(/\/$/, '');
export const SAMPLE = join(REPO, 'decks', 'interventional-pain-management');

export interface Workspace {
  root: string;
  /** Course folders relative to root: decks/course-01 … */
  courses: string[];
  /** The date the copies were approved on and SOURCE_DATE_EPOCH points at. */
  day: string;
}

export const courseName = (i: number) => `course-${String(i + 1).padStart(2, '0')}`;

/**
 * Copies the sample `count` times. The renamed id changes each copy's content
 * fingerprint, so each copy is re-approved (same reviewer, on the preparation
 * date) to build like the approved sample: no DRAFT watermark.
 */
export function createWorkspace(count: number): Workspace {
  const root = mkdtempSync(join(tmpdir(), 'deckhand-bench-'));
  mkdirSync(join(root, 'schema'));
  cpSync(join(REPO, 'schema', 'course.schema.json'), join(root, 'schema', 'course.schema.json'));
  // The floor script lives here and must resolve puppeteer-core.
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');

  const source = readFileSync(join(SAMPLE, 'course.yaml'), 'utf8');
  const day = /^\s*prepared:\s*"?(\d{4}-\d{2}-\d{2})"?/m.exec(source)?.[1];
  if (!day) throw new Error('could not find document.prepared in the sample course');
  const reviewer = /reviewers:\s*\n\s*- name: (.+)\n\s*role: (.+)/.exec(source);
  if (!reviewer) throw new Error('could not find the first reviewer in the sample course');
  const courses: string[] = [];
  for (let i = 0; i < count; i++) {
    const dir = join('decks', courseName(i));
    mkdirSync(join(root, dir), { recursive: true });
    // Each copy is its own course: its own id and its own document code.
    const yaml = source.replace(/^id: .*$/m, `id: ${courseName(i)}`).replace(/^(\s+code: )(\S+)$/m, `$1$2-${String(i + 1).padStart(2, '0')}`);
    if (yaml === source) throw new Error('could not find the top-level id: line in the sample course');
    writeFileSync(join(root, dir, 'course.yaml'), yaml);
    const prepared = prepareCourse(join(root, dir), { today: day, cwd: root });
    if (!prepared.ok) throw new Error(`copy ${dir} does not load: ${prepared.diagnostics.map((d) => d.message).join('; ')}`);
    approve(prepared.course, { reviewer: reviewer[1]!.trim(), role: reviewer[2]!.trim(), date: day });
    courses.push(dir);
  }
  return { root, courses, day };
}

/**
 * A private deckhand under <root>/deckhand: bin/, package.json, templates/, assets/, scripts/
 * copied, node_modules linked, and `npm run build:ts`'s three steps run into its dist/: tsc, the
 * precompiled templates and the CLI bundle (which bin/ runs). Returns the CLI entry.
 */
export function buildDeckhand(root: string): string {
  const home = join(root, 'deckhand');
  mkdirSync(home);
  for (const entry of ['bin', 'templates', 'assets', 'scripts', 'package.json']) cpSync(join(REPO, entry), join(home, entry), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(home, 'node_modules'), 'dir');
  process.stderr.write('compiling src/ into the bench workspace…\n');
  const tsc = join(REPO, 'node_modules', 'typescript', 'bin', 'tsc');
  execFileSync(process.execPath, [tsc, '-p', join(REPO, 'tsconfig.build.json'), '--outDir', join(home, 'dist')], { cwd: REPO, stdio: 'inherit' });
  // Both scripts write beside themselves (home/dist/); the bundle reads src/ from this checkout.
  for (const script of ['precompile-templates.mjs', 'bundle-cli.mjs']) execFileSync(process.execPath, [join(home, 'scripts', script)], { cwd: REPO, stdio: 'inherit' });
  return join(home, 'bin', 'deckhand.js');
}

/** The course text with its first FAQ answer revised (a revision note appended). */
export function withFaqRevision(original: string, revision: number | string, file = 'course.yaml'): string {
  const lines = original.split('\n');
  const faq = lines.findIndex((l) => /^faq:\s*$/.test(l));
  const answer = lines.findIndex((l, i) => i > faq && /^\s+answer:/.test(l));
  if (faq < 0 || answer < 0) throw new Error(`no faq answer found in ${file}`);
  const target = /answer:\s*[>|]/.test(lines[answer]!) ? answer + 1 : answer;
  lines[target] = lines[target]!.replace(/\s*$/, ` (bench revision ${revision})`);
  return lines.join('\n');
}

/** Edits the first FAQ answer of a course (appends a revision note); returns a function that restores the file. */
export function editFaqAnswer(root: string, courseDir: string, revision: number | string): () => void {
  const file = join(root, courseDir, 'course.yaml');
  const original = readFileSync(file, 'utf8');
  writeFileSync(file, withFaqRevision(original, revision, file));
  return () => writeFileSync(file, original);
}

export interface PrintDocs {
  /** One entry per PDF deckhand prints for this course, in print-HTML form. */
  deck: string;
  handout: string;
  deckPages: number;
  /** The deck Markdown, to check these renders match what the CLI (dist/) wrote. */
  markdown: string;
  approved: boolean;
}

/** The exact HTML deckhand hands to Chromium for a course's deck PDF and handout PDF. */
export function printHtml(root: string, courseDir: string, env: NodeJS.ProcessEnv): PrintDocs {
  const prepared = prepareCourse(courseDir, { today: reviewDay(env), env, cwd: root });
  if (!prepared.ok) throw new Error(`cannot prepare ${courseDir}: ${prepared.diagnostics.map((d) => d.message).join('; ')}`);
  const { course } = prepared;
  const { deck, handout } = compile(course.input, course.templates, { fonts: fontFaceCss });
  return {
    deck: deck.printHtml,
    handout: handout.html,
    deckPages: deck.slideCount,
    markdown: deck.markdown,
    approved: course.state.approved,
  };
}
