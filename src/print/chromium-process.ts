/**
 * One Chromium process: spawned with deckhand's flags in a fresh profile
 * folder, its DevTools endpoint read from stderr, and killed with its whole
 * process group. Node built-ins only, so the CLI can start Chromium before it
 * loads anything heavy (see prestart.ts); the session connects puppeteer to
 * the endpoint once both are ready.
 *
 * Spawning by hand instead of `puppeteer.launch()` is what lets the launch
 * start before puppeteer is even imported. The command line is the one
 * puppeteer would build (PUPPETEER_ARGS is tested against
 * `puppeteer.defaultArgs()`), so the PDFs are byte for byte the same.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** deckhand's own flags, on top of puppeteer's defaults. */
export const CHROMIUM_FLAGS = [
  '--headless=new',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-sync',
  '--disable-gpu',
  '--disable-quic',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--metrics-recording-only',
  '--mute-audio',
  '--font-render-hinting=none',
  '--hide-scrollbars',
];

/**
 * What puppeteer-core 24 passes to a headless Chrome before its user data dir
 * (`puppeteer.defaultArgs({ headless: true })`); some of them change the PDF
 * (`--force-color-profile=srgb`, `--export-tagged-pdf`, `--generate-pdf-document-outline`).
 */
export const PUPPETEER_ARGS = [
  '--allow-pre-commit-input',
  '--disable-background-networking',
  '--disable-background-timer-throttling',
  '--disable-backgrounding-occluded-windows',
  '--disable-breakpad',
  '--disable-client-side-phishing-detection',
  '--disable-component-extensions-with-background-pages',
  '--disable-crash-reporter',
  '--disable-default-apps',
  '--disable-dev-shm-usage',
  '--disable-hang-monitor',
  '--disable-infobars',
  '--disable-ipc-flooding-protection',
  '--disable-popup-blocking',
  '--disable-prompt-on-repost',
  '--disable-renderer-backgrounding',
  '--disable-search-engine-choice-screen',
  '--disable-sync',
  '--enable-automation',
  '--export-tagged-pdf',
  '--force-color-profile=srgb',
  '--generate-pdf-document-outline',
  '--metrics-recording-only',
  '--no-first-run',
  '--password-store=basic',
  '--use-mock-keychain',
  '--disable-features=Translate,AcceptCHFrame,MediaRouter,OptimizationHints,WebUIReloadButton,ProcessPerSiteUpToMainFrameThreshold,IsolateSandboxedIframes',
  '--enable-features=PdfOopif',
];
/** What puppeteer puts after the user data dir for `headless: true` with extensions off. */
const PUPPETEER_HEADLESS_ARGS = ['--headless=new', '--hide-scrollbars', '--mute-audio', '--disable-extensions', 'about:blank'];

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/** The full command line, in puppeteer's order: its defaults, the profile, headless, then ours. */
export function chromiumArgs(profile: string, root = isRoot()): string[] {
  return [...PUPPETEER_ARGS, `--user-data-dir=${profile}`, ...PUPPETEER_HEADLESS_ARGS, ...CHROMIUM_FLAGS, ...(root ? ['--no-sandbox'] : []), '--remote-debugging-port=0'];
}

export interface ChromiumProcess {
  proc: ChildProcess;
  /** Holds the profile and Chromium's scratch files (its TMPDIR); removed when it is killed. */
  dir: string;
  /** The browser's DevTools WebSocket URL once Chromium is up; rejects if it exits or takes longer than the timeout. */
  endpoint: Promise<string>;
}

const ENDPOINT = /^DevTools listening on (ws:\/\/\S+)/m;

/**
 * Spawns Chromium as the leader of its own process group. Nothing here keeps
 * node alive: whoever spawned it must kill it (killChromium), on error too.
 */
