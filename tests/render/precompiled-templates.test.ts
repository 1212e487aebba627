/**
 * The precompiled templates (dist/precompiled-templates.json, written by
 * `npm run build:ts` and the test setup) cover every built-in template in
 * both modes, are what compiling would make, and are never used for a text
 * that differs by one byte.
 */
import { appendFileSync, cpSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { afterAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/compile/compile.js';
import { prepareCourse } from '../../src/pipeline/prepare-course.js';
import { fontFaceCss } from '../../src/render/fonts.js';
import { compileOptions, PRECOMPILED_FILE, precompiledKey, precompiledTemplate } from '../../src/render/precompiled-templates.js';
import { BUILTIN_TEMPLATES, TemplateSet } from '../../src/render/template-set.js';
import { removeAll } from '../support/api.js';
import { EPOCH, REPO, SAMPLE_DIR, tempDir } from '../support/fixtures.js';

const made: string[] = [];
afterAll(() => removeAll(made));

const sources = new TemplateSet().templateSources();
const file = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as { handlebars: string; specs: Record<string, string> };

describe('precompiled templates', () => {
  it('cover every built-in template, loose and strict, made by this Handlebars', () => {
    expect(sources.length).toBeGreaterThanOrEqual(30);
    expect(file.handlebars).toBe(Handlebars.VERSION);
    for (const text of sources) {
      for (const strict of [false, true]) {
        expect(precompiledTemplate(Handlebars, text, strict), text.slice(0, 60)).toBeTypeOf('function');
        // The stored spec is exactly what precompiling the text now makes.
        expect(file.specs[precompiledKey(text, strict)]).toBe(String(Handlebars.precompile(text, compileOptions(strict))));
      }
    }
  });

  it('render the sample exactly as templates compiled at run time do', () => {
    // The same templates with a Handlebars comment added to each: no text matches a precompiled
    // one any more, so every template is compiled at run time, and the comments render as nothing.
    const copy = tempDir('deckhand-templates-');
    made.push(copy);
    cpSync(BUILTIN_TEMPLATES, copy, { recursive: true });
    const hbs = readdirSync(copy, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.hbs'));
    for (const f of hbs) appendFileSync(join(copy, f), '{{! compiled at run time }}');
    const compiled = (baseTemplates?: string) => {
      const prepared = prepareCourse(SAMPLE_DIR, { today: '2026-11-20', cwd: REPO, env: { SOURCE_DATE_EPOCH: EPOCH }, ...(baseTemplates ? { baseTemplates } : {}) });
      if (!prepared.ok) throw new Error(JSON.stringify(prepared.diagnostics));
      const { deck, handout } = compile(prepared.course.input, prepared.course.templates, { fonts: fontFaceCss });
      return { markdown: deck.markdown, html: deck.html, print: deck.printHtml, handout: handout.html };
    };
    expect(hbs.length).toBe(sources.length);
    const precompiled = compiled();
    const runtime = compiled(copy);
    expect(precompiled.markdown.length).toBeGreaterThan(1000);
    expect(precompiled).toEqual(runtime);
  });

  it('are not used for a text they were not made from', () => {
    const text = sources[0] ?? '';
    expect(precompiledTemplate(Handlebars, `${text} `, false)).toBeUndefined();
    expect(precompiledTemplate(Handlebars, 'Hello {{name}}', false)).toBeUndefined();
  });
});
