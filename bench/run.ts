/**
 * `npm run bench`: deckhand against marp-cli and against a bare-puppeteer floor,
 * on this machine, in one run. Every measurement is the wall time of one child
 * process (node startup included), repeated BENCH_RUNS times (default 5) with
 * the tools interleaved; the table shows medians. Writes bench/RESULTS.md.
 *
 * deckhand runs from a private build: src/ is compiled once, at the start,
 * into the temp workspace (with a copy of templates/ and package.json), so
 * the bench neither needs nor touches dist/ and edits made while it runs do
 * not leak into it.
 *
 *   BENCH_RUNS=7 npm run bench             more runs (default 5)
 *   BENCH_QUIET_SECONDS=0 npm run bench    do not wait for an idle CPU before each measurement (default: up to 5 s)
 *   BENCH_KEEP=1 npm run bench             keep the temp workspace
 *   BENCH_ONLY=personalize npm run bench   only the 500-rep personalisation scenario (bench/personalize.ts)
 */
import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, release, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PDFDocument } from 'pdf-lib';
import ts from 'typescript';
import { defaultConcurrency } from '../src/pipeline/build.js';
import { CHROMIUM_FLAGS } from '../src/print/browser-session.js';
import { DECKHAND_VERSION } from '../src/version.js';
import { buildDeckhand, courseName, createWorkspace, editFaqAnswer, printHtml, REPO } from './workspace.js';

import { personalizeScenario, runAlone } from './personalize.js';

// `BENCH_ONLY=personalize npm run bench`: the 500-rep personalisation scenario alone (bench/personalize.ts).
if (process.env.BENCH_ONLY === 'personalize') {
  await runAlone();
  process.exit(0);
}

const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 5));
const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const MARP = join(REPO, 'node_modules', '@marp-team', 'marp-cli', 'marp-cli.js');
const SIZES = [1, 10] as const;
const CHANGED = 4; // course-05 gets the FAQ edit in scenario (c)
const QUIET_SECONDS = Number(process.env.BENCH_QUIET_SECONDS ?? 5);

// ---------------------------------------------------------------- helpers

interface Ran {
  ms: number;
  stdout: string;
}

// Wall time only: CPU time from /usr/bin/time or rusage would miss Chromium's renderers,
// which are reaped by the zygote or orphaned at shutdown, not by the process we wait for.
function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      if (code === 0) resolve({ ms, stdout });
      else reject(new Error(`${args.slice(0, 3).join(' ')} … exited with ${code}\n${stderr.slice(-3000)}`));
    });
  });
}

/** Share of the machine's CPU time that was idle over `ms`, from /proc/stat (1 where unavailable). */
async function idleShare(ms = 300): Promise<number> {
  const read = () => {
    if (!existsSync('/proc/stat')) return undefined;
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    return { idle: f[3]! + (f[4] ?? 0), total: f.reduce((a, b) => a + b, 0) };
  };
  const a = read();
  await new Promise((r) => setTimeout(r, ms));
  const b = read();
  return a && b && b.total > a.total ? (b.idle - a.idle) / (b.total - a.total) : 1;
}

/** On a shared machine, waits (at most BENCH_QUIET_SECONDS, default 5) until other work leaves the CPUs mostly idle. */
async function waitForQuiet(): Promise<number> {
  const deadline = performance.now() + QUIET_SECONDS * 1000;
  let idle = await idleShare();
  while (idle < 0.85 && performance.now() < deadline) idle = await idleShare(1000);
  return idle;
}

async function pageCount(file: string): Promise<number> {
  return (await PDFDocument.load(readFileSync(file), { updateMetadata: false })).getPageCount();
}

const pdfsIn = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.pdf')).sort().map((f) => join(dir, f));

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

const sec = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`check failed: ${message}`);
}

const sh = (cmd: string, args: string[]) => {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return 'unknown';
  }
};

const versionOf = (pkg: string) => (JSON.parse(readFileSync(join(REPO, 'node_modules', pkg, 'package.json'), 'utf8')) as { version: string }).version;

// ---------------------------------------------------------------- setup

