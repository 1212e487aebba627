/**
 * The bad-input corpus: every `cases/<case>/course.yaml` is a broken course that
 * `deckhand check` must refuse (exit 1) with diagnostics of the form
 * `file:line:col  field.path  message`. What each case is about is in its
 * `case.json` (written by make-cases.mts); what the loader prints for it is
 * pinned in `expected.txt`, so that any change of wording, position or field shows
 * up in review. Rewrite the goldens with:
 *
 *   UPDATE_GOLDEN=1 npx vitest run tests/bad-input
 *
 * Checks a case lists under `knownIssues` document a current loader shortcoming:
 * they run as `it.fails` and start failing once the loader is fixed; then remove
 * the entry in make-cases.mts, regenerate, and refresh the golden. See README.md.
 */
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, type Diagnostic } from '../../src/content/diagnostic.js';
import { loadCourse, type LoadResult } from '../../src/content/load-course.js';

const REPO = resolve(import.meta.dirname, '../..');
const CASES_DIR = join(import.meta.dirname, 'cases');
/** The case folders as given on the command line, relative to the repository root. */
const CASES_REL = 'tests/bad-input/cases';
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const run = promisify(execFile);

const CHECKS = ['field', 'line', 'unrelated', 'repeated', 'printable', 'wording'] as const;
type Check = (typeof CHECKS)[number];

interface CaseMeta {
  about: string;
  fields: string[];
  alsoFields?: string[];
  line: number;
  knownIssues?: Partial<Record<Check, string>>;
}

/** Characters that must never reach a terminal from a diagnostic: C0/C1 controls and bidi controls. */
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u202A-\u202E\u2066-\u2069\uFEFF]/u;
/** Leaks of programming-language values or empty lists into an author-facing message. */
const BAD_WORDING = /\bundefined\b|\[object \w+\]|\bNaN\b|\(\s*\)|:\s*\)/;

function readMeta(name: string): CaseMeta {
  const raw: unknown = JSON.parse(readFileSync(join(CASES_DIR, name, 'case.json'), 'utf8'));
  const meta = raw as CaseMeta;
  const strings = (v: unknown) => Array.isArray(v) && v.every((s) => typeof s === 'string' && s.length > 0);
  if (
    typeof meta.about !== 'string' ||
    !strings(meta.fields) ||
    meta.fields.length === 0 ||
    (meta.alsoFields !== undefined && !strings(meta.alsoFields)) ||
    !Number.isInteger(meta.line) ||
    Object.keys(meta.knownIssues ?? {}).some((k) => !(CHECKS as readonly string[]).includes(k))
  ) {
    throw new Error(`${name}/case.json is malformed: ${JSON.stringify(raw)}`);
  }
  return meta;
}