export function spawnChromium(executablePath: string, env: NodeJS.ProcessEnv = process.env, timeoutMs = 30_000): ChromiumProcess {
  // One folder per launch holds the profile and Chromium's own scratch files
  // (TMPDIR), so a crashed browser leaves nothing behind once it is removed.
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-chromium-'));
  const profile = join(dir, 'profile');
  const scratch = join(dir, 'tmp');
  mkdirSync(profile);
  mkdirSync(scratch);
  const proc = spawn(executablePath, chromiumArgs(profile), { detached: process.platform !== 'win32', env: { ...env, TMPDIR: scratch }, stdio: ['ignore', 'ignore', 'pipe'] });
  // Until its endpoint is known, the stderr pipe keeps node alive (something is waiting for it);
  // after that only the DevTools connection does, so an unused prestart never holds node up.
  proc.unref();
  const stderr = proc.stderr!;
  const endpoint = new Promise<string>((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => done(new Error(`Chromium printed no DevTools endpoint within ${timeoutMs / 1000} s`)), timeoutMs);
    timer.unref();
    const onData = (chunk: Buffer) => {
      seen = (seen + chunk.toString('utf8')).slice(-8_000);
      const match = ENDPOINT.exec(seen);
      if (match) done(undefined, match[1]);
    };
    const onExit = (code: number | null, signal: string | null) => done(new Error(`Chromium exited (${signal ?? `code ${code}`}) before it was ready${seen.trim() ? `:\n${seen.trim().split('\n').slice(-5).join('\n')}` : ''}`));
    const onError = (error: Error) => done(error);
    function done(error: Error | undefined, url?: string) {
      clearTimeout(timer);
      stderr.off('data', onData);
      proc.off('exit', onExit);
      proc.off('error', onError);
      // Keep draining stderr, or Chromium blocks once the pipe buffer is full.
      stderr.resume();
      (stderr as unknown as { unref?: () => void }).unref?.();
      if (error) reject(error);
      else resolve(url!);
    }
    stderr.on('data', onData);
    proc.once('exit', onExit);
    proc.once('error', onError);
  });
  endpoint.catch(() => undefined);
  return { proc, dir, endpoint };
}

/** Removes a profile folder; Chromium may still be flushing it, so retry briefly and never throw. */
export function removeDir(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
  } catch {
    // Left for the OS temp cleaner; the build result does not depend on it.
  }
}

/**
 * Kills Chromium with all its helper processes: it leads its own process
 * group, so the group id is its pid. The group is killed even when the main
 * process is already gone: its renderers, zygote and GPU helpers outlive it
 * otherwise (two such trees, 22 processes, outlived a build).
 */
export function killGroup(proc: ChildProcess): void {
  if (proc.pid === undefined) return;
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
  }
}

/** Whether any process of the group led by `proc` still runs (zombies waiting to be reaped do not count). */
function groupAlive(proc: ChildProcess): boolean {
  if (proc.pid === undefined) return false;
  try {
    process.kill(-proc.pid, 0);
  } catch {
    return false;
  }
  const entries = procEntries();
  // Without /proc there is no telling: assume it still runs until the deadline.
  if (!entries) return true;
  return entries.some((pid) => {
    try {
      // /proc/<pid>/stat: "pid (comm) state ppid pgrp …"; comm may hold spaces, so split after ")".
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      return Number(fields[2]) === proc.pid && fields[0] !== 'Z';
    } catch {
      return false;
    }
  });
}

/** Kills the group and waits (at most `ms`) until no member is left. */
export async function killGroupAndWait(proc: ChildProcess, ms = 2_000): Promise<void> {
  killGroup(proc);
  const end = Date.now() + ms;
  while (groupAlive(proc) && Date.now() < end) await new Promise((resolve) => setTimeout(resolve, 20));
}

function procEntries(): string[] | undefined {
  try {
    return readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
}

/** Kills every process whose command line mentions `dir` (a browser still starting up; Linux /proc, elsewhere none). */
export function killProcessesUsing(dir: string): void {
  for (const pid of procEntries() ?? []) {
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(dir)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // gone already, or not ours to read
    }
  }
}

/** Synchronous end of one Chromium: its group killed, its folder removed (for exit handlers). */
export function killChromium(chromium: ChromiumProcess): void {
  killGroup(chromium.proc);
  killProcessesUsing(chromium.dir);
  removeDir(chromium.dir);
}
