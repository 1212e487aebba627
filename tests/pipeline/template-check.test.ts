/**
 * `check` compiles every template a course uses: a broken partial or a field
 * the view does not have is an error at the template's file and line, not at
 * course.yaml:1:1; and the build reports the same place.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/content/diagnostic.js';
import { check } from '../../src/pipeline/check.js';
import { buildWith, removeAll } from '../support/api.js';
import { EPOCH, sampleWorkspace } from '../support/fixtures.js';

const made: string[] = [];
afterAll(() => removeAll(made));

function courseWithTemplate(rel: string, text: string) {
  const ws = sampleWorkspace({ edit: (t) => `${t}\npresentation:\n  templates: templates\n` });
  made.push(ws.root);
  mkdirSync(join(ws.dir, 'templates', rel, '..'), { recursive: true });
  writeFileSync(join(ws.dir, 'templates', rel), text);
  return ws;
}

const checked = (ws: { root: string; dir: string }) => check({ courseDirs: [ws.dir], cwd: ws.root, env: { SOURCE_DATE_EPOCH: EPOCH } });

describe('templates are checked', () => {
  it('a broken partial is an error naming the partial file and its line', () => {
    const ws = courseWithTemplate('partials/deck/faq.hbs', '## {{heading}}\n\n{{#each items}}\n- {{question}}\n');
    const result = checked(ws);
    expect(result.ok).toBe(false);
    expect(result.errors.map(formatDiagnostic)).toEqual([expect.stringMatching(/^decks\/interventional-pain-management\/templates\/partials\/deck\/faq\.hbs:5:1 {2}\(template\) {2}Handlebars syntax error: Expecting .*got EOF$/)]);
    // Listed once, though every edition (base, de-de, tr-tr) uses the partial and each is refused.
    expect(result.courses.map((c) => [c.edition, c.ok])).toEqual([['base', false], ['de-de', false], ['tr-tr', false]]);
  });

  it('a field the view does not have is an error at template:line:column', () => {
    const ws = courseWithTemplate('partials/handout/cover.hbs', '<header>\n  <h1>{{title}}</h1>\n  <p>{{subtitel}}</p>\n</header>\n');
    const [line] = checked(ws).errors.map(formatDiagnostic);
    expect(line).toMatch(/^decks\/interventional-pain-management\/templates\/partials\/handout\/cover\.hbs:3:8 {2}\(template\) {2}refers to "subtitel", which the view does not have here/);
  });

  it('the built-in templates pass the strict check on the sample', () => {
    const ws = sampleWorkspace();
    made.push(ws.root);
    expect(checked(ws).errors).toEqual([]);
  });

  it('a build with the broken partial fails at the same place, not at course.yaml', async () => {
    const ws = courseWithTemplate('partials/deck/faq.hbs', '{{#each items}}\n');
    const result = await buildWith({ courseDirs: [ws.dir], outDir: join(ws.root, 'out'), cwd: ws.root, kinds: ['deck-md'] });
    expect(result.ok).toBe(false);
    expect(result.errors.map(formatDiagnostic)[0]).toMatch(/^decks\/interventional-pain-management\/templates\/partials\/deck\/faq\.hbs:2:1 {2}\(template\)/);
  });
});
