/**
 * Bad input or a bad moment loses nothing: one broken course does not stop the
 * others and keeps its last good outputs; an interrupted build leaves no
 * partial file and no Chromium; an unwritable output folder is an environment
 * error (exit 3); two builds into one folder both finish with valid files.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLE_DIR, runCli, runJson, sampleWorkspace, tempDir } from '../support/fixtures.js';
import { chromiumProcesses, mainBrowser, profileDirs, sleep, waitFor } from '../support/processes.js';
import { startCli } from '../support/spawn-cli.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
// A build interrupted before it made its output folder has left no file in it.
const filesUnder = (dir: string): string[] =>
  !existsSync(dir) ? [] : readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)]));

describe('nothing lost', () => {
  it('a failing course does not stop the others, exits 1 and keeps its previous outputs untouched', () => {
    const root = tempDir();
    // Single-edition courses: this is about one course failing among others, not the edition matrix.
    for (const id of ['alpha', 'bravo', 'charlie']) sampleWorkspace({ id, root, editions: false });
    const out = join(root, 'out');
    expect(runCli(['build', '--out', out, '--only', 'deck-md,deck-html,handout-pdf'], { cwd: root }).status).toBe(0);
    const before = Object.fromEntries(readdirSync(join(out, 'bravo')).map((f) => [f, sha(join(out, 'bravo', f))]));

    const file = join(root, 'decks', 'bravo', 'course.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^title: .*$/m, 'title: [unclosed'));
    for (const id of ['alpha', 'charlie']) {
      const f = join(root, 'decks', id, 'course.yaml');
      writeFileSync(f, readFileSync(f, 'utf8').replace('No. It is generally seen', 'No. It is usually seen'));
    }
    const result = runJson<{ ok: boolean; outputs: { course: string; rebuilt: boolean }[]; errors: { file: string; line: number; path: string }[] }>(
      ['build', '--out', out, '--only', 'deck-md,deck-html,handout-pdf'],
      { cwd: root },
    );
    expect(result.status).toBe(1);
    expect(result.json.errors[0]).toMatchObject({ file: 'decks/bravo/course.yaml', path: 'title' });
    expect(result.json.outputs.filter((o) => o.rebuilt).map((o) => o.course)).toEqual(['alpha', 'alpha', 'alpha', 'charlie', 'charlie', 'charlie']);
    expect(Object.fromEntries(readdirSync(join(out, 'bravo')).map((f) => [f, sha(join(out, 'bravo', f))]))).toEqual(before);
  });

  // SIGTERM arrives while Chromium is still starting up; SIGINT while documents print.
  for (const [signal, delay] of [
    ['SIGINT', 400],
    ['SIGTERM', 0],
  ] as const) {
    it(`${signal} during a build leaves no partial file and no Chromium`, async () => {
      const root = tempDir();
      for (const id of ['one', 'two', 'three']) sampleWorkspace({ id, root });
      const tmp = tempDir('deckhand-signal-tmp-');
      const run = startCli(['build', '--out', 'out', '--only', 'deck-pdf,handout-pdf'], { cwd: root, env: { TMPDIR: tmp } });
      expect(await waitFor(() => mainBrowser(tmp), 30_000)).toBeDefined();
      await sleep(delay);
      run.kill(signal);
      const result = await run.done;
      expect(result.status).toBe(signal === 'SIGINT' ? 130 : 143);
      expect(result.stderr).toContain(`interrupted by ${signal}`);
      await sleep(500);
      expect(chromiumProcesses(tmp)).toEqual([]);
      expect(profileDirs(tmp)).toEqual([]);
      const leftovers = filesUnder(join(root, 'out')).filter((f) => f.endsWith('.tmp'));
      expect(leftovers).toEqual([]);
      // every PDF that exists is complete
      for (const pdf of filesUnder(join(root, 'out')).filter((f) => f.endsWith('.pdf'))) {
        expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
      }
    });
  }

  it('an output folder that cannot be written is an environment error (exit 3) with a clear message', () => {
    const blocker = join(tempDir(), 'not-a-folder');
    writeFileSync(blocker, 'a file where the output folder should be');
    const result = runCli(['build', SAMPLE_DIR, '--out', blocker, '--only', 'deck-md']);
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('cannot write to the output folder');
    expect(result.stderr).toContain('--out');
    const proc = runCli(['build', SAMPLE_DIR, '--out', '/proc/deckhand-out', '--only', 'deck-md']);
    expect(proc.status).toBe(3);
  });

  it('two builds into the same output folder at once both finish with valid files', async () => {
    const out = tempDir();
    const runs = [0, 1].map(() => startCli(['build', SAMPLE_DIR, '--out', out, '--force', '--only', 'deck-html,handout-pdf'], { cwd: process.cwd() }));
    const results = await Promise.all(runs.map((r) => r.done));
    for (const r of results) expect(r.status, r.stderr).toBe(0);
    const files = filesUnder(out);
    expect(files.filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const pdf = files.find((f) => f.endsWith('.handout.pdf')) ?? '';
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    expect(readFileSync(files.find((f) => f.endsWith('.deck.html')) ?? '', 'utf8')).toMatch(/<\/html>\s*$/);
    JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
  });
});
