import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { editionJsonSchema } from '../../src/content/edition-schema.js';
import { loadCourse, type LoadedCourse } from '../../src/content/load-course.js';
import { editionIds, loadEdition } from '../../src/content/load-edition.js';
import { removeAll } from '../support/api.js';
import { REPO, SAMPLE_DIR, sampleWorkspace } from '../support/fixtures.js';

const temps: string[] = [];
afterAll(() => removeAll(temps));

/** A workspace whose DE overlay is rewritten by `edit`; returns the base and the loader's result. */
function withOverlay(edit: (yaml: string) => string) {
  const ws = sampleWorkspace();
  temps.push(ws.root);
  const file = join(ws.dir, 'editions', 'de-de.yaml');
  const text = edit(readFileSync(file, 'utf8'));
  writeFileSync(file, text);
  const base = loadCourse(ws.dir, ws.root);
  if (!base.ok) throw new Error('base does not load');
  return { text, result: loadEdition(base.loaded, 'de-de', ws.root), base: base.loaded };
}

const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('edition overlays', () => {
  it('the sample has a German and a Turkish edition, and each merges by item id', () => {
    expect(editionIds(SAMPLE_DIR)).toEqual(['de-de', 'tr-tr']);
    const loadedBase = loadCourse(SAMPLE_DIR);
    if (!loadedBase.ok) throw new Error('the sample does not load');
    const base: LoadedCourse = loadedBase.loaded;
    const tr = loadEdition(base, 'tr-tr');
    expect(tr.ok).toBe(true);
    if (!tr.ok) return;
    const { course } = tr.edition;
    expect(course.language).toBe('tr');
    expect(course.markets).toEqual(['TR']);
    expect(course.document.code).toBe('INV-PM-TRN-0142-TR');
    expect(course.technologies.map((t) => t.id)).not.toContain('spinal-cord-stimulation-system');
    expect(base.course.technologies.map((t) => t.id)).toContain('spinal-cord-stimulation-system');
    expect(course.faq.find((f) => f.id === 'faq-complement')?.question).toMatch(/^Girişimsel ağrı tedavisi/);
    expect(course.statements?.adverseEvents).toContain('TİTCK');
    // Base values the overlay does not replace stay (the organisation, the image of a technology).
    expect(course.organisation).toBe(base.course.organisation);
  });

  it('an unknown item id is an error at the overlay line and column of the id', () => {
    const { text, result } = withOverlay((y) => y.replace('  faq-complement:\n', '  faq-complment:\n'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const d = result.diagnostics.find((x) => x.message.includes('unknown item id'));
    expect(d).toMatchObject({ line: lineOf(text, 'faq-complment:'), column: 3, path: 'faq.faq-complment' });
    expect(d?.file).toMatch(/editions\/de-de\.yaml$/);
    expect(d?.message).toContain('did you mean "faq-complement"');
  });

  it('a key the base does not have, and a type mismatch, are errors in the overlay', () => {
    const { text, result } = withOverlay((y) => y.replace('title: Interventionelle Schmerztherapie\n', 'titel: Interventionelle Schmerztherapie\nsubtitle: [eine, Liste]\n').replace(/^subtitle: Ein stufenweises.*\n/m, ''));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const messages = result.diagnostics.map((d) => `${d.file.split('/').slice(-2).join('/')}:${d.line}:${d.column} ${d.path} ${d.message}`);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(new RegExp(`^editions/de-de.yaml:${lineOf(text, 'titel:')}:1 titel unknown key "titel"`)),
        expect.stringMatching(new RegExp(`^editions/de-de.yaml:${lineOf(text, 'subtitle: [')}:\\d+ subtitle is a list, but the base has text here`)),
      ]),
    );
  });

  it('a merged value the schema refuses is reported where it came from: the overlay, or the base', () => {
    const long = 'x'.repeat(250);
    const { text, result } = withOverlay((y) => y.replace(/^ {4}question: Ersetzt.*$/m, `    question: ${long}`));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ path: 'faq[0].question', line: lineOf(text, long), column: 15 });
    expect(result.diagnostics[0]?.file).toMatch(/editions\/de-de\.yaml$/);

    // A base problem in a field the overlay leaves alone points into course.yaml.
    const ws = sampleWorkspace({ edit: (y) => y.replace('organisation: INVAMED', `organisation: "${'o'.repeat(250)}"`) });
    temps.push(ws.root);
    const baseLoad = loadCourse(ws.dir, ws.root);
    expect(baseLoad.ok).toBe(false);
  });

  it('an edition file whose name does not match its market and language is refused', () => {
    const { result } = withOverlay((y) => y.replace('  market: DE', '  market: AT'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]?.message).toContain('rename it to at-de.yaml');
  });
});

describe('schema/edition.schema.json', () => {
  const committed = JSON.parse(readFileSync(join(REPO, 'schema', 'edition.schema.json'), 'utf8')) as object;
  it('is what `npm run schema` generates from the course schema', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(editionJsonSchema())));
  });
  it('validates both sample overlays with an independent validator (ajv), and refuses a list where items go by id', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
    for (const id of ['de-de', 'tr-tr']) {
      const data = parse(readFileSync(join(SAMPLE_DIR, 'editions', `${id}.yaml`), 'utf8')) as object;
      expect(validate(data), `${id}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
    expect(validate({ schemaVersion: 1, edition: { market: 'DE', language: 'de' }, faq: [{ question: 'x' }] })).toBe(false);
  });
});