const caseNames = readdirSync(CASES_DIR, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

const goldenPath = (name: string) => join(CASES_DIR, name, 'expected.txt');
const readGolden = (name: string) => (existsSync(goldenPath(name)) ? readFileSync(goldenPath(name), 'utf8') : undefined);
const render = (diagnostics: Diagnostic[]) => diagnostics.map((d) => `${formatDiagnostic(d)}\n`).join('');

/** The field path as an author sees it: invisible characters (raw or escaped) and quotes dropped. */
const visible = (path: string) =>
  path
    .replace(new RegExp(UNPRINTABLE.source, 'gu'), '')
    .replace(/\\u(?:00[0-1][0-9a-f]|007f|008[0-9a-f]|009[0-9a-f]|200[ef]|202[a-e]|206[6-9]|feff)/giu, '')
    .replace(/\\u\{[0-9a-f]+\}/giu, '')
    .replace(/"/g, '');

/** True if the diagnostic is about `field` or something inside it. */
const names = (d: Diagnostic, field: string) => {
  const path = visible(d.path);
  return path === field || path.startsWith(`${field}.`) || path.startsWith(`${field}[`);
};

/** The file's lines as the loader counts them (UTF-16 columns; invalid bytes become one U+FFFD). */
const sourceLines = (name: string) => new TextDecoder('utf-8', { ignoreBOM: true }).decode(readFileSync(join(CASES_DIR, name, 'course.yaml'))).split('\n');

describe('bad-input corpus', () => {
  it('has at least 25 cases, each with course.yaml, case.json and a golden expected.txt', () => {
    expect(caseNames.length).toBeGreaterThanOrEqual(25);
    for (const name of caseNames) {
      expect(existsSync(join(CASES_DIR, name, 'course.yaml')), `${name}/course.yaml`).toBe(true);
      expect(() => readMeta(name), `${name}/case.json`).not.toThrow();
      if (!UPDATE) expect(existsSync(goldenPath(name)), `${name}/expected.txt (run UPDATE_GOLDEN=1 npx vitest run tests/bad-input)`).toBe(true);
    }
  });

  it('keeps the byte-level defects as real bytes (no editor or git normalisation)', () => {
    const bytes = (name: string) => readFileSync(join(CASES_DIR, name, 'course.yaml'));
    expect([...bytes('49-utf8-bom').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes('48-non-utf8-bytes'))).toThrow();
    expect(bytes('48-non-utf8-bytes').includes(Buffer.from('Ma\xdfnahmen', 'latin1'))).toBe(true);
    expect(bytes('50-crlf-line-endings').toString('utf8')).toMatch(/^[^\n]*\r\n(?:[^\n]*\r\n)*$/);
    expect(bytes('39-control-character').includes(0x07)).toBe(true);
    expect(bytes('41-bidi-override').toString('utf8')).toContain('\u202E');
    expect(bytes('04-tab-indent').toString('utf8')).toContain('\n\tcode:');
  });
});

describe.each(caseNames)('%s', (name) => {
  const meta = readMeta(name);
  const file = `${CASES_REL}/${name}/course.yaml`;
  const known = meta.knownIssues ?? {};
  /** `it`, or `it.fails` when case.json lists the check as a known loader issue (the reason is there). */
  const check = (kind: Check, title: string, fn: () => void) =>
    known[kind] ? it.fails(`${title} [known issue: ${name}/case.json knownIssues.${kind}]`, fn) : it(title, fn);

  let cached: { result: LoadResult; ms: number } | undefined;
  const load = () => {
    if (!cached) {
      const start = performance.now();
      const result = loadCourse(`${CASES_REL}/${name}`, REPO);
      cached = { result, ms: performance.now() - start };
    }
    return cached;
  };
  const diagnostics = (): Diagnostic[] => {
    const { result } = load();
    if (result.ok) throw new Error(`${file} was accepted; it must be refused`);
    return result.diagnostics;
  };

  it(`is refused, quickly, with every problem at file:line:col with a field and a message (${meta.about})`, () => {
    const { result, ms } = load();
    expect(result.ok).toBe(false);
    expect(ms).toBeLessThan(5_000);
    const list = diagnostics();
    expect(list.length).toBeGreaterThan(0);
    const lines = sourceLines(name);
    for (const d of list) {
      const shown = formatDiagnostic(d);
      expect(d.file, shown).toBe(file);
      expect(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines.length, `${shown}: line within the file`).toBe(true);
      const lineLength = lines[d.line - 1]?.length ?? 0;
      expect(Number.isInteger(d.column) && d.column >= 1 && d.column <= lineLength + 1, `${shown}: column within line ${d.line}`).toBe(true);
      expect(d.path.trim(), `${shown}: field`).not.toBe('');
      expect(d.message.trim(), `${shown}: message`).not.toBe('');
      expect(shown, 'one line per diagnostic').not.toContain('\n');
    }
    const order = list.map((d) => [d.line, d.column] as const);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    expect(order, 'diagnostics in file order').toEqual(sorted);
  });

  check('field', `names the field ${meta.fields.join(', ')}`, () => {
    const list = diagnostics();
    for (const field of meta.fields) expect(list.some((d) => names(d, field)), `${field} in:\n${render(list)}`).toBe(true);
  });

  check('line', `points at line ${meta.line}, where the defect is`, () => {
    const list = diagnostics();
    expect(list.some((d) => d.line === meta.line), render(list)).toBe(true);
  });

  check('unrelated', 'reports nothing but the defect and its direct consequences', () => {
    const related = [...meta.fields, ...(meta.alsoFields ?? [])];
    const unrelated = diagnostics().filter((d) => !related.some((f) => names(d, f)));
    expect(render(unrelated)).toBe('');
  });

  check('repeated', 'reports each problem once (one diagnostic per position and field)', () => {
    const keys = diagnostics().map((d) => `${d.line}:${d.column}  ${d.path}`);
    expect(keys.filter((k, i) => keys.indexOf(k) !== i)).toEqual([]);
  });

  check('printable', 'prints no control or bidi characters (they would garble or reorder the terminal)', () => {
    for (const d of diagnostics()) expect(UNPRINTABLE.test(`${d.path} ${d.message}`), JSON.stringify(formatDiagnostic(d))).toBe(false);
  });

  check('wording', 'words every message for an author (no "undefined", no empty lists)', () => {
    for (const d of diagnostics()) expect(d.message).not.toMatch(BAD_WORDING);
  });

  it('matches the golden expected.txt', () => {
    const actual = render(diagnostics());
    if (UPDATE) {
      if (readGolden(name) !== actual) writeFileSync(goldenPath(name), actual);
      return;
    }
    const golden = readGolden(name);
    expect(golden, `no ${name}/expected.txt: run UPDATE_GOLDEN=1 npx vitest run tests/bad-input`).toBeDefined();
    expect(actual).toBe(golden);
  });
});

/** The real CLI (needs dist/, compiled by the global setup or `npm run build:ts`). */
async function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [join(REPO, 'bin', 'deckhand.js'), ...args], {
      cwd: REPO,
      env: { ...process.env, NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 30_000,
      maxBuffer: 16 * 1024 * 1024,
    });
    return { status: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: unknown; stdout?: string; stderr?: string; killed?: boolean };
    if (typeof e.code !== 'number') throw error;
    return { status: e.code, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}

interface CheckJson {
  ok: boolean;
  courses: { course: string; file: string; ok: boolean }[];
  errors: Diagnostic[];
}

function expectDiagnosticShape(errors: unknown[]): void {
  for (const e of errors) {
    expect(e).toEqual({
      file: expect.stringMatching(/^tests\/bad-input\/cases\/[^/]+\/course\.yaml$/),
      line: expect.any(Number),
      column: expect.any(Number),
      path: expect.stringMatching(/\S/),
      message: expect.stringMatching(/\S/),
    });
    const d = e as Diagnostic;
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.column).toBeGreaterThanOrEqual(1);
  }
}

const problemsLine = (count: number, courses: number) => `${count} problem(s) in ${courses} course(s)\n`;
const goldenLines = (name: string) => (readGolden(name) ?? '').split('\n').filter(Boolean).length;

describe.skipIf(UPDATE)('deckhand check on bad input (real CLI)', () => {
  /** One case per kind of failure: YAML syntax, schema, encoding, BOM, alias bomb, several at once. */
  const representative = ['01-syntax-unclosed-quote', '16-missing-nested-field', '45-alias-bomb', '48-non-utf8-bytes', '49-utf8-bom', '54-several-problems'];

  it.concurrent.for(representative)('check %s exits 1 and prints the golden diagnostics on stderr', async (name, { expect }) => {
    const { status, stdout, stderr } = await cli(['check', `${CASES_REL}/${name}`]);
    expect(status, stderr).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${readGolden(name)}${problemsLine(goldenLines(name), 1)}`);
  });

  it.concurrent.for(representative)('check --json %s exits 1 with positioned errors[] on stdout', async (name, { expect }) => {
    const { status, stdout, stderr } = await cli(['check', `${CASES_REL}/${name}`, '--json']);
    expect(status, stderr).toBe(1);
    const json = JSON.parse(stdout) as CheckJson;
    expect(json.ok).toBe(false);
    expect(json.courses).toEqual([expect.objectContaining({ ok: false, file: `${CASES_REL}/${name}/course.yaml` })]);
    expectDiagnosticShape(json.errors);
    expect(render(json.errors)).toBe(readGolden(name));
  });

  it.concurrent('check --json on every case at once exits 1 and reports each case as in its golden', async ({ expect }) => {
    const { status, stdout, stderr } = await cli(['check', ...caseNames.map((n) => `${CASES_REL}/${n}`), '--json']);
    expect(status, stderr.slice(-2000)).toBe(1);
    const json = JSON.parse(stdout) as CheckJson;
    expect(json.ok).toBe(false);
    expect(json.courses.map((c) => c.ok)).toEqual(caseNames.map(() => false));
    expectDiagnosticShape(json.errors);
    const all = caseNames.map((n) => readGolden(n) ?? '').join('');
    expect(render(json.errors)).toBe(all);
    expect(stderr.endsWith(problemsLine(json.errors.length, caseNames.length))).toBe(true);
  });
});
