/**
 * Faults in Chromium are the machine's, and a build must survive or end
 * cleanly: every browser a session ever launched is killed at close (no
 * process, no profile folder left), a lost browser fails the work in moments,
 * and a browser whose zygote died (it stays "connected" but makes no pages) is
 * found within seconds and replaced; when that fails the CLI exits 3, never 1.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser-session.js';
import { BUILTIN_TEMPLATES } from '../../src/render/template-set.js';
import { sampleWorkspace, tempDir } from '../support/fixtures.js';
import { chromiumProcesses, mainBrowser, profileDirs, sleep, waitFor } from '../support/processes.js';
import { startCli } from '../support/spawn-cli.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const SLOW_PAGE = `<!DOCTYPE html><html><body>${'<p>Lorem ipsum dolor sit amet.</p>'.repeat(20_000)}</body></html>`;

describe('a browser that goes away mid-print ("Target closed")', () => {
  it('fails the print in seconds, and close() leaves no Chromium process or profile behind', { timeout: 60_000 }, async () => {
    const tmp = tempDir('dh-tc-');
    made.push(tmp);
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const session = new BrowserSession({ concurrency: 2, policy: { allowedRoots: [BUILTIN_TEMPLATES], onBlocked: () => undefined } });
    try {
      await session.withPage(async (page) => page.setContent('<p>warm</p>'));
      const victim = mainBrowser(tmp);
      expect(victim, 'Chromium runs').toBeDefined();
      const started = Date.now();
      const printing = session.withPage(async (page) => {
        await page.setContent(SLOW_PAGE);
        return page.pdf({ timeout: 60_000 });
      });
      await sleep(200);
      // The connection drops while Chromium lives on (as when a huge message broke the pipe).
      await session.withPage(async (page) => page.browser().disconnect()).catch(() => undefined);
      await expect(printing).rejects.toThrow(/Target closed|disconnected|closed|crashed/i);
      expect(Date.now() - started, 'ms until the print failed').toBeLessThan(10_000);
      // The session relaunches for the next page.
      await session.withPage(async (page) => page.setContent('<p>again</p>'));
      expect(session.launches).toBe(2);
    } finally {
      await session.close();
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(chromiumProcesses(tmp)).toEqual([]);
    expect(profileDirs(tmp)).toEqual([]);
  });
});

describe('killing Chromium\'s zygote during a build', () => {
  const root = tempDir('deckhand-zygote-');
  made.push(root);
  // Four single-edition courses: the faults are the browser's, not the edition matrix's.
  for (const id of ['course-a', 'course-b', 'course-c', 'course-d']) sampleWorkspace({ id, root, editions: false });

  it.each([1, 2, 3, 4, 5])('run %i: the build ends (rebuilt or exit 3) within 30 s of the kill, never with exit 1', { timeout: 120_000 }, async (n) => {
    const tmp = tempDir('dh-zy-');
    made.push(tmp);
    mkdirSync(tmp, { recursive: true });
    const run = startCli(['build', '--out', `out-${n}`, '--only', 'deck-pdf,handout-pdf', '--force', '--json'], { cwd: root, env: { TMPDIR: tmp } });
    const zygote = await waitFor(() => chromiumProcesses(tmp).find((p) => p.args.includes('--type=zygote')), 30_000);
    expect(zygote, 'a zygote started').toBeDefined();
    await sleep(100 * n); // a different moment in each run
    try {
      process.kill(zygote?.pid ?? 0, 'SIGKILL');
    } catch {
      // it may already have finished
    }
    const killed = Date.now();
    const result = await run.done;
    const seconds = (Date.now() - killed) / 1000;
    expect(seconds, result.stderr).toBeLessThan(30);
    expect([0, 3], `exit ${result.status}\n${result.stderr}`).toContain(result.status);
    if (result.status === 0) expect((JSON.parse(result.stdout) as { outputs: unknown[] }).outputs).toHaveLength(8);
    await sleep(300);
    expect(chromiumProcesses(tmp)).toEqual([]);
    expect(profileDirs(tmp)).toEqual([]);
  });
});
