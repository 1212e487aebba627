/** A course with its own templates folder and theme: used by the build, covered by the approval. */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepareCourse } from '../../src/pipeline/prepare-course.js';
import { REPO, runCli, runJson, sampleWorkspace, tempDir } from '../support/fixtures.js';

function brandedCourse() {
  const ws = sampleWorkspace({ edit: (y) => `${y}presentation:\n  templates: templates\n  theme: my-brand\n` });
  const themes = join(ws.dir, 'templates', 'themes');
  mkdirSync(themes, { recursive: true });
  const css = readFileSync(join(REPO, 'templates/themes/clinical.css'), 'utf8').replace('@theme clinical', '@theme my-brand').replaceAll('#0b5563', '#7a1f5c');
  writeFileSync(join(themes, 'my-brand.css'), css);
  return ws;
}

describe('course templates', () => {
  it('a hyphenated theme of the course is the one Marp applies', () => {
    const ws = brandedCourse();
    const out = tempDir();
    const result = runCli(['build', ws.dir, '--out', out, '--only', 'deck-md,deck-html'], { cwd: ws.root });
    expect(result.status, result.stderr).toBe(0);
    const id = 'interventional-pain-management';
    expect(readFileSync(join(out, id, `${id}.deck.md`), 'utf8')).toContain('theme: "my-brand"');
    expect(readFileSync(join(out, id, `${id}.deck.html`), 'utf8')).toContain('#7a1f5c');
  });

  it('a theme without its @theme name is refused by check, not silently replaced', () => {
    const ws = brandedCourse();
    const file = join(ws.dir, 'templates', 'themes', 'my-brand.css');
    writeFileSync(file, readFileSync(file, 'utf8').replace('@theme my-brand', 'brand theme'));
    const result = runJson<{ errors: { path: string; message: string }[] }>(['check', ws.dir], { cwd: ws.root });
    expect(result.status).toBe(1);
    expect(result.json.errors[0]).toMatchObject({ path: 'presentation.theme', message: expect.stringContaining('/* @theme my-brand */') });
  });

  it('editing a course template after approval makes the course a draft', () => {
    const ws = brandedCourse();
    const approve = runCli(['approve', ws.dir, '--reviewer', 'INVAMED Medical Affairs', '--role', 'Medical Affairs', '--date', '2026-11-19', '--same-version', 'test copy with its own templates'], { cwd: ws.root });
    expect(approve.status, approve.stderr).toBe(0);
    const today = '2026-11-20';
    const before = prepareCourse(ws.dir, { today, cwd: ws.root });
    expect(before.ok && before.course.state.approved).toBe(true);
    const partials = join(ws.dir, 'templates', 'partials', 'deck');
    mkdirSync(partials, { recursive: true });
    copyFileSync(join(REPO, 'templates/partials/deck/faq.hbs'), join(partials, 'faq.hbs'));
    writeFileSync(join(partials, 'faq.hbs'), readFileSync(join(partials, 'faq.hbs'), 'utf8').replace('{{answer}}', 'Yes, always. {{answer}}'));
    const after = prepareCourse(ws.dir, { today, cwd: ws.root });
    expect(after.ok && after.course.state.approved).toBe(false);
    expect(after.ok && after.course.state.reasons.join(' ')).toContain('asset templates/partials/deck/faq.hbs');
    const release = runCli(['build', ws.dir, '--out', tempDir(), '--release', '--only', 'deck-md'], { cwd: ws.root });
    expect(release.status).toBe(1);
  });

  it('a partial build keeps the manifest entries of the other outputs', () => {
    const root = tempDir();
    for (const id of ['alpha', 'bravo']) sampleWorkspace({ id, root });
    const out = join(root, 'out');
    expect(runCli(['build', '--out', out, '--only', 'deck-md,deck-html'], { cwd: root }).status).toBe(0);
    // One kind of one edition of one course: every other course, kind and edition keeps its entry.
    expect(runCli(['build', 'decks/bravo', '--out', out, '--only', 'deck-md', '--edition', 'base', '--force'], { cwd: root }).status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { path: string }[] };
    const made = (id: string) => ['de-de.', '', 'tr-tr.'].flatMap((e) => [`${id}/${id}.${e}deck.html`, `${id}/${id}.${e}deck.md`]);
    expect(manifest.outputs.map((o) => o.path)).toEqual([...made('alpha'), ...made('bravo')]);
  });
});
