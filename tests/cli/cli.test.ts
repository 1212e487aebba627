/** The CLI contract other tools rely on: commands, exit codes, JSON on stdout, messages on stderr. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, SAMPLE_DIR, runCli, runJson, sampleWorkspace, tempDir } from '../support/fixtures.js';

const version = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;

describe('deckhand CLI', () => {
  it('--version and --help exit 0', () => {
    expect(runCli(['--version'])).toMatchObject({ status: 0, stdout: `${version}\n` });
    const help = runCli(['--help']);
    expect(help.status).toBe(0);
    for (const command of ['check', 'build', 'approve', 'verify']) expect(help.stdout).toContain(command);
    expect(runCli(['build', '--help']).stdout).toContain('--shard <i/n>');
  });

  it('check on the sample exits 0, and with no folder it checks every course under decks/', () => {
    expect(runCli(['check', SAMPLE_DIR]).status).toBe(0);
    // In a workspace of its own, so courses a user adds to decks/ cannot fail this test.
    const ws = sampleWorkspace();
    sampleWorkspace({ id: 'second-course', root: ws.root });
    const all = runJson<{ ok: boolean; courses: { course: string; edition: string; approved: boolean }[]; errors: unknown[] }>(['check'], { cwd: ws.root });
    expect(all.status).toBe(0);
    expect(all.json).toMatchObject({ ok: true, errors: [] });
    // Every edition is checked; the renamed copy's content (its id) changed, so base and editions are stale.
    expect(all.json.courses.map((c) => [c.course, c.edition, c.approved])).toEqual([
      ['interventional-pain-management', 'base', true],
      ['interventional-pain-management', 'de-de', true],
      ['interventional-pain-management', 'tr-tr', true],
      ['second-course', 'base', false],
      ['second-course', 'de-de', false],
      ['second-course', 'tr-tr', false],
    ]);
    expect(all.stderr).toContain('not approved: content changed since approval on 2026-11-16');
  });

  it('--json prints exactly one JSON object on stdout; progress goes to stderr', () => {
    const result = runCli(['build', SAMPLE_DIR, '--out', tempDir(), '--only', 'deck-md', '--json']);
    expect(result.status).toBe(0);
    expect(result.stdout.trim().split('\n')).toHaveLength(1);
    const json = JSON.parse(result.stdout) as { ok: boolean; outputs: { course: string; kind: string; path: string; sha256: string; bytes: number }[]; errors: unknown[] };
    expect(json.ok).toBe(true);
    expect(json.outputs[0]).toMatchObject({ course: 'interventional-pain-management', kind: 'deck-md', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(result.stderr).toContain('built');
  });

  it('usage errors exit 2', () => {
    for (const args of [['frobnicate'], ['build', '--colour'], ['build', '--only', 'slides'], ['build', '--shard', '3/2'], ['build', '-j', '0'], ['build', '--bleed', '3cm'], ['check', 'no/such/folder']]) {
      const result = runCli(args);
      expect(result.status, args.join(' ')).toBe(2);
      expect(result.stderr.length).toBeGreaterThan(0);
    }
  });

  it('a missing browser is an environment error (exit 3) that says how to get one', () => {
    const result = runCli(['build', SAMPLE_DIR, '--out', tempDir(), '--only', 'deck-pdf', '--force'], { env: { CHROME_PATH: '/nonexistent/chrome' } });
    expect(result.status).toBe(3);
    expect(result.stderr).toContain('CHROME_PATH is set to "/nonexistent/chrome"');
    expect(result.stderr).toContain('apt-get install chromium');
  });

  it('starts Chromium before the build code loads when something will print, and not for a no-op rebuild', () => {
    const out = tempDir();
    const args = ['build', SAMPLE_DIR, '--out', out, '--only', 'deck-md,handout-pdf', '--edition', 'base', '--json'];
    const cold = runCli(args, { env: { DECKHAND_TRACE: '1' } });
    expect(cold.status, cold.stderr).toBe(0);
    const order = (stderr: string) => [...stderr.matchAll(/ms {2}(chromium prestarted|build started|chromium connected)/g)].map((m) => m[1]);
    expect(order(cold.stderr)).toEqual(['chromium prestarted', 'build started', 'chromium connected']);
    expect((JSON.parse(cold.stdout) as { browserLaunches: number }).browserLaunches).toBe(1);
    const noop = runCli(args, { env: { DECKHAND_TRACE: '1' } });
    expect(noop.status, noop.stderr).toBe(0);
    expect(order(noop.stderr)).toEqual(['build started']);
    const json = JSON.parse(noop.stdout) as { browserLaunches: number; outputs: { rebuilt: boolean }[] };
    expect(json.browserLaunches).toBe(0);
    expect(json.outputs.every((o) => !o.rebuilt)).toBe(true);
  });

  it('deck Markdown and HTML need no browser', () => {
    const result = runCli(['build', SAMPLE_DIR, '--out', tempDir(), '--only', 'deck-md,deck-html'], { env: { CHROME_PATH: '/nonexistent/chrome' } });
    expect(result.status, result.stderr).toBe(0);
  });

  it('prints no colour codes when stderr is not a terminal', () => {
    const result = runCli(['check', join(REPO, 'tests/bad-input/cases/11-null-value')], { env: { NO_COLOR: undefined } });
    expect(result.status).toBe(1);
    expect(result.stderr).not.toMatch(/\u001b\[/);
  });
});
