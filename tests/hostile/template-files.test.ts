/**
 * A course's own templates folder is trusted code, but only the files in it:
 * every file a template set reads must resolve inside the course or deckhand's
 * built-in templates. Links out of the course (to a secret, to /proc/self/environ)
 * and links to folders are validation errors at presentation.templates that
 * quote nothing of the file; the other courses of a build still build.
 */
import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { prepareCourse } from '../../src/pipeline/prepare-course.js';
import { BUILTIN_TEMPLATES } from '../../src/render/template-set.js';
import { EPOCH, runJson, sampleWorkspace, tempDir } from '../support/fixtures.js';
import { TODAY } from './harness.js';

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

const SECRET = 'SECRET_TOKEN=do-not-print-me';

/** The sample with `presentation.templates: <templates>`; `setup` fills the course folder. */
function course(templates: string, setup: (dir: string) => void, options: { id?: string; root?: string } = {}) {
  const ws = sampleWorkspace({
    ...options,
    edit: (y) => {
      const doc = parseDocument(y);
      doc.set('presentation', { templates });
      return doc.toString({ lineWidth: 0 });
    },
  });
  if (!options.root) made.push(ws.root);
  setup(ws.dir);
  return ws;
}

const prepare = (ws: { dir: string; root: string }) => prepareCourse(ws.dir, { today: TODAY, cwd: ws.root, env: { SOURCE_DATE_EPOCH: EPOCH } });

function partialsDir(dir: string): string {
  const partials = join(dir, 'tpl', 'partials', 'deck');
  mkdirSync(partials, { recursive: true });
  return partials;
}

describe('files in a course templates folder', () => {
  const outside = tempDir('deckhand-outside-');
  made.push(outside);
  writeFileSync(join(outside, 'secret.txt'), `${SECRET}\n{{title}}\n`);

  const cases: [string, (dir: string) => void][] = [
    ['a partial that links to a file outside the course', (dir) => symlinkSync(join(outside, 'secret.txt'), join(partialsDir(dir), 'faq.hbs'))],
    ['a partial that links to /proc/self/environ', (dir) => symlinkSync('/proc/self/environ', join(partialsDir(dir), 'faq.hbs'))],
    ['a theme that links outside the course', (dir) => {
      mkdirSync(join(dir, 'tpl', 'themes'), { recursive: true });
      symlinkSync(join(outside, 'secret.txt'), join(dir, 'tpl', 'themes', 'clinical.css'));
    }],
    ['a folder linked in as a partial', (dir) => symlinkSync(join(dir, 'assets-folder'), join(partialsDir(dir), 'faq.hbs'), 'dir')],
    ['a folder named like a partial', (dir) => mkdirSync(join(partialsDir(dir), 'faq.hbs'))],
    ['a link to a folder outside the course', (dir) => symlinkSync(outside, join(partialsDir(dir), 'more'), 'dir')],
  ];
  it.each(cases)('refuses %s, quoting none of it', (_name, setup) => {
    const ws = course('tpl', (dir) => {
      mkdirSync(join(dir, 'assets-folder'), { recursive: true });
      setup(dir);
    });
    let prepared: ReturnType<typeof prepare> | undefined;
    expect(() => (prepared = prepare(ws))).not.toThrow();
    expect(prepared?.ok).toBe(false);
    if (!prepared || prepared.ok) return;
    const d = prepared.diagnostics.find((x) => x.path === 'presentation.templates');
    expect(d, JSON.stringify(prepared.diagnostics)).toBeDefined();
    expect(d?.message).toMatch(/partials\/deck\/|themes\//);
    const all = JSON.stringify(prepared.diagnostics);
    expect(all).not.toContain('SECRET');
    expect(all).not.toContain(process.env.PATH ?? 'no PATH');
  });

  it('accepts a partial that links to another file inside the course', () => {
    const ws = course('tpl', (dir) => {
      writeFileSync(join(dir, 'faq-source.hbs'), readFileSync(join(BUILTIN_TEMPLATES, 'partials', 'deck', 'faq.hbs')));
      symlinkSync(join(dir, 'faq-source.hbs'), join(partialsDir(dir), 'faq.hbs'));
    });
    const prepared = prepare(ws);
    expect(prepared.ok, JSON.stringify(!prepared.ok && prepared.diagnostics)).toBe(true);
  });

  it('refuses templates: "." (the folder that holds course.yaml and approval.json)', () => {
    const ws = course('.', () => undefined);
    const prepared = prepare(ws);
    expect(prepared.ok).toBe(false);
    if (prepared.ok) return;
    expect(prepared.diagnostics.find((d) => d.path === 'presentation.templates')?.message).toMatch(/course\.yaml/);
  });

  it('a bad course gives a diagnostic, exit 1, and the other course still builds', () => {
    const root = tempDir('deckhand-tpl-build-');
    made.push(root);
    course('tpl', (dir) => symlinkSync(join(dir, 'assets-folder'), join(partialsDir(dir), 'faq.hbs'), 'dir'), { id: 'bad-course', root });
    mkdirSync(join(root, 'decks', 'bad-course', 'assets-folder'), { recursive: true });
    sampleWorkspace({ id: 'good-course', root, editions: false });
    const result = runJson<{ ok: boolean; outputs: { course: string }[]; errors: { path: string; message: string }[] }>(['build', '--out', 'out', '--only', 'deck-md'], { cwd: root });
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(/internal error|EISDIR/);
    expect(result.json.errors.map((e) => e.path)).toEqual(['presentation.templates']);
    expect(result.json.outputs.map((o) => o.course)).toEqual(['good-course']);
  });
});
