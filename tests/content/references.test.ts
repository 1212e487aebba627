/**
 * References in the model and their checks: unknown ids at the citing line,
 * duplicates, fields a type needs, the reference policy (course or market),
 * uncited references as warnings, source PDFs in the fingerprint and manifest,
 * and a reference added after approval making the course stale.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { check } from '../../src/pipeline/check.js';
import { prepareCourse } from '../../src/pipeline/prepare-course.js';
import { referencePolicyProblems } from '../../src/content/references.js';
import { buildArgs, removeAll } from '../support/api.js';
import { runCli, sampleWorkspace, tempDir } from '../support/fixtures.js';

const dirs: string[] = [];
afterAll(() => removeAll(dirs));
const workspace = (edit?: (y: string) => string) => {
  const ws = sampleWorkspace(edit ? { edit } : {});
  dirs.push(ws.root);
  return ws;
};
const lineOf = (file: string, needle: string, from = 0) => readFileSync(file, 'utf8').split('\n').findIndex((l, i) => i >= from && l.includes(needle)) + 1;
const REF = '[invamed-ipm-care-overview]';

describe('references in the sample', () => {
  it('the sample cites its source article from every ladder step, procedure, technology and FAQ item, and checks clean', () => {
    const ws = workspace();
    const result = check({ courseDirs: [ws.dir], cwd: ws.root });
    expect(result.errors).toEqual([]);
    expect(result.contentWarnings).toEqual([]);
    expect(result.courses[0]?.approved).toBe(true);
    const prepared = prepareCourse(ws.dir, { today: '2026-11-20', cwd: ws.root });
    if (!prepared.ok) throw new Error('sample does not load');
    const { course } = prepared.course.loaded;
    expect(course.references).toEqual([
      expect.objectContaining({ id: 'invamed-ipm-care-overview', type: 'web', title: 'Interventional Pain Management: A Care Overview', source: 'INVAMED blog', year: 2017, published: '2017-04-28', accessed: '2026-11-02' }),
    ]);
    // The title is the source article's own (the seed text the course is written from).
    expect(readFileSync('/work/shared/reference/seed-article.txt', 'utf8')).toContain(course.references?.[0]?.title);
    const cites = [...course.ladder.steps, ...course.procedures, ...course.technologies, ...course.faq].map((i) => i.references);
    expect(cites.every((r) => r?.[0] === 'invamed-ipm-care-overview')).toBe(true);
  });
});

describe('reference checks', () => {
  it('an unknown reference id is an error at the citing line, with a suggestion', () => {
    const ws = workspace((y) => y.replace(`- id: epidural-injection\n    references: ${REF}`, '- id: epidural-injection\n    references: [invamed-ipm-care-overveiw]'));
    const result = check({ courseDirs: [ws.dir], cwd: ws.root });
    expect(result.ok).toBe(false);
    const line = lineOf(ws.file, 'invamed-ipm-care-overveiw');
    expect(result.errors).toEqual([
      expect.objectContaining({ line, path: 'procedures[1].references[0]', message: 'cites reference "invamed-ipm-care-overveiw", which is not in references; did you mean "invamed-ipm-care-overview"?' }),
    ]);
  });

  it('a reference listed twice is an error; one nothing cites is a warning, not an error', () => {
    const second = '  - id: invamed-ipm-care-overview\n    type: data-on-file\n    title: Internal data\n    source: INVAMED\n    year: 2026\n  - id: unused-source\n    type: book\n    authors: [Roe J]\n    title: A book nobody cites\n    source: Example Press\n    year: 2020\n';
    const dup = workspace((y) => y.replace('\n# Which kinds of item', `\n${second}\n# Which kinds of item`));
    const result = check({ courseDirs: [dup.dir], cwd: dup.root });
    expect(result.errors.map((e) => [e.path, e.message])).toEqual([['references[1].id', 'duplicate reference id "invamed-ipm-care-overview" (first used at references[0]); each source is listed once']]);

    const unused = workspace((y) => y.replace('\n# Which kinds of item', `\n${second.split('\n').slice(5).join('\n')}\n# Which kinds of item`));
    const ok = check({ courseDirs: [unused.dir], cwd: unused.root });
    expect(ok.errors).toEqual([]);
    expect(ok.contentWarnings).toEqual([expect.objectContaining({ path: 'references[1].id', line: lineOf(unused.file, '- id: unused-source'), message: 'reference "unused-source" is cited by no item; cite it or remove it' })]);
  });

  it('each type needs its fields: a web source without an access date is an error at the reference', () => {
    const ws = workspace((y) => y.replace('    accessed: "2026-11-02"\n', ''));
    const result = check({ courseDirs: [ws.dir], cwd: ws.root });
    expect(result.errors).toEqual([expect.objectContaining({ path: 'references[0]', message: 'a reference of type web needs "accessed"', line: lineOf(ws.file, '- id: invamed-ipm-care-overview') })]);
  });

  it('under a policy that requires references, removing an item\'s references fails check with exit 1 at that item\'s line; --json lists it', () => {
    const ws = workspace((y) => y.replace(`- id: rf-denervation\n    references: ${REF}\n`, '- id: rf-denervation\n'));
    const line = lineOf(ws.file, '- id: rf-denervation');
    const cli = runCli(['check', ws.dir], { cwd: ws.root });
    expect(cli.status).toBe(1);
    expect(cli.stderr).toMatch(new RegExp(`course\\.yaml:${line}:\\d+ {2}procedures\\[4\\] {2}procedures\\[id=rf-denervation\\] cites no reference, but policy\\.requireReferences requires one for procedures`));
    const json = runCli(['check', ws.dir, '--json'], { cwd: ws.root });
    expect(json.status).toBe(1);
    const report = JSON.parse(json.stdout) as { ok: boolean; errors: { line: number; path: string; message: string }[] };
    expect(report.ok).toBe(false);
    expect(report.errors).toEqual([expect.objectContaining({ line, path: 'procedures[4]', message: expect.stringContaining('procedures[id=rf-denervation] cites no reference') })]);
  });

  it('without the policy the same course is valid; a market profile can bring its own list', () => {
    const ws = workspace((y) => y.replace(`- id: rf-denervation\n    references: ${REF}\n`, '- id: rf-denervation\n').replace(/\npolicy:\n.*\n/, '\n'));
    expect(check({ courseDirs: [ws.dir], cwd: ws.root }).errors).toEqual([]);
    const prepared = prepareCourse(ws.dir, { today: '2026-11-20', cwd: ws.root });
    if (!prepared.ok) throw new Error('does not load');
    const raw = prepared.course.loaded.course;
    expect(referencePolicyProblems(raw, ['procedures'], 'templates/markets/TR.yaml')).toEqual([
      { path: ['procedures', 4], message: 'procedures[id=rf-denervation] cites no reference, but templates/markets/TR.yaml requires one for procedures; add references: [id]' },
    ]);
    // The sample's team cites the article; a member that cites nothing is named by id, or without one by position and discipline.
    expect(referencePolicyProblems(raw, ['team'])).toEqual([]);
    const members = raw.team.members.map(({ references: _cites, ...member }, i) => (i === 0 ? { ...member, id: undefined } : member));
    expect(referencePolicyProblems({ ...raw, team: { ...raw.team, members } }, ['team']).map((p) => p.message).slice(0, 2)).toEqual([
      'team.members[0] ("Pain medicine physician") cites no reference, but policy.requireReferences requires one for team; add references: [id]',
      'team.members[id=physical-therapist] cites no reference, but policy.requireReferences requires one for team; add references: [id]',
    ]);
  });
});

describe('source files and approval', () => {
  it('a source PDF inside the course is covered by the fingerprint and listed in the manifest with its sha256', async () => {
    const ws = workspace((y) => y.replace('    accessed: "2026-11-02"\n', '    accessed: "2026-11-02"\n    file: sources/article.pdf\n'));
    const { mkdirSync } = await import('node:fs');
    mkdirSync(join(ws.dir, 'sources'));
    writeFileSync(join(ws.dir, 'sources', 'article.pdf'), '%PDF-1.4\n% a stand-in source\n');
    const first = prepareCourse(ws.dir, { today: '2026-11-20', cwd: ws.root });
    if (!first.ok) throw new Error(JSON.stringify(first.diagnostics));
    expect(first.course.canonical.assets['sources/article.pdf']).toMatch(/^[0-9a-f]{64}$/);
    writeFileSync(join(ws.dir, 'sources', 'article.pdf'), '%PDF-1.4\n% another version\n');
    const second = prepareCourse(ws.dir, { today: '2026-11-20', cwd: ws.root });
    if (!second.ok) throw new Error('does not load');
    expect(second.course.fingerprint).not.toBe(first.course.fingerprint);

    const out = tempDir();
    dirs.push(out);
    const built = await buildArgs(['build', ws.dir, '--out', out, '--only', 'deck-md'], { cwd: ws.root });
    expect(built.status, built.stderr).toBe(0);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { references?: { id: string; file: string; sha256: string }[] }[] };
    expect(manifest.outputs[0]?.references).toEqual([{ id: 'invamed-ipm-care-overview', file: 'sources/article.pdf', sha256: second.course.canonical.assets['sources/article.pdf'], bytes: 27 }]);

    const outside = workspace((y) => y.replace('    accessed: "2026-11-02"\n', '    accessed: "2026-11-02"\n    file: ../elsewhere.pdf\n'));
    expect(check({ courseDirs: [outside.dir], cwd: outside.root }).errors[0]?.message).toBe('"../elsewhere.pdf" leaves the course folder ("..")');
  });

  it('adding a reference to an approved course makes it stale, and --release names references', async () => {
    const added = '  - id: invamed-data-on-file\n    type: data-on-file\n    title: Peta RFA System service records\n    source: INVAMED\n    year: 2026\n';
    const ws = workspace((y) => y.replace('\n# Which kinds of item', `\n${added}\n# Which kinds of item`).replace(`- id: rf-lesion-generator\n    references: ${REF}`, '- id: rf-lesion-generator\n    references: [invamed-ipm-care-overview, invamed-data-on-file]'));
    const out = tempDir();
    dirs.push(out);
    const refused = await buildArgs(['build', ws.dir, '--out', out, '--release', '--only', 'deck-md'], { cwd: ws.root });
    expect(refused.status).toBe(1);
    const message = refused.json.errors[0]?.message ?? '';
    expect(message).toContain('(changed: references[id=invamed-data-on-file], technologies[id=rf-lesion-generator].references[1])');
    // It points at the added reference's line.
    expect(refused.json.errors[0]?.line).toBe(lineOf(ws.file, '- id: invamed-data-on-file'));
  });
});
