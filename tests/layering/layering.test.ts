/**
 * The layering rule (.dependency-cruiser.cjs) holds for src/, and fails when a
 * module imports upwards or a folder has no layer: checked on a copy of src/
 * with one offending file added.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../support/fixtures.js';

const DEPCRUISE = join(REPO, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');
const cruise = (cwd: string) => spawnSync(process.execPath, [DEPCRUISE, 'src', '--config', '.dependency-cruiser.cjs', '--output-type', 'err'], { cwd, encoding: 'utf8' });

const temps: string[] = [];
function copyWith(file: string, text: string): string {
  const root = tempDir('deckhand-layering-');
  temps.push(root);
  for (const entry of ['src', 'tsconfig.json', '.dependency-cruiser.cjs']) cpSync(join(REPO, entry), join(root, entry), { recursive: true });
  symlinkSync(join(REPO, 'node_modules'), join(root, 'node_modules'), 'dir');
  writeFileSync(join(root, file), text);
  return root;
}
afterAll(() => temps.forEach((t) => rmSync(t, { recursive: true, force: true })));

describe('layering', () => {
  // `npm test` runs the same rule over src/ itself (package.json "test"); here it must fail.
  it('fails on an upward import, a cycle between folders and a folder without a layer', () => {
    const root = copyWith('src/content/upward.ts', "export { main } from '../cli/main.js';\n");
    writeFileSync(join(root, 'src', 'review', 'uses-pipeline.ts'), "export { build } from '../pipeline/build.js';\n");
    mkdirSync(join(root, 'src', 'misc'));
    writeFileSync(join(root, 'src', 'misc', 'helper.ts'), "export { ENGLISH } from '../compile/interface-text.js';\n");
    const result = cruise(root);
    const out = result.stdout + result.stderr;
    expect(result.status).not.toBe(0);
    expect(out).toMatch(/layer-content[\s\S]*src\/content\/upward\.ts/);
    expect(out).toMatch(/layer-review[\s\S]*src\/review\/uses-pipeline\.ts/);
    expect(out).toMatch(/every-folder-has-a-layer[\s\S]*src\/misc\/helper\.ts/);
  });

  it('passes for an unchanged copy', () => {
    const root = copyWith('src/content/harmless.ts', "export { BASE_EDITION } from './edition.js';\n");
    expect(cruise(root).status).toBe(0);
  });
});
