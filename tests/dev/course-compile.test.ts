/**
 * The dev server's compile step recompiles only what a change touched, by
 * the template files each page read last time (like the build cache), and
 * turns bad content and broken templates into diagnostics, never a crash.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { courseCompile } from '../../src/dev/course-compile.js';
import { BUILTIN_TEMPLATES } from '../../src/render/template-set.js';
import { removeAll } from '../support/api.js';
import { sampleWorkspace, tempDir } from '../support/fixtures.js';

const temps: string[] = [];
afterAll(() => removeAll(temps));

describe('the dev compile', () => {
  it('re-renders the deck or the handout only when what it read changed', async () => {
    const ws = sampleWorkspace();
    const templates = join(tempDir(), 'templates');
    temps.push(ws.root, join(templates, '..'));
    cpSync(BUILTIN_TEMPLATES, templates, { recursive: true });
    const compile = courseCompile({ baseTemplates: templates, fonts: () => '' });
    const rebuilt = async () => {
      const r = await compile(ws.dir, undefined);
      if (!('pages' in r)) throw new Error(JSON.stringify(r.diagnostics));
      return { rebuilt: r.rebuilt, pages: r.pages };
    };

    expect((await rebuilt()).rebuilt).toEqual(['deck', 'handout']);
    expect((await rebuilt()).rebuilt).toEqual([]);

    const handoutTemplate = join(templates, 'handout.html.hbs');
    writeFileSync(handoutTemplate, readFileSync(handoutTemplate, 'utf8').replace('</body>', '<p>handout marker 4713</p></body>'));
    const afterHandout = await rebuilt();
    expect(afterHandout.rebuilt).toEqual(['handout']);
    expect(afterHandout.pages.handout).toContain('handout marker 4713');

    const theme = join(templates, 'themes', 'clinical.css');
    writeFileSync(theme, `${readFileSync(theme, 'utf8')}\n/* deck marker */\n`);
    expect((await rebuilt()).rebuilt).toEqual(['deck']);

    writeFileSync(ws.file, readFileSync(ws.file, 'utf8').replace(/^title: .*$/m, 'title: Both change 4714'));
    const both = await rebuilt();
    expect(both.rebuilt).toEqual(['deck', 'handout']);
    expect(both.pages.deck).toContain('Both change 4714');
  });

  it('bad YAML and a broken template come back as diagnostics with file and line', async () => {
    const ws = sampleWorkspace();
    const templates = join(tempDir(), 'templates');
    temps.push(ws.root, join(templates, '..'));
    cpSync(BUILTIN_TEMPLATES, templates, { recursive: true });
    const compile = courseCompile({ baseTemplates: templates, fonts: () => '' });
    const original = readFileSync(ws.file, 'utf8');
    writeFileSync(ws.file, original.replace(/^title: (.*)$/m, 'title: "unclosed'));
    const bad = await compile(ws.dir, undefined);
    expect('diagnostics' in bad && bad.diagnostics[0]?.file).toBe(ws.file);
    writeFileSync(ws.file, original);
    writeFileSync(join(templates, 'handout.html.hbs'), '{{#if title}}\nunclosed block\n');
    const broken = await compile(ws.dir, undefined);
    expect('diagnostics' in broken && broken.diagnostics[0]).toMatchObject({ path: 'template', line: expect.any(Number) });
    // The sample has a de-de edition: it compiles as far as the broken template, like the base.
    const german = await compile(ws.dir, 'de-de');
    expect('diagnostics' in german && german.diagnostics[0]).toMatchObject({ path: 'template', line: expect.any(Number) });
    // An edition the course does not have is named, before any template is compiled.
    const other = await compile(ws.dir, 'fr-fr');
    expect('diagnostics' in other && other.diagnostics[0]?.message).toContain('fr-fr');
  });
});
