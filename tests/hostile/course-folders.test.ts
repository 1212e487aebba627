/**
 * Which course folders a run takes: two folders with one id are refused (they
 * would write into the same output folder and manifest entries); a linked course
 * folder in decks/ is built when the link stays inside the project, and named in
 * a warning when it leads out.
 */
import { existsSync, mkdirSync, renameSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, runJson, sampleWorkspace, tempDir } from '../support/fixtures.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

describe('duplicate course ids', () => {
  const root = tempDir('deckhand-dup-');
  made.push(root);
  sampleWorkspace({ id: 'dup', root: join(root, 'a') });
  sampleWorkspace({ id: 'dup', root: join(root, 'b') });
  sampleWorkspace({ id: 'other', root, editions: false });

  it('build refuses both, builds the rest, and writes nothing for the id', () => {
    const result = runJson<{ ok: boolean; outputs: { course: string }[]; errors: { file: string; path: string; message: string }[] }>(
      ['build', 'a/decks/dup', 'b/decks/dup', 'decks/other', '--out', 'out', '--only', 'deck-md'],
      { cwd: root },
    );
    expect(result.status, result.stderr).toBe(1);
    expect(result.json.errors.map((e) => [e.file, e.path])).toEqual([
      ['a/decks/dup/course.yaml', 'id'],
      ['b/decks/dup/course.yaml', 'id'],
    ]);
    expect(result.json.errors[0]?.message).toMatch(/course id "dup" is also the id of b\/decks\/dup\/course\.yaml/);
    expect(result.json.outputs.map((o) => o.course)).toEqual(['other']);
    expect(existsSync(join(root, 'out', 'dup'))).toBe(false);
  });

  it('check refuses them too', () => {
    const result = runCli(['check', 'a/decks/dup', 'b/decks/dup'], { cwd: root });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/a\/decks\/dup\/course\.yaml:\d+:\d+ +id +course id "dup" is also the id of b\/decks\/dup/);
  });

  it('the same folder named twice is one course, not a duplicate', () => {
    const result = runCli(['check', 'decks/other', './decks/other'], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/1 course\(s\) valid/);
  });
});

describe('linked course folders in decks/', () => {
  it('follows a link that stays inside the project', () => {
    const { root } = sampleWorkspace({ id: 'linked', editions: false });
    made.push(root);
    mkdirSync(join(root, 'elsewhere'));
    renameSync(join(root, 'decks', 'linked'), join(root, 'elsewhere', 'linked'));
    symlinkSync(join(root, 'elsewhere', 'linked'), join(root, 'decks', 'linked'), 'dir');
    const result = runCli(['check'], { cwd: root });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/ok +decks\/linked\/course\.yaml/);
    expect(result.stderr).toMatch(/1 course\(s\) valid/);
  });

  it('warns about a link that leads out of the project', () => {
    const { root } = sampleWorkspace({ id: 'outside' });
    const project = tempDir('deckhand-project-');
    made.push(root, project);
    mkdirSync(join(project, 'decks'));
    symlinkSync(join(root, 'decks', 'outside'), join(project, 'decks', 'outside'), 'dir');
    const result = runCli(['check'], { cwd: project });
    expect(result.stderr).toMatch(/decks\/outside is a link to .*outside the project; it is not built/);
  });
});
