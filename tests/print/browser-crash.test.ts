/**
 * If Chromium dies mid-build, the documents in flight are retried once on a
 * relaunched browser; nothing is left behind either way: no Chromium process,
 * no temporary profile folder.
 */
import { describe, expect, it } from 'vitest';
import { sampleWorkspace, tempDir } from '../support/fixtures.js';
import { chromiumProcesses, mainBrowser, profileDirs, sleep, waitFor } from '../support/processes.js';
import { startCli } from '../support/spawn-cli.js';

describe('Chromium dying during a build', () => {
  it('retries once on a fresh browser and leaves no process or profile behind', async () => {
    const root = tempDir('deckhand-crash-');
    // Single-edition courses: the fault is the browser's, not the edition matrix's.
    for (const id of ['course-a', 'course-b', 'course-c']) sampleWorkspace({ id, root, editions: false });
    const tmp = tempDir('deckhand-crash-tmp-');
    const run = startCli(['build', '--out', 'out', '--only', 'deck-pdf,handout-pdf', '--json'], { cwd: root, env: { TMPDIR: tmp } });

    const victim = await waitFor(() => mainBrowser(tmp), 30_000);
    expect(victim, 'Chromium never started').toBeDefined();
    await sleep(300); // let printing begin
    process.kill(victim?.pid ?? 0, 'SIGKILL');

    const result = await run.done;
    expect(result.stdout, `status ${result.status} signal ${result.signal}\n${result.stderr}`).not.toBe('');
    const report = JSON.parse(result.stdout) as { ok: boolean; outputs: { kind: string }[]; errors: { message: string }[] };
    if (result.status === 0) {
      expect(report.ok).toBe(true);
      expect(report.outputs).toHaveLength(6);
      expect(result.stderr).toMatch(/retrying once|built/);
    } else {
      // A browser that keeps failing is the machine's fault (exit 3), never the content's (exit 1).
      expect(result.status, `${result.stderr}\n${result.stdout}`).toBe(3);
      expect(report.errors.length).toBeGreaterThan(0);
    }
    await sleep(500);
    expect(chromiumProcesses(tmp)).toEqual([]);
    expect(profileDirs(tmp)).toEqual([]);
  });
});
