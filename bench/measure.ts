/**
 * How the bench measures one child process: wall time, stdout, and node's peak
 * RSS (through a preload, so deckhand's src/ is not touched), plus the quiet
 * wait and the small statistics the report uses.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';

export interface Ran {
  ms: number;
  stdout: string;
  /** Peak resident set of the node process itself (MiB), Chromium and other children not included. */
  rssMiB: number;
}

/** Names the file prefix the preload writes `<prefix>.<pid>` to: one file per node process, so a forked child cannot overwrite its parent's figure. */
export const RSS_ENV = 'BENCH_RSS_FILE';

/**
 * Writes the preload into the workspace and returns its URL for `node --import`. On 'exit' (which
 * also fires on process.exit()) it writes process.resourceUsage().maxRSS, in KiB, and nothing else:
 * it prints nothing, so the measured CLI's stdout (its --json) is unchanged (run.ts checks that).
 */
export function writeRssPreload(root: string): string {
  const file = join(root, 'rss-preload.mjs');
  writeFileSync(
    file,
    `import { writeFileSync } from 'node:fs';\n` +
      `const prefix = process.env.${RSS_ENV};\n` +
      `if (prefix) process.on('exit', () => writeFileSync(\`\${prefix}.\${process.pid}\`, String(process.resourceUsage().maxRSS)));\n`,
  );
  return pathToFileURL(file).href;
}

export interface RunOptions {
  /** The preload URL from writeRssPreload(); without it rssMiB is NaN. */
  preload?: string;
  /** Where the preload writes (a prefix; the bench reads `<prefix>.<child pid>` and deletes every `<prefix>.*`). */
  rssPrefix?: string;
}

// Wall time only: CPU time from /usr/bin/time or rusage would miss Chromium's renderers,
// which are reaped by the zygote or orphaned at shutdown, not by the process we wait for.
export function run(args: string[], cwd: string, env: NodeJS.ProcessEnv, options: RunOptions = {}): Promise<Ran> {
  const { preload, rssPrefix } = options;
  const measured = preload && rssPrefix;
  const argv = measured ? ['--import', preload, ...args] : args;
  const childEnv = measured ? { ...env, [RSS_ENV]: rssPrefix } : env;
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, argv, { cwd, env: childEnv, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => {
      const ms = performance.now() - start;
      const rssMiB = measured ? takeRss(rssPrefix, child.pid) : NaN;
      if (code === 0) resolve({ ms, stdout, rssMiB });
      else reject(new Error(`${args.slice(0, 3).join(' ')} … exited with ${code}\n${stderr.slice(-3000)}`));
    });
  });
}

function takeRss(prefix: string, pid: number | undefined): number {
  const file = `${prefix}.${pid}`;
  const kib = existsSync(file) ? Number(readFileSync(file, 'utf8')) : NaN;
  const dir = dirname(prefix);
  for (const f of readdirSync(dir)) if (f.startsWith(`${basename(prefix)}.`)) rmSync(join(dir, f), { force: true });
  return kib / 1024;
}

/** Share of the machine's CPU time that was idle over `ms`, from /proc/stat (1 where unavailable). */
export async function idleShare(ms = 300): Promise<number> {
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

/** On a shared machine, waits (at most `seconds`) until other work leaves the CPUs mostly idle. */
export async function waitForQuiet(seconds: number): Promise<number> {
  const deadline = performance.now() + seconds * 1000;
  let idle = await idleShare();
  while (idle < 0.85 && performance.now() < deadline) idle = await idleShare(1000);
  return idle;
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length === 0 ? NaN : s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

/** Least-squares slope of y over x (NaN with fewer than two distinct x). */
export function slope(points: readonly (readonly [number, number])[]): number {
  const ok = points.filter(([x, y]) => Number.isFinite(x) && Number.isFinite(y));
  const n = ok.length;
  const mx = ok.reduce((a, [x]) => a + x, 0) / n;
  const my = ok.reduce((a, [, y]) => a + y, 0) / n;
  const sxx = ok.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return n < 2 || sxx === 0 ? NaN : ok.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0) / sxx;
}

export const sec = (ms: number) => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(2)} s` : '–');
export const mib = (x: number) => (Number.isFinite(x) ? `${x.toFixed(0)} MiB` : '–');

export function check(ok: boolean, message: string): void {
  if (!ok) throw new Error(`check failed: ${message}`);
}
