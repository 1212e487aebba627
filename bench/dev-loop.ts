/**
 * The dev-loop measures of `npm run bench` (issue 11: "a second rebuild inside
 * a running process must not pay start-up again"), two ways, because
 * `deckhand dev` recompiles HTML only (deck and handout preview, no browser,
 * no PDF):
 *
 * - **devLoop**: `deckhand dev <course>` as a user runs it: wall time from
 *   spawn to its first "compiled … in N ms" line, then, once it serves, one
 *   FAQ answer edited and the wall time until the next "compiled" line
 *   (chokidar's notice and its 40 ms settle included).
 * - **inProcess**: the library API (the private dist/index.js) in one plain
 *   node process with one BrowserSession: the four full-build outputs of one
 *   course, cold; the same build again (--force, fresh folder); then one FAQ
 *   answer edited and rebuilt (cache on). PDFs included, so this is the
 *   rebuild a long-running process (a future dev with PDFs, a server) pays.
 */
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { run, type Ran, type RunOptions } from './measure.js';

export interface DevLoop {
  /** Spawn → first "compiled" line (node start, imports, first compile). */
  firstMs: number;
  /** File written → next "compiled" line. */
  editMs: number;
  /** The ms the server itself reported for that recompile. */
  reportedMs: number;
  /** What it said it re-rendered ("deck and handout", "handout"). */
  rebuilt: string;
}

const COMPILED = /^(?:compiled (.+) in (\d+) ms|unchanged \((\d+) ms\))$/;

/** Runs `deckhand dev` on one course; `edit` changes the course and returns the undo. */
export async function devLoop(cli: string, root: string, course: string, env: NodeJS.ProcessEnv, edit: () => () => void): Promise<DevLoop> {
  const start = performance.now();
  const child = spawn(process.execPath, [cli, 'dev', course], { cwd: root, env: { ...env, NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
  const seen: string[] = [];
  const lines: string[] = [];
  let wake: (() => void) | undefined;
  let exited: number | null | undefined;
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve((exited = code))));
  createInterface({ input: child.stderr }).on('line', (line) => {
    lines.push(line);
    seen.push(line);
    wake?.();
  });
  void exit.then(() => wake?.());
  /** The next stderr line matching `re` (lines before it are dropped). */
  const next = async (re: RegExp, what: string): Promise<RegExpExecArray> => {
    const deadline = performance.now() + 60_000;
    for (;;) {
      while (lines.length) {
        const m = re.exec(lines.shift()!);
        if (m) return m;
      }
      if (exited !== undefined || performance.now() > deadline) throw new Error(`deckhand dev: no ${what} (exit ${exited}); it printed:\n${seen.join('\n')}`);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, 1000);
      });
      wake = undefined;
    }
  };
  let undo: (() => void) | undefined;
  try {
    await next(COMPILED, 'first compile');
    const firstMs = performance.now() - start;
    await next(/^deckhand dev: http/, 'URL line (the watcher is ready after it)');
    const edited = performance.now();
    undo = edit();
    const m = await next(COMPILED, 'recompile after the edit');
    const editMs = performance.now() - edited;
    undo();
    undo = undefined;
    // The undo is a change too: let that compile finish before stopping the server.
    await next(COMPILED, 'recompile after the undo');
    return { firstMs, editMs, reportedMs: Number(m[2] ?? m[3]), rebuilt: m[1] ?? 'nothing' };
  } finally {
    undo?.();
    if (exited === undefined) child.kill('SIGTERM');
    const code = await exit;
    if (code !== 0 && code !== null) throw new Error(`deckhand dev exited with ${code}:\n${seen.join('\n')}`);
  }
}

export interface InProcess {
  ran: Ran;
  /** Process start → end of the first build (node start, imports, Chromium launch, the build). */
  firstMs: number;
  /** The same four outputs again, --force, into a fresh folder, same process and browser. */
  secondMs: number;
  /** One FAQ answer edited, rebuilt with the cache (only that course's affected outputs). */
  editedMs: number;
  editedRebuilt: number;
  launches: number;
}

const CHILD = `
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
const [index, templates, course, outA, outB, editedFile, concurrency, kinds] = process.argv.slice(2);
const { build, BrowserSession } = await import(pathToFileURL(index).href);
const session = new BrowserSession({ concurrency: Number(concurrency), policy: { allowedRoots: [resolve(course), templates], onBlocked: () => {} } });
const once = async (outDir, force) => {
  const t = performance.now();
  const r = await build({ courseDirs: [course], outDir, kinds: kinds.split(','), editions: ['base'], force, session });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { ms: performance.now() - t, rebuilt: r.outputs.filter((o) => o.rebuilt).length, outputs: r.outputs.length };
};
const first = await once(outA, true);
const firstEnd = performance.now();
const second = await once(outB, true);
const yaml = resolve(course, 'course.yaml');
const original = readFileSync(yaml);
copyFileSync(editedFile, yaml);
let edited;
try {
  edited = await once(outB, false);
} finally {
  writeFileSync(yaml, original);
}
await session.close();
console.log(JSON.stringify({ first, firstEnd, second, edited, launches: session.launches }));
`;

/** Writes the in-process child into the workspace; returns its path. */
export function writeInProcessChild(root: string): string {
  const file = join(root, 'in-process.mjs');
  writeFileSync(file, CHILD);
  return file;
}

export async function inProcess(
  child: string,
  deckhandHome: string,
  root: string,
  course: string,
  editedYaml: string,
  settings: { concurrency: number; kinds: string; tag: string; env: NodeJS.ProcessEnv; rss: RunOptions },
): Promise<InProcess> {
  const out = (x: string) => join('out', `${settings.tag}-${x}`);
  const args = [child, join(deckhandHome, 'dist', 'index.js'), join(deckhandHome, 'templates'), course, out('a'), out('b'), editedYaml, String(settings.concurrency), settings.kinds];
  const ran = await run(args, root, settings.env, settings.rss);
  type Once = { ms: number; rebuilt: number; outputs: number };
  const r = JSON.parse(ran.stdout.trim().split('\n').pop()!) as { first: Once; firstEnd: number; second: Once; edited: Once; launches: number };
  const kinds = settings.kinds.split(',').length;
  if (r.first.rebuilt !== kinds || r.second.rebuilt !== kinds) throw new Error(`in-process: expected ${kinds} rebuilt outputs, got ${r.first.rebuilt} and ${r.second.rebuilt}`);
  if (r.launches !== 1) throw new Error(`in-process: ${r.launches} Chromium launches for three builds, expected 1`);
  return { ran, firstMs: r.firstEnd, secondMs: r.second.ms, editedMs: r.edited.ms, editedRebuilt: r.edited.rebuilt, launches: r.launches };
}
