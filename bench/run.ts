/**
 * `npm run bench`: deckhand against marp-cli and against a bare-puppeteer floor,
 * on this machine, in one run, scored against issue 11's targets. Every
 * measurement is the wall time of one child process (node startup included),
 * repeated BENCH_RUNS times (default 5) with the tools interleaved; the table
 * shows medians. Each child runs under a tiny `--import` preload that writes
 * node's peak RSS at exit (bench/measure.ts), so memory is measured without
 * touching src/. Writes bench/RESULTS.md.
 *
 * deckhand runs from a private build: src/ is compiled once, at the start,
 * into the temp workspace (with a copy of templates/ and package.json), so
 * the bench neither needs nor touches dist/ and edits made while it runs do
 * not leak into it.
 *
 *   BENCH_RUNS=7 npm run bench             more runs (default 5)
 *   BENCH_QUIET_SECONDS=0 npm run bench    do not wait for an idle CPU before each measurement (default: up to 5 s)
 *   BENCH_LARGE=0 npm run bench            skip the 50- and 100-course units (a quick run; the 100-course rows show "skipped")
 *   BENCH_KEEP=1 npm run bench             keep the temp workspace
 *   BENCH_ONLY=personalize npm run bench   only the 500-rep personalisation scenario (bench/personalize.ts)
 *   CHROME_PATH=… npm run bench            the Chromium every tool uses (default /usr/bin/chromium)
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import ts from 'typescript';
import { defaultConcurrency } from '../src/pipeline/build.js';
import { CHROMIUM_FLAGS } from '../src/print/browser-session.js';
import { DECKHAND_VERSION } from '../src/version.js';
import { devLoop, inProcess, writeInProcessChild } from './dev-loop.js';
import { check, median, mib, run, sec, slope, waitForQuiet, writeRssPreload, type Ran, type RunOptions } from './measure.js';
import { buildDeckhand, courseName, createWorkspace, editFaqAnswer, printHtml, REPO, withFaqRevision } from './workspace.js';

import { personalizeScenario, runAlone } from './personalize.js';

// `BENCH_ONLY=personalize npm run bench`: the 500-rep personalisation scenario alone (bench/personalize.ts).
if (process.env.BENCH_ONLY === 'personalize') {
  await runAlone();
  process.exit(0);
}

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const MARP = join(REPO, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const LARGE = process.env.BENCH_LARGE !== '0';
/** Sizes every tool runs at; LARGE adds 100 (marp-cli, deckhand full, floor full) and a deckhand-only 50 for the memory fit. */
const SIZES = [1, 10] as const;
const BIG = 100;
const MID = 50;
const CHANGED = 4; // course-05 gets the FAQ edit in scenario (c)
const QUIET_SECONDS = Number(process.env.BENCH_QUIET_SECONDS ?? 5);

// ---------------------------------------------------------------- helpers

async function pageCount(file: string): Promise<number> {
  return (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
}

const pdfsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f));

const sh = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

const versionOf = (pkg: string) => (JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

// ---------------------------------------------------------------- setup

const setupStart = performance.now();
const ws = createWorkspace(LARGE ? BIG : Math.max(...SIZES));
const workspaceSeconds = (performance.now() - setupStart) / 1000;
process.on('exit', () => {
  if (process.env.BENCH_KEEP) process.stderr.write(`kept ${ws.root}\n`);
  else rmSync(ws.root, { recursive: true, force: true });
});
const DECKHAND = buildDeckhand(ws.root);
const epoch = String(Date.parse(`${ws.day}T00:00:00Z`) / 1000);
const dir = (...parts: string[]) => {
  const d = join(ws.root, ...parts);
  mkdirSync(d, { recursive: true });
  return d;
};
// Every child's temp folder is inside the workspace: what a tool leaves there (marp-cli keeps its Chromium
// profile) is counted after each unit, then removed with the workspace, not left in /tmp.
const childTmp = dir('tmp');
const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: epoch, CHROME_PATH: CHROME, TMPDIR: childTmp };
process.stderr.write(`workspace ${ws.root}: ${ws.courses.length} approved copies of the sample in ${workspaceSeconds.toFixed(1)} s, SOURCE_DATE_EPOCH=${epoch} (${ws.day})\n`);
// Every measured child gets the RSS preload (the floor and marp-cli too, so the overhead is the same for all).
const rss = { preload: writeRssPreload(ws.root), rssPrefix: join(dir('rss'), 'maxrss') };

