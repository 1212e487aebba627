/**
 * CI-grade builds: identical bytes for identical input (across output folders,
 * and whether a course is built alone or among ten), no-op rebuilds without a
 * browser, and rebuilding only what an edit touched.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TargetRegistry } from '../../src/targets/registry.js';
import { buildArgs, sharedBrowser } from '../support/api.js';
import { SAMPLE_DIR, sampleWorkspace, tempDir } from '../support/fixtures.js';

interface Report {
  ok: boolean;
  browserLaunches: number;
  outputs: { course: string; kind: string; path: string; sha256: string; rebuilt: boolean; reasons: string[] }[];
}

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
/** course/file → sha256 of every output under `out`. */
const hashes = (out: string, course?: string) =>
  Object.fromEntries(
    readdirSync(out, { withFileTypes: true })
      .filter((d) => d.isDirectory() && (!course || d.name === course))
      .flatMap((d) => readdirSync(join(out, d.name)).filter((f) => !f.startsWith('.')).map((f) => [`${d.name}/${f}`, sha(join(out, d.name, f))])),
  );

/** What a build makes by default. */
const KINDS = new TargetRegistry().defaultKinds;
const COURSES = Array.from({ length: 10 }, (_, i) => `course-${String(i + 1).padStart(2, '0')}`);
let root: string;
let cold: Report & { ms: number; browserUsed: boolean };
const outAll = tempDir('deckhand-ten-');

const browser = sharedBrowser();
const runJson = (args: string[], options: { cwd?: string } = {}) => buildArgs(args, options, browser);

async function timedBuild(args: string[], cwd: string) {
  const started = performance.now();
  const result = await runJson(['build', ...args], { cwd });
  expect(result.status, result.stderr).toBe(0);
  return { ...result.json, browserUsed: result.browserUsed, ms: performance.now() - started, stderr: result.stderr };
}

beforeAll(async () => {
  root = tempDir('deckhand-ws-');
  // Ten single-edition courses: these tests are about bytes and rebuilds, not the edition matrix.
  for (const id of COURSES) sampleWorkspace({ id, root, editions: false });
  cold = await timedBuild(['--out', outAll], root);
}, 240_000);

describe('reproducible output', () => {
  it('two builds into different folders with the same SOURCE_DATE_EPOCH give identical bytes', async () => {
    const a = tempDir();
    const b = tempDir();
    expect((await runJson(['build', SAMPLE_DIR, '--out', a, '--edition', 'base'])).status).toBe(0);
    expect((await runJson(['build', SAMPLE_DIR, '--out', b, '-j', '1', '--edition', 'base'])).status).toBe(0);
    const first = hashes(a);
    expect(Object.keys(first)).toHaveLength(KINDS.length);
    expect(hashes(b)).toEqual(first);
    expect(sha(join(a, 'manifest.json'))).toBe(sha(join(b, 'manifest.json')));
  });

  it('a course built alone gives the same bytes as built among ten', async () => {
    expect(cold.outputs).toHaveLength(10 * KINDS.length);
    const alone = tempDir();
    expect((await runJson(['build', 'decks/course-07', '--out', alone], { cwd: root })).status).toBe(0);
    expect(hashes(alone)).toEqual(hashes(outAll, 'course-07'));
  });
});

describe('incremental builds', () => {
  it('a no-op rebuild launches no browser, rebuilds nothing and takes a fraction of the cold build', async () => {
    const noop = await timedBuild(['--out', outAll], root);
    expect(noop.browserUsed).toBe(false);
    expect(noop.outputs.filter((o) => o.rebuilt)).toEqual([]);
    expect(noop.outputs).toHaveLength(10 * KINDS.length);
    // Wall time is measured by `npm run bench`; here only a loose sanity bound.
    expect(noop.ms).toBeLessThan(cold.ms * 0.5);
  });

  it('editing one course out of ten rebuilds only that course\'s targets, and says why', async () => {
    const file = join(root, 'decks', 'course-04', 'course.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('No. It is generally seen', 'No. It is usually seen'));
    const after = await timedBuild(['--out', outAll], root);
    const rebuilt = after.outputs.filter((o) => o.rebuilt);
    expect(rebuilt.map((o) => `${o.course}/${o.kind}`)).toEqual(KINDS.map((k) => `course-04/${k}`));
    for (const o of rebuilt) expect(o.reasons).toContain('content changed');
    expect(after.stderr).toMatch(/built .*course-04\.deck\.pdf  \(content changed/);
  });

  it('a template change rebuilds the targets that use it, with "template changed"', async () => {
    const ws = sampleWorkspace();
    const out = tempDir();
    expect((await runJson(['build', ws.dir, '--out', out, '--only', 'deck-md,deck-html'], { cwd: ws.root })).status).toBe(0);
    // A course-level template override of one deck partial.
    writeFileSync(ws.file, `${readFileSync(ws.file, 'utf8')}presentation:\n  templates: templates\n`);
    const partials = join(ws.dir, 'templates', 'partials', 'deck');
    mkdirSync(partials, { recursive: true });
    copyFileSync(join(SAMPLE_DIR, '..', '..', 'templates', 'partials', 'deck', 'faq.hbs'), join(partials, 'faq.hbs'));
    writeFileSync(join(partials, 'faq.hbs'), `${readFileSync(join(partials, 'faq.hbs'), 'utf8')}\nCustom FAQ footer\n`);
    const again = await runJson(['build', ws.dir, '--out', out, '--only', 'deck-md,deck-html'], { cwd: ws.root });
    expect(again.status, again.stderr).toBe(0);
    expect(again.json.outputs.every((o) => o.rebuilt && o.reasons.includes('template changed'))).toBe(true);
    expect(readFileSync(join(out, 'interventional-pain-management', 'interventional-pain-management.deck.md'), 'utf8')).toContain('Custom FAQ footer');
  });

  it('--force rebuilds everything', async () => {
    const forced = await runJson(['build', 'decks/course-01', '--out', outAll, '--force', '--only', 'deck-md'], { cwd: root });
    expect(forced.json.outputs.map((o) => [o.rebuilt, o.reasons])).toEqual([[true, ['--force']]]);
  });
});

describe('sharding', () => {
  it('--shard i/n splits the courses into disjoint, complete, stable parts; a course\'s outputs stay together', async () => {
    const parts: string[][] = [];
    for (const i of [1, 2, 3]) parts.push((await runJson(['build', '--out', tempDir(), '--only', 'deck-md,deck-html', '--shard', `${i}/3`], { cwd: root })).json.outputs.map((o) => `${o.course}/${o.kind}`));
    const all = parts.flat().sort();
    expect(all).toHaveLength(20);
    expect(new Set(all).size).toBe(20);
    for (const part of parts) expect(part.length).toBeGreaterThan(0);
    const shardOf = new Map<string, number>();
    parts.forEach((part, i) =>
      part.forEach((o) => {
        const course = o.split('/')[0] ?? '';
        expect(shardOf.get(course) ?? i, o).toBe(i);
        shardOf.set(course, i);
      }),
    );
    const again = (await runJson(['build', '--out', tempDir(), '--only', 'deck-md,deck-html', '--shard', '2/3'], { cwd: root })).json.outputs.map((o) => `${o.course}/${o.kind}`);
    expect(again).toEqual(parts[1]);
  });
});