const ws = createWorkspace(Math.max(...SIZES));
process.on('exit', () => {
  if (process.env.BENCH_KEEP) process.stderr.write(`kept ${ws.root}\n`);
  else rmSync(ws.root, { recursive: true, force: true });
});
const DECKHAND = buildDeckhand(ws.root);
const epoch = String(Date.parse(`${ws.day}T00:00:00Z`) / 1000);
const env: NodeJS.ProcessEnv = { ...process.env, SOURCE_DATE_EPOCH: epoch, CHROME_PATH: CHROME };
const dir = (...parts: string[]) => {
  const d = join(ws.root, ...parts);
  mkdirSync(d, { recursive: true });
  return d;
};
process.stderr.write(`workspace ${ws.root}: ${ws.courses.length} copies of the sample, SOURCE_DATE_EPOCH=${epoch} (${ws.day})\n`);

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
for (const n of SIZES) {
  const into = dir('marp-in', String(n));
  for (let i = 0; i < n; i++) cpSync(join(ws.root, 'md-build', courseName(i), `${courseName(i)}.deck.md`), join(into, `${courseName(i)}.deck.md`));
}
const floorScript = join(ws.root, 'floor.mjs');
writeFileSync(floorScript, ts.transpileModule(readFileSync(join(REPO, 'bench', 'floor.ts'), 'utf8'), { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);

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

async function deckhand(n: number, out: string, extra: string[]): Promise<Ran & { result: BuildJson }> {
  const only = extra.includes('--only') ? [] : ['--only', FULL_KINDS];
  const ran = await run([DECKHAND, 'build', ...ws.courses.slice(0, n), '--out', out, '--json', '--edition', 'base', ...only, ...extra], ws.root, env);
  const result = JSON.parse(ran.stdout) as BuildJson;
  check(result.ok, `deckhand build failed: ${ran.stdout.slice(0, 2000)}`);
  return { ...ran, result };
}

async function deckhandCold(n: number, only: 'deck-pdf' | undefined, tag: string): Promise<Ran & { out: string }> {
  const out = join('out', tag);
  const ran = await deckhand(n, out, ['--force', ...(only ? ['--only', only] : [])]);
  const { result } = ran;
  const kinds = only ? 1 : 4;
  check(result.outputs.length === n * kinds && result.outputs.every((o) => o.rebuilt), `${tag}: expected ${n * kinds} rebuilt outputs`);
  check(result.browserLaunches === 1, `${tag}: ${result.browserLaunches} browser launches`);
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
  const ran = await run(args, ws.root, env);
  const pdfs = pdfsIn(out);
  check(pdfs.length === n, `marp-cli wrote ${pdfs.length} PDFs for ${n} decks`);
  for (const pdf of pdfs) check((await pageCount(pdf)) === deckPages, `marp-cli ${pdf}: wrong page count`);
  pagesSeen['marp-cli deck'] = `${deckPages} pages`;
  return ran;
}

async function floor(n: number, withHandout: boolean, tag: string): Promise<Ran> {
  const out = dir('out', tag);
  const files = ws.courses.slice(0, n).flatMap((_, i) => [`${courseName(i)}.deck.html`, ...(withHandout ? [`${courseName(i)}.handout.html`] : [])]);
  const ran = await run([floorScript, out, String(concurrency), JSON.stringify(CHROMIUM_FLAGS), ...files.map((f) => join(floorIn, f))], ws.root, env);
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
const idleBefore: number[] = [];
const record = (name: string, ran: Ran): void => {
  (samples[name] ??= []).push(ran.ms);
};
const facts = { noopLaunches: [] as number[], noopRebuilt: [] as number[], changeRebuilt: [] as string[], changeLaunches: [] as number[], changeWarnings: [] as string[] };

type Unit = (round: number) => Promise<void>;
const units: Unit[] = [];
for (const n of SIZES) {
  units.push(async (r) => record(`marp-cli ${n}`, await marp(n, `marp-${n}-${r}`)));
  units.push(async (r) => record(`deckhand deck ${n}`, await deckhandCold(n, 'deck-pdf', `dh-deck-${n}-${r}`)));
  units.push(async (r) => record(`floor deck ${n}`, await floor(n, false, `floor-deck-${n}-${r}`)));
  units.push(async (r) => record(`floor full ${n}`, await floor(n, true, `floor-full-${n}-${r}`)));
  units.push(async (r) => {
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
  });
}

process.stderr.write(`warm-up…\n`);
await marp(1, 'warm-marp');
await deckhandCold(1, undefined, 'warm-dh');
await floor(1, true, 'warm-floor');

const benchStart = performance.now();
const loads: number[] = [];
for (let r = 0; r < RUNS; r++) {
  loads.push(loadavg()[0]!);
  process.stderr.write(`round ${r + 1}/${RUNS} (load average ${loads.at(-1)!.toFixed(2)})…\n`);
  // Rotate the order each round so drift and background noise hit every tool alike.
  for (let k = 0; k < units.length; k++) {
    idleBefore.push(await waitForQuiet());
    await units[(k + r * 3) % units.length]!(r);
  }
}
process.stderr.write('personalisation: 500 reps…\n');
const personalisation = await personalizeScenario(DECKHAND, ws.root, RUNS);
const benchSeconds = (performance.now() - benchStart) / 1000;
loads.push(loadavg()[0]!);
// The bench itself keeps about one core busy; more than that means something else was running.
const busy = Math.max(...loads) > availableParallelism() * 0.75;

// ---------------------------------------------------------------- report

const med = (name: string) => median(samples[name] ?? [NaN]);
interface Row {
  scenario: string;
  deckhand: string;
  vs: string;
  target?: number;
  note?: string;
}
const rows: Row[] = [
  { scenario: '(a) 1 deck PDF, cold', deckhand: 'deckhand deck 1', vs: 'marp-cli 1' },
  { scenario: '(a) 10 deck PDFs, cold', deckhand: 'deckhand deck 10', vs: 'marp-cli 10', target: 0.75 },
  { scenario: '(a) full build, 1 course, cold', deckhand: 'deckhand full 1', vs: 'marp-cli 1' },
  { scenario: '(a) full build, 10 courses, cold', deckhand: 'deckhand full 10', vs: 'marp-cli 10', target: 1.2 },
  { scenario: '(d) 1 deck PDF vs floor', deckhand: 'deckhand deck 1', vs: 'floor deck 1' },
  { scenario: '(d) 10 deck PDFs vs floor', deckhand: 'deckhand deck 10', vs: 'floor deck 10' },
  { scenario: '(d) full build, 1 course, vs floor', deckhand: 'deckhand full 1', vs: 'floor full 1', target: 1.5 },
  { scenario: '(d) full build, 10 courses, vs floor', deckhand: 'deckhand full 10', vs: 'floor full 10' },
  { scenario: '(b) no-op rebuild, 10 courses', deckhand: 'deckhand no-op 10', vs: 'deckhand full 10', note: `browserLaunches ${[...new Set(facts.noopLaunches)].join('/')}, rebuilt ${[...new Set(facts.noopRebuilt)].join('/')} of 40` },
  { scenario: '(c) rebuild, 1 of 10 courses changed', deckhand: 'deckhand one changed 10', vs: 'deckhand full 1', note: `rebuilt ${facts.changeRebuilt[0] ?? '?'}, browserLaunches ${[...new Set(facts.changeLaunches)].join('/')}` },
];
const table = [
  '| scenario | deckhand median | compared with | comparison median | ratio | target | met? |',
  '|---|---:|---|---:|---:|---:|:---:|',
  ...rows.map((row) => {
    const ratio = med(row.deckhand) / med(row.vs);
    const met = row.target === undefined ? '' : ratio <= row.target ? 'yes' : '**NO**';
    return `| ${row.scenario} | ${sec(med(row.deckhand))} | ${row.vs} | ${sec(med(row.vs))} | ${ratio.toFixed(2)}× | ${row.target ? `≤ ${row.target}×` : row.note ?? ''} | ${met} |`;
  }),
];
const raw = [
  '| measurement | median | min | max | runs (s) |',
  '|---|---:|---:|---:|---|',
  ...Object.entries(samples)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, xs]) => `| ${name} | ${sec(median(xs))} | ${sec(Math.min(...xs))} | ${sec(Math.max(...xs))} | ${xs.map((x) => (x / 1000).toFixed(2)).join(', ')} |`),
];