// The deck Markdown marp-cli converts: exactly what deckhand generates.
{
  const { stdout } = await run([DECKHAND, 'build', ...ws.courses, '--out', 'md-build', '--only', 'deck-md', '--json'], ws.root, env);
  check((JSON.parse(stdout) as { ok: boolean }).ok, 'deckhand --only deck-md failed');
}
// The print HTML the floor prints: deckhand's own render functions (src/, via tsx).
const docs = ws.courses.map((c) => printHtml(ws.root, c, env));
const floorIn = dir('floor-in');
docs.forEach((d, i) => {
  const name = courseName(i);
  const md = readFileSync(join(ws.root, 'md-build', name, `${name}.deck.md`), 'utf8');
  check(md === d.markdown, `${name}: deck.md from the compiled build differs from the src/ render (src/ or templates/ changed during setup? run again)`);
  check(d.approved, `${name} is not approved after re-approval`);
  writeFileSync(join(floorIn, `${name}.deck.html`), d.deck);
  writeFileSync(join(floorIn, `${name}.handout.html`), d.handout);
});
const MARP_SIZES = LARGE ? [...SIZES, BIG] : [...SIZES];
for (const n of MARP_SIZES) {
  const into = dir('marp-in', String(n));
  for (let i = 0; i < n; i++) cpSync(join(ws.root, 'md-build', courseName(i), `${courseName(i)}.deck.md`), join(into, `${courseName(i)}.deck.md`));
}
const floorScript = join(ws.root, 'floor.mjs');
writeFileSync(floorScript, ts.transpileModule(readFileSync(join(REPO, 'bench', 'floor.ts'), 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
// The dev-loop units: the in-process child, and course-01 with one FAQ answer edited (copied over course.yaml in the child).
const inProcessChild = writeInProcessChild(ws.root);
const editedYaml = join(ws.root, 'edited-course.yaml');
writeFileSync(editedYaml, withFaqRevision(readFileSync(join(ws.root, ws.courses[0]!, 'course.yaml'), 'utf8'), 'in-process'));
process.stderr.write(`setup done in ${((performance.now() - setupStart) / 1000).toFixed(1)} s\n`);

const deckPages = docs[0]!.deckPages;
const concurrency = defaultConcurrency();
const pagesSeen: Record<string, string> = {};

// ---------------------------------------------------------------- the tools

interface BuildJson {
  ok: boolean;
  outputs: { course: string; kind: string; path: string; pages?: number; rebuilt: boolean }[];
  warnings: string[];
  browserLaunches: number;
}

/**
 * The bench's "full build": the four outputs marp-cli and the floor can be compared with (deck Markdown,
 * HTML, PDF and the handout), base edition only. The trainer's-pack kinds (notes, slides, PPTX, public HTML)
 * and the DE/TR editions are left out so each scenario measures the same work as before they existed.
 */
const FULL_KINDS = 'deck-md,deck-html,deck-pdf,handout-pdf';

async function deckhand(n: number, out: string, extra: string[], measure: RunOptions = rss): Promise<Ran & { result: BuildJson }> {
  const only = extra.includes('--only') ? [] : ['--only', FULL_KINDS];
  const ran = await run([DECKHAND, 'build', ...ws.courses.slice(0, n), '--out', out, '--json', '--edition', 'base', ...only, ...extra], ws.root, env, measure);
  const result = JSON.parse(ran.stdout) as BuildJson;
  check(result.ok, `deckhand build failed: ${ran.stdout.slice(0, 2000)}`);
  return { ...ran, result };
}

async function deckhandCold(n: number, only: 'deck-pdf' | 'deck-html' | undefined, tag: string, measure: RunOptions = rss): Promise<Ran & { out: string }> {
  const out = join('out', tag);
  const ran = await deckhand(n, out, ['--force', ...(only ? ['--only', only] : [])], measure);
  const { result } = ran;
  const kinds = only ? 1 : 4;
  check(result.outputs.length === n * kinds && result.outputs.every((o) => o.rebuilt), `${tag}: expected ${n * kinds} rebuilt outputs`);
  check(result.browserLaunches === (only === 'deck-html' ? 0 : 1), `${tag}: ${result.browserLaunches} browser launches`);
  check(result.warnings.length === 0, `${tag}: warnings ${result.warnings.join('; ')}`);
  for (const o of result.outputs.filter((o) => o.kind.endsWith('pdf'))) {
    const pages = await pageCount(join(ws.root, o.path));
    if (o.kind === 'deck-pdf') check(pages === deckPages, `${o.path}: ${pages} pages, expected ${deckPages}`);
    pagesSeen[`deckhand ${o.kind}`] = `${pages} pages`;
  }
  return { ...ran, out };
}

async function marp(n: number, tag: string): Promise<Ran> {
  const out = dir('out', tag);
  const args = [MARP, '--no-config-file', '--pdf', '--allow-local-files', '--theme-set', join(ws.root, 'deckhand', 'templates', 'themes', 'clinical.css'), '-I', join(ws.root, 'marp-in', String(n)), '-o', out];
  const ran = await run(args, ws.root, env, rss);
  const pdfs = pdfsIn(out);
  check(pdfs.length === n, `marp-cli wrote ${pdfs.length} PDFs for ${n} decks`);
  for (const pdf of pdfs) check((await pageCount(pdf)) === deckPages, `marp-cli ${pdf}: wrong page count`);
  pagesSeen['marp-cli deck'] = `${deckPages} pages`;
  return ran;
}

async function floor(n: number, withHandout: boolean, tag: string): Promise<Ran> {
  const out = dir('out', tag);
  const files = ws.courses.slice(0, n).flatMap((_, i) => [`${courseName(i)}.deck.html`, ...(withHandout ? [`${courseName(i)}.handout.html`] : [])]);
  const ran = await run([floorScript, out, String(concurrency), JSON.stringify(CHROMIUM_FLAGS), ...files.map((f) => join(floorIn, f))], ws.root, env, rss);
  const pdfs = pdfsIn(out);
  check(pdfs.length === files.length, `floor wrote ${pdfs.length} of ${files.length} PDFs`);
  for (const pdf of pdfs) {
    const pages = await pageCount(pdf);
    if (pdf.endsWith('.deck.pdf')) check(pages === deckPages, `floor ${pdf}: ${pages} pages`);
    else pagesSeen['floor handout'] = `${pages} pages`;
  }
  return ran;
}

// ---------------------------------------------------------------- the runs

const samples: Record<string, number[]> = {};
/** Node's peak RSS (MiB) per measurement, from the preload. */
const rssOf: Record<string, number[]> = {};
const idleBefore: number[] = [];
const record = (name: string, ran: Pick<Ran, 'ms'> & Partial<Ran>): void => {
  (samples[name] ??= []).push(ran.ms);
  if (ran.rssMiB !== undefined) (rssOf[name] ??= []).push(ran.rssMiB);
};
const facts = {
  noopLaunches: [] as number[],
  noopRebuilt: [] as number[],
  changeRebuilt: [] as string[],
  changeLaunches: [] as number[],
  changeWarnings: [] as string[],
  devRebuilt: [] as string[],
  devReported: [] as number[],
  inProcessEdited: [] as number[],
};

type Unit = (round: number) => Promise<void>;
const units: Unit[] = [];
const fullUnit = (n: number) => async (r: number) => {
  const cold = await deckhandCold(n, undefined, `dh-full-${n}-${r}`);
  record(`deckhand full ${n}`, cold);
  if (n !== 10) return;
  // (b) no-op rebuild into the same folder, without --force.
  const noop = await deckhand(n, cold.out, []);
  record('deckhand no-op 10', noop);
  facts.noopLaunches.push(noop.result.browserLaunches);
  facts.noopRebuilt.push(noop.result.outputs.filter((o) => o.rebuilt).length);
  // (c) one FAQ answer changed in one course, rebuild all ten.
  const restore = editFaqAnswer(ws.root, ws.courses[CHANGED]!, r);
  try {
    const change = await deckhand(n, cold.out, []);
    record('deckhand one changed 10', change);
    const rebuilt = change.result.outputs.filter((o) => o.rebuilt);
    facts.changeRebuilt.push(`${rebuilt.length}/${change.result.outputs.length} (${rebuilt.map((o) => `${o.course} ${o.kind}`).join(', ')})`);
    facts.changeLaunches.push(change.result.browserLaunches);
    facts.changeWarnings.push(...change.result.warnings);
  } finally {
    restore();
  }
};
for (const n of SIZES) {
  units.push(async (r) => record(`marp-cli ${n}`, await marp(n, `marp-${n}-${r}`)));
  units.push(async (r) => record(`deckhand deck ${n}`, await deckhandCold(n, 'deck-pdf', `dh-deck-${n}-${r}`)));
  units.push(async (r) => record(`floor deck ${n}`, await floor(n, false, `floor-deck-${n}-${r}`)));
  units.push(async (r) => record(`floor full ${n}`, await floor(n, true, `floor-full-${n}-${r}`)));
  units.push(fullUnit(n));
}
// The dev loop (bench/dev-loop.ts): `deckhand dev` (HTML only) against a cold CLI build of the deck HTML,
// and a second build() inside one process with one BrowserSession against the cold CLI full build.
units.push(async (r) => record('deckhand deck-html 1', await deckhandCold(1, 'deck-html', `dh-html-1-${r}`)));
units.push(async (r) => {
  const loop = await devLoop(DECKHAND, ws.root, ws.courses[0]!, env, () => editFaqAnswer(ws.root, ws.courses[0]!, `dev ${r}`));
  record('dev: start to first compile', { ms: loop.firstMs });
  record('dev: edit to recompile', { ms: loop.editMs });
  facts.devRebuilt.push(loop.rebuilt);
  facts.devReported.push(loop.reportedMs);
});
units.push(async (r) => {
  const p = await inProcess(inProcessChild, join(ws.root, 'deckhand'), ws.root, ws.courses[0]!, editedYaml, { concurrency, kinds: FULL_KINDS, tag: `in-process-${r}`, env, rss });
  record('in-process: whole child (3 builds)', p.ran);
  record('in-process: first build', { ms: p.firstMs });
  record('in-process: second build', { ms: p.secondMs });
  record('in-process: edit and rebuild', { ms: p.editedMs });
  facts.inProcessEdited.push(p.editedRebuilt);
});
if (LARGE) {
  units.push(async (r) => record(`marp-cli ${BIG}`, await marp(BIG, `marp-${BIG}-${r}`)));
  units.push(async (r) => record(`floor full ${BIG}`, await floor(BIG, true, `floor-full-${BIG}-${r}`)));
  units.push(fullUnit(BIG));
  // deckhand only: the middle point of the memory fit.
  units.push(fullUnit(MID));
}

process.stderr.write(`warm-up…\n`);
await marp(1, 'warm-marp');
// The warm-up build runs twice, without and with the RSS preload: the preload must not change the --json output.
{
  const plain = await deckhandCold(1, undefined, 'warm-dh', {});
  const measured = await deckhandCold(1, undefined, 'warm-dh');
  check(plain.stdout === measured.stdout, `the RSS preload changed deckhand's --json output:\n${plain.stdout}\n---\n${measured.stdout}`);
  check(Number.isFinite(measured.rssMiB) && Number.isNaN(plain.rssMiB), 'the RSS preload wrote no figure');
}
await floor(1, true, 'warm-floor');
// Each unit's output is checked as it is made, then removed (100 courses × 5 rounds would fill the disk).
const leftBehind: Record<string, number> = {};
const clearOut = () => {
  rmSync(join(ws.root, 'out'), { recursive: true, force: true });
  for (const f of readdirSync(childTmp)) {
    const kind = `${/^([a-z]+(?:-[a-z]+)*)-/.exec(f)?.[1] ?? f}-*`; // marp-cli-9BVAIn4dya → marp-cli-*
    leftBehind[kind] = (leftBehind[kind] ?? 0) + 1;
    rmSync(join(childTmp, f), { recursive: true, force: true });
  }
};
clearOut();

const benchStart = performance.now();
const loads: number[] = [];
for (let r = 0; r < RUNS; r++) {
  loads.push(loadavg()[0]!);
  process.stderr.write(`round ${r + 1}/${RUNS} (load average ${loads.at(-1)!.toFixed(2)})…\n`);
  // Rotate the order each round so drift and background noise hit every tool alike.
  for (let k = 0; k < units.length; k++) {
    idleBefore.push(await waitForQuiet(QUIET_SECONDS));
    await units[(k + r * 3) % units.length]!(r);
    clearOut();
  }
}
process.stderr.write('personalisation: 500 reps…\n');
const personalisation = await personalizeScenario(DECKHAND, ws.root, RUNS);
const benchSeconds = (performance.now() - benchStart) / 1000;
loads.push(loadavg()[0]!);
// The bench itself keeps about one core busy; more than that means something else was running.
const busy = Math.max(...loads) > availableParallelism() * 0.75;

// ---------------------------------------------------------------- report

const med = (name: string) => median(samples[name] ?? []);
const medRss = (name: string) => median(rssOf[name] ?? []);
const skipped = (name: string) => !samples[name];
const met = (ok: boolean | undefined) => (ok === undefined ? 'skipped' : ok ? 'yes' : '**NO**');
const uniq = (xs: unknown[]) => [...new Set(xs)].join('/') || '?';

/** Issue 11's "What it must show", row by row: ratio, target, met. */
interface Target {
  scenario: string;
  deckhand: string;
  vs: string;
  target: number;
  /** A further condition the row must meet, with what it showed. */
  also?: { ok: boolean; says: string };
}
const targets: Target[] = [
  { scenario: '1 deck PDF, cold', deckhand: 'deckhand deck 1', vs: 'marp-cli 1', target: 0.8 },
  { scenario: 'full build of 1 course (four outputs)', deckhand: 'deckhand full 1', vs: 'marp-cli 1', target: 1.0 },
  { scenario: 'full build of 1 course (four outputs)', deckhand: 'deckhand full 1', vs: 'floor full 1', target: 1.25 },
  { scenario: 'full build of 10 courses', deckhand: 'deckhand full 10', vs: 'marp-cli 10', target: 0.7 },
  { scenario: 'full build of 10 courses', deckhand: 'deckhand full 10', vs: 'floor full 10', target: 1.3 },
  { scenario: `full build of ${BIG} courses`, deckhand: `deckhand full ${BIG}`, vs: `marp-cli ${BIG}`, target: 0.4 },
  {
    scenario: 'no-op rebuild of 10 courses',
    deckhand: 'deckhand no-op 10',
    vs: 'deckhand full 10',
    target: 0.05,
    also: { ok: facts.noopLaunches.every((n) => n === 0) && facts.noopRebuilt.every((n) => n === 0), says: `browser launches ${uniq(facts.noopLaunches)}, rebuilt ${uniq(facts.noopRebuilt)} of 40` },
  },
];

// Memory: node's peak RSS of the deckhand process against the number of courses.
const memSizes = LARGE ? [10, MID, BIG] : [1, 10];
const fitOf = (tool: string, sizes: number[]) => slope(sizes.map((n) => [n, medRss(`${tool} ${n}`)] as const));
const dhSlope = fitOf('deckhand full', memSizes);
const dhDelta = LARGE ? (medRss(`deckhand full ${BIG}`) - medRss('deckhand full 10')) / (BIG - 10) : NaN;
const marpSlope = fitOf('marp-cli', LARGE ? [10, BIG] : [1, 10]);
const floorSlope = fitOf('floor full', LARGE ? [10, BIG] : [1, 10]);
const RSS_TARGET = 0.2;

const ratioCell = (a: string, b: string) => `${(med(a) / med(b)).toFixed(2)}×`;
const table = [
  '| scenario | deckhand | median | compared with | median | ratio | target | met? |',
  '|---|---|---:|---|---:|---:|---:|:---:|',
  ...targets.map((t) => {
    if (skipped(t.deckhand) || skipped(t.vs)) return `| ${t.scenario} | ${t.deckhand} | – | ${t.vs} | – | – | ≤ ${t.target}× | skipped (BENCH_LARGE=0) |`;
    const ok = med(t.deckhand) / med(t.vs) <= t.target && (t.also?.ok ?? true);
    return `| ${t.scenario} | ${t.deckhand} | ${sec(med(t.deckhand))} | ${t.vs} | ${sec(med(t.vs))} | ${ratioCell(t.deckhand, t.vs)} | ≤ ${t.target}×${t.also ? `, ${t.also.says}` : ''} | ${met(ok)} |`;
  }),
  LARGE
    ? `| ${BIG} courses: node's peak RSS growth | deckhand full 10/${MID}/${BIG} | ${memSizes.map((n) => mib(medRss(`deckhand full ${n}`))).join(' / ')} | least-squares slope | | ${dhSlope.toFixed(2)} MiB/course | < ${RSS_TARGET} MiB/course | ${met(dhSlope < RSS_TARGET)} |`
    : `| ${BIG} courses: node's peak RSS growth | – | – | – | – | – | < ${RSS_TARGET} MiB/course | skipped (BENCH_LARGE=0) |`,
];

interface Other {
  scenario: string;
  deckhand: string;
  vs: string;
  note?: string;
}
const others: Other[] = [
  { scenario: '10 deck PDFs, cold, vs marp-cli', deckhand: 'deckhand deck 10', vs: 'marp-cli 10' },
  { scenario: '1 deck PDF vs floor', deckhand: 'deckhand deck 1', vs: 'floor deck 1' },
  { scenario: '10 deck PDFs vs floor', deckhand: 'deckhand deck 10', vs: 'floor deck 10' },
  { scenario: `full build of ${BIG} courses vs floor`, deckhand: `deckhand full ${BIG}`, vs: `floor full ${BIG}` },
  { scenario: 'rebuild, 1 of 10 courses changed', deckhand: 'deckhand one changed 10', vs: 'deckhand full 1', note: `rebuilt ${facts.changeRebuilt[0] ?? '?'}, browser launches ${uniq(facts.changeLaunches)}` },
  { scenario: 'dev: `deckhand dev`, start to first compile (HTML only)', deckhand: 'dev: start to first compile', vs: 'deckhand deck-html 1' },
  { scenario: 'dev: edit to recompile in the running `deckhand dev`', deckhand: 'dev: edit to recompile', vs: 'deckhand deck-html 1', note: `re-rendered ${uniq(facts.devRebuilt)}; the server reported ${uniq(facts.devReported)} ms` },
  { scenario: 'in-process: first build() of 1 course, four outputs (from process start)', deckhand: 'in-process: first build', vs: 'deckhand full 1' },
  { scenario: 'in-process: second build(), same outputs, --force, same BrowserSession', deckhand: 'in-process: second build', vs: 'deckhand full 1' },
  { scenario: 'in-process: FAQ edited, build() again (cache on)', deckhand: 'in-process: edit and rebuild', vs: 'deckhand full 1', note: `rebuilt ${uniq(facts.inProcessEdited)} of 4` },
];
const otherTable = [
  '| scenario | deckhand median | compared with | median | ratio | note |',
  '|---|---:|---|---:|---:|---|',
  ...others.filter((o) => !skipped(o.deckhand) && !skipped(o.vs)).map((o) => `| ${o.scenario} | ${sec(med(o.deckhand))} | ${o.vs} | ${sec(med(o.vs))} | ${ratioCell(o.deckhand, o.vs)} | ${o.note ?? ''} |`),
];

const memRow = (tool: string, sizes: number[], fit: number, delta?: number) =>
  `| ${tool} | ${[1, 10, MID, BIG].map((n) => (sizes.includes(n) ? mib(medRss(`${tool} ${n}`)) : '')).join(' | ')} | ${fit.toFixed(2)} MiB | ${delta === undefined || Number.isNaN(delta) ? '' : `${delta.toFixed(2)} MiB`} |`;
const memTable = [
  `| node process | 1 course | 10 | ${MID} | ${BIG} | growth per course (least squares over ${LARGE ? `10, ${MID}, ${BIG}` : '1, 10'}; 10, ${BIG} for the others) | (RSS${BIG} − RSS10) / ${BIG - 10} |`,
  '|---|---:|---:|---:|---:|---:|---:|',
  memRow('deckhand full', LARGE ? [1, 10, MID, BIG] : [1, 10], dhSlope, dhDelta),
  memRow('marp-cli', LARGE ? [1, 10, BIG] : [1, 10], marpSlope, LARGE ? (medRss(`marp-cli ${BIG}`) - medRss('marp-cli 10')) / (BIG - 10) : undefined),
  memRow('floor full', LARGE ? [1, 10, BIG] : [1, 10], floorSlope, LARGE ? (medRss(`floor full ${BIG}`) - medRss('floor full 10')) / (BIG - 10) : undefined),
];

const raw = [
  '| measurement | median | min | max | runs (s) | node peak RSS (median) |',
  '|---|---:|---:|---:|---|---:|',
  ...Object.entries(samples)
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([name, xs]) => `| ${name} | ${sec(median(xs))} | ${sec(Math.min(...xs))} | ${sec(Math.max(...xs))} | ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')} | ${rssOf[name] ? mib(medRss(name)) : ''} |`),
];

const osName = /PRETTY_NAME="?([^"\n]+)/.exec(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '')?.[1] ?? 'unknown';
const cpuModel = /model name\s*:\s*(.+)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? cpus()[0]?.model ?? 'unknown';
const gitHead = sh('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD']);
const dirty = sh('git', ['-C', REPO, 'status', '--porcelain', '--', 'src', 'templates']) ? ' (src/templates modified)' : '';
const report = [
  '# deckhand benchmark',
  '',
  `Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}. Medians of ${RUNS} runs each; every time is the wall time of one child process, node startup included. Bench took ${benchSeconds.toFixed(0)} s${LARGE ? '' : ` (BENCH_LARGE=0: no ${MID}- or ${BIG}-course units)`}; its workspace of ${ws.courses.length} approved copies took ${workspaceSeconds.toFixed(1)} s to set up.`,
  '',
  '## Machine and versions',
  '',
  `- CPU: ${cpuModel}, ${availableParallelism()} cores; RAM ${(totalmem() / 2 ** 30).toFixed(1)} GiB; ${osName} (Linux ${release()})`,
  `- Node ${process.version}; ${sh(CHROME, ['--version'])} (${CHROME})`,
  `- deckhand ${DECKHAND_VERSION} at ${gitHead}${dirty}; default concurrency ${concurrency}`,
  `- @marp-team/marp-cli ${versionOf('@marp-team/marp-cli')} (marp-core ${versionOf('@marp-team/marp-core')}, default parallelism, \`--pdf --allow-local-files --theme-set templates/themes/clinical.css\`)`,
  `- puppeteer-core ${versionOf('puppeteer-core')}, pdf-lib ${versionOf('pdf-lib')}`,
  `- 1-minute load average at each round start and at the end: ${loads.map((l) => l.toFixed(2)).join(', ')}` +
    (busy ? ' — **other work was running on the machine; treat these numbers as noisy**' : ''),
  `- CPU idle share just before each measurement (waited up to ${QUIET_SECONDS} s for ≥ 85 %): median ${(median(idleBefore) * 100).toFixed(0)} %, lowest ${(Math.min(...idleBefore) * 100).toFixed(0)} %`,
  '',
  "## Results: issue 11's targets",
  '',
  ...table,
  '',
  'Other comparisons (no target):',
  '',
  ...otherTable,
  '',
  `Node's peak RSS (\`process.resourceUsage().maxRSS\` at exit, Chromium not included), medians:`,
  '',
  ...memTable,
  '',
  'What is compared:',
  '',
  `- **deckhand deck N**: \`deckhand build <N courses> --only deck-pdf --force\` into a fresh folder (render, print, stamp). **deckhand full N**: all four targets (deck.md, deck.html, deck PDF, handout PDF).`,
  `- **marp-cli N**: marp-cli converting the same N \`.deck.md\` files deckhand generated to PDF (no stamp, no handout), same Chromium (CHROME_PATH=${CHROME}).`,
  `- **floor**: bench/floor.ts — node + puppeteer-core: launch Chromium with deckhand's flags, \`setContent\` + \`page.pdf()\` the exact print HTML deckhand renders (deck, and handout for "full"), on ${concurrency} pages, write, close. No render, stamp, guard or cache.`,
  `- **no-op**: the same 10-course build again into the same folder, no --force. **one changed**: one FAQ answer of ${courseName(CHANGED)} edited (making it an unapproved draft), all 10 rebuilt into the same folder.`,
  `- **${BIG} courses** (unless BENCH_LARGE=0): deckhand full ${BIG} against marp-cli on the ${BIG} deck.md files and the floor printing the ${BIG} decks and handouts, in the same rounds; deckhand full ${MID} runs alone, for the memory fit.`,
  '- **dev**: `deckhand dev decks/course-01` (no browser is opened or launched: dev recompiles the deck and handout HTML only, it prints no PDF). "start to first compile" is spawn to its first `compiled` line; "edit to recompile" is one FAQ answer written to course.yaml until the next `compiled` line (file watcher and its 40 ms settle included). Compared with a cold `deckhand build decks/course-01 --only deck-html --force`.',
  `- **in-process**: one plain node process imports the library (dist/index.js of the private build), makes one BrowserSession and calls \`build()\` three times on course-01 with the four full-build outputs: cold (timed from process start, so node start, imports and the Chromium launch are in it), again with force into a fresh folder, then with one FAQ answer edited (cache on). The second build is what a rebuild in a running process costs, PDFs included; ${uniq(facts.inProcessEdited)} output(s) were rebuilt after the edit.`,
  '- **peak RSS**: every child runs as `node --import <workspace>/rss-preload.mjs …`; the preload writes `process.resourceUsage().maxRSS` at exit to a file named by BENCH_RSS_FILE and prints nothing (the warm-up checks that deckhand\'s `--json` output is byte-identical with and without it).',
  '',
  'Checks that passed on every run: deckhand JSON ok, every output rebuilt on cold builds with exactly 1 browser launch (0 for deck-html) and no warnings; in-process: 1 Chromium launch for the three builds; ' +
    `marp-cli wrote N PDFs; every deck PDF (deckhand, marp-cli, floor) has ${deckPages} pages; deck.md from the compiled build equals the src/ render the floor prints. ` +
    `Pages: ${Object.entries(pagesSeen).map(([k, v]) => `${k} ${v}`).join(', ')}. ` +
    `Left in the children's TMPDIR (inside the workspace, removed by the bench): ${Object.entries(leftBehind).map(([k, v]) => `${k} ×${v}`).join(', ') || 'nothing'}.`,
  `The ${ws.courses.length} copies are the sample with \`id:\` renamed and re-approved in the temp workspace, so they build without the DRAFT watermark. ` +
    `The changed course builds as a draft${facts.changeWarnings[0] ? ` ("${facts.changeWarnings[0]}")` : ''}.`,
  '',
  ...personalisation,
  '## All measurements',
  '',
  ...raw,
  '',
];
const text = report.join('\n');
writeFileSync(join(REPO, 'bench', 'RESULTS.md'), text);
process.stdout.write(`${text}\nwrote bench/RESULTS.md\n`);

