/**
 * examples/github-actions.yml, checked two ways: against the GitHub Actions
 * workflow schema (@action-validator/core) and for what it must do; then its
 * steps run here: check, two shards, the gather-and-merge script as written,
 * and the release gate, giving one manifest that lists every output once.
 * (Locally only deck-md and deck-html are built, to keep the test quick; CI builds all kinds.)
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { validateWorkflow } from '@action-validator/core';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { approveCourse } from '../../src/pipeline/approve-course.js';
import { inShard } from '../../src/pipeline/build.js';
import { removeAll } from '../support/api.js';
import { CLI, REPO, SAMPLE_ID, runCli, sampleWorkspace } from '../support/fixtures.js';

const text = readFileSync(join(REPO, 'examples', 'github-actions.yml'), 'utf8');
type Step = { name?: string; run?: string; uses?: string; if?: string; with?: Record<string, string | boolean> };
type Job = { if?: string; needs?: string | string[]; strategy?: { matrix: { shard: number[] } }; steps: Step[] };
const workflow = parse(text) as { on: Record<string, unknown>; env: { SHARDS: number }; jobs: Record<string, Job> };
const steps = (job: string) => workflow.jobs[job]?.steps ?? [];
const runs = (job: string) => steps(job).map((s) => s.run ?? '').join('\n');

const made: string[] = [];
afterAll(() => removeAll(made));

describe('the example CI workflow', () => {
  it('passes the GitHub Actions workflow schema (and the validator does catch a broken one)', () => {
    expect(validateWorkflow(text).errors).toEqual([]);
    expect(validateWorkflow(text.replace('runs-on: ubuntu-latest', 'runs-on: 3\n    stepz: 1')).errors.length).toBeGreaterThan(0);
  });

  it('shards by course, keeps the build cache, uploads outputs and reports always, and names artifacts by commit', () => {
    const shards = workflow.jobs.build?.strategy?.matrix.shard ?? [];
    expect(shards).toHaveLength(workflow.env.SHARDS);
    expect(runs('build')).toContain('npx deckhand build --shard ${{ matrix.shard }}/${{ env.SHARDS }} --out output --json > build-report.json');
    const cache = steps('build').find((s) => s.uses?.startsWith('actions/cache@'));
    expect(cache?.with?.path).toBe('output');
    expect(cache?.with?.key).toMatch(/shard\$\{\{ matrix\.shard \}\}.*hashFiles\('package-lock\.json'\).*\$\{\{ github\.sha \}\}$/);
    expect(String(cache?.with?.['restore-keys']).trim()).toBe(String(cache?.with?.key).replace('${{ github.sha }}', ''));
    for (const job of ['check', 'build', 'release']) {
      const uploads = steps(job).filter((s) => s.uses?.startsWith('actions/upload-artifact@'));
      expect(uploads.length, job).toBeGreaterThan(0);
      expect(uploads[0]?.if, job).toBe('always()');
      for (const u of uploads) expect(String(u.with?.name), job).toContain('${{ github.sha }}');
    }
    expect(String(steps('build').find((s) => s.uses?.startsWith('actions/upload-artifact@'))?.with?.path)).toMatch(/output\/[\s\S]*build-report\.json/);
  });

  it('runs the release gate on pull requests and on main, after merging the shard manifests; publishes only on main', () => {
    expect(Object.keys(workflow.on).sort()).toEqual(['pull_request', 'push']);
    const release = workflow.jobs.release;
    expect(release?.needs).toBe('build');
    expect(release?.if).toContain('always()');
    expect(release?.if).not.toContain('refs/heads/main');
    expect(runs('release')).toContain('npx deckhand manifest merge shards/*/output/manifest.json --out output/manifest.json');
    expect(runs('release')).toContain('npx deckhand build --release --out output --json > release-report.json');
    expect(steps('release').find((s) => s.name?.startsWith('Publish'))?.if).toBe("github.ref == 'refs/heads/main' && github.event_name == 'push'");
  });

  it('its steps, run here, give one merged manifest covering every output once, and the gate rebuilds the same bytes', () => {
    const ws = sampleWorkspace();
    made.push(ws.root);
    // A second approved course on the other shard.
    const other = ['second-course', 'knee-basics', 'hip-basics', 'neck-basics'].find((id) => inShard(id, { index: 1, count: 2 }) !== inShard(SAMPLE_ID, { index: 1, count: 2 })) ?? 'second-course';
    const second = sampleWorkspace({ root: ws.root, id: other, edit: (t) => t.replace('code: INV-PM-TRN-0142', 'code: INV-PM-TRN-0999') });
    rmSync(join(second.dir, 'approval.json'));
    // Base editions only: this is about shards and the merged manifest (editions: tests/pipeline/editions.test.ts).
    for (const dir of [ws.dir, second.dir]) rmSync(join(dir, 'editions'), { recursive: true, force: true });
    expect(approveCourse(second.dir, { reviewer: 'INVAMED Medical Affairs', role: 'Medical Affairs', date: '2026-11-19' }, { cwd: ws.root })).toMatchObject({ ok: true });
    const only = ['--only', 'deck-md,deck-html'];
    const cli = (args: string[]) => runCli(args, { cwd: ws.root });

    expect(cli(['check']).status).toBe(0);
    const shardOutputs = [1, 2].map((i) => {
      const r = cli(['build', '--shard', `${i}/2`, '--out', `shards/decks-sha-shard-${i}/output`, ...only, '--json']);
      expect(r.status, r.stderr).toBe(0);
      return (JSON.parse(r.stdout) as { outputs: { course: string }[] }).outputs.map((o) => o.course);
    });
    expect(shardOutputs.map((courses) => [...new Set(courses)])).toEqual([expect.any(Array), expect.any(Array)]);
    expect(new Set(shardOutputs.flat()).size).toBe(2);
    expect(shardOutputs.every((courses) => new Set(courses).size === 1)).toBe(true);

    const gather = steps('release').find((s) => s.name?.startsWith('Gather'))?.run ?? '';
    execFileSync('bash', ['-euo', 'pipefail', '-c', gather.replaceAll('npx deckhand', `node ${CLI}`)], { cwd: ws.root, encoding: 'utf8' });
    const manifest = JSON.parse(readFileSync(join(ws.root, 'output', 'manifest.json'), 'utf8')) as { outputs: { path: string; course: string }[] };
    const paths = manifest.outputs.map((o) => o.path);
    expect(paths).toEqual([...new Set(paths)]);
    expect(paths.sort()).toEqual([`${other}/${other}.deck.html`, `${other}/${other}.deck.md`, `${SAMPLE_ID}/${SAMPLE_ID}.deck.html`, `${SAMPLE_ID}/${SAMPLE_ID}.deck.md`].sort());

    const gate = cli(['build', '--release', '--out', 'output', ...only, '--json']);
    expect(gate.status, gate.stderr).toBe(0);
    // A release never trusts the cache (issue 18): it rebuilds every output, and the shards' bytes come out again.
    const report = JSON.parse(gate.stdout) as { outputs: { path: string; rebuilt: boolean; sha256: string; reasons?: string[] }[] };
    expect(report.outputs).toHaveLength(4);
    for (const o of report.outputs) expect(o.reasons ?? []).toContain('--release rebuilds: a release never trusts the cache');
    const sharded = new Map((manifest.outputs as unknown as { path: string; sha256: string }[]).map((o) => [o.path, o.sha256]));
    for (const o of report.outputs) expect(o.sha256, o.path).toBe(sharded.get(o.path.replace(/^output\//, '')));
    const after = JSON.parse(readFileSync(join(ws.root, 'output', 'manifest.json'), 'utf8')) as { outputs: unknown[] };
    expect(after.outputs).toHaveLength(4);
  });
});
