/** Finding (and killing) the Chromium processes a build started, by their temp profile folder. */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';

export interface Proc {
  pid: number;
  args: string;
}

/** Chromium processes whose command line mentions `marker` (e.g. the build's TMPDIR). */
export function chromiumProcesses(marker: string): Proc[] {
  return execFileSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => /^\s*(\d+)\s+(.*)$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ pid: Number(m[1]), args: m[2] ?? '' }))
    .filter((p) => p.args.includes(marker) && /chrom/i.test(p.args) && !p.args.startsWith('ps '));
}

/** The browser's main process (the one without --type=). */
export const mainBrowser = (marker: string) => chromiumProcesses(marker).find((p) => !p.args.includes('--type='));

export const profileDirs = (tmp: string) => (existsSync(tmp) ? readdirSync(tmp).filter((n) => n.startsWith('deckhand-chromium-')) : []);

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function waitFor<T>(probe: () => T | undefined, timeoutMs: number, everyMs = 25): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const value = probe();
    if (value !== undefined) return value;
    await sleep(everyMs);
  }
  return undefined;
}
