/**
 * Builds into one --out at the same time must not lose each other's manifest
 * entries: 8 writers, each merging its own outputs 12 times, all at once; the
 * manifest must list every output on disk (without the lock, entries went missing).
 */
import { spawn } from 'node:child_process';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../support/fixtures.js';

const out = tempDir('deckhand-manifest-race-');
afterAll(() => rmSync(out, { recursive: true, force: true }));

const run = (args: string[]) =>
  new Promise<number | null>((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'manifest-writer.fixture.ts'), ...args], { cwd: REPO, stdio: 'inherit' });
    child.on('close', resolve);
  });

describe('manifest written by concurrent builds', () => {
  it('lists all 8 × 12 outputs and leaves no lock behind', { timeout: 120_000 }, async () => {
    const start = String(Date.now() + 4_000);
    const codes = await Promise.all(Array.from({ length: 8 }, (_, i) => run([out, `course-${i + 1}`, '12', start])));
    expect(codes).toEqual(Array(8).fill(0));
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string }[] };
    const onDisk = readdirSync(out, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .flatMap((e) => readdirSync(join(out, e.name)).map((f) => `${e.name}/${f}`))
      .sort();
    expect(onDisk).toHaveLength(96);
    expect(manifest.outputs.map((o) => o.path).sort()).toEqual(onDisk);
    expect(readdirSync(out).filter((n) => n.endsWith('.lock'))).toEqual([]);
  });
});