const osName = /PRETTY_NAME="?([^"\n]+)/.exec(existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8') : '')?.[1] ?? 'unknown';
const cpuModel = /model name\s*:\s*(.+)/.exec(existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '')?.[1] ?? cpus()[0]?.model ?? 'unknown';
const gitHead = sh('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD']);
const dirty = sh('git', ['-C', REPO, 'status', '--porcelain', '--', 'src', 'templates']) ? ' (src/templates modified)' : '';
const report = [
  '# deckhand benchmark',
  '',
  `Written by \`npm run bench\` (bench/run.ts) on ${new Date().toISOString()}. Medians of ${RUNS} runs each; every time is the wall time of one child process, node startup included. Bench took ${benchSeconds.toFixed(0)} s.`,
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
  '## Results',
  '',
  ...table,
  '',
  'What is compared:',
  '',
  `- **deckhand deck N**: \`deckhand build <N courses> --only deck-pdf --force\` into a fresh folder (render, print, stamp). **deckhand full N**: all four targets (deck.md, deck.html, deck PDF, handout PDF).`,
  `- **marp-cli N**: marp-cli converting the same N \`.deck.md\` files deckhand generated to PDF (no stamp, no handout), same Chromium (CHROME_PATH=${CHROME}).`,
  `- **floor**: bench/floor.ts — node + puppeteer-core: launch Chromium with deckhand's flags, \`setContent\` + \`page.pdf()\` the exact print HTML deckhand renders (deck, and handout for "full"), on ${concurrency} pages, write, close. No render, stamp, guard or cache.`,
  `- **no-op**: the same 10-course build again into the same folder, no --force. **one changed**: one FAQ answer of ${courseName(CHANGED)} edited (making it an unapproved draft), all 10 rebuilt into the same folder.`,
  '',
  'Checks that passed on every run: deckhand JSON ok, every output rebuilt on cold builds with exactly 1 browser launch and no warnings; ' +
    `marp-cli wrote N PDFs; every deck PDF (deckhand, marp-cli, floor) has ${deckPages} pages; deck.md from the compiled build equals the src/ render the floor prints. ` +
    `Pages: ${Object.entries(pagesSeen).map(([k, v]) => `${k} ${v}`).join(', ')}.`,
  `The ten copies are the sample with \`id:\` renamed and re-approved in the temp workspace, so they build without the DRAFT watermark. ` +
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

