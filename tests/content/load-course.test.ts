import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/content/diagnostic.js';
import { loadCourse } from '../../src/content/load-course.js';
import { SAMPLE_DIR, sampleWorkspace } from '../support/fixtures.js';

/** Loads a workspace copy of the sample whose text went through `edit`; returns the diagnostics. */
function problems(edit: (yaml: string) => string) {
  const ws = sampleWorkspace({ edit });
  const result = loadCourse(ws.dir, ws.root);
  if (result.ok) throw new Error('expected the course to be refused');
  return result.diagnostics;
}

/** 1-based line of the first line of `yaml` that matches. */
const lineOf = (yaml: string, pattern: RegExp) => yaml.split('\n').findIndex((l) => pattern.test(l)) + 1;

describe('loading a course', () => {
  it('accepts the sample', () => {
    const result = loadCourse(SAMPLE_DIR);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.loaded.course.ladder.steps).toHaveLength(6);
      expect(result.loaded.course.faq).toHaveLength(3);
    }
  });

  it('reports a missing required field at the mapping that should hold it', () => {
    let yaml = '';
    const [d, ...rest] = problems((y) => (yaml = y.replace(/^organisation: .*\n/m, '')));
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ path: 'organisation', message: 'is required', line: lineOf(yaml, /^schemaVersion:/), column: 1 });
    expect(d?.file).toBe('decks/interventional-pain-management/course.yaml');
  });

  it('reports a string where a list belongs, at the value', () => {
    let yaml = '';
    const [d] = problems((y) => (yaml = y.replace(/^markets: .*$/m, 'markets: GLOBAL')));
    expect(d).toMatchObject({ path: 'markets', line: lineOf(yaml, /^markets:/), column: 10 });
    expect(d?.message).toBe('must be a list, not the text "GLOBAL"');
  });

  it('reports a misspelled key at the key, with a suggestion', () => {
    let yaml = '';
    const [d] = problems((y) => (yaml = y.replace(/^subtitle:/m, 'subtitel:')));
    expect(d).toMatchObject({ path: 'subtitel', line: lineOf(yaml, /^subtitel:/), column: 1 });
    expect(d?.message).toBe('unknown key "subtitel"; did you mean "subtitle"?');
  });

  it('reports broken indentation as a YAML syntax error with its position and field', () => {
    let yaml = '';
    const list = problems((y) => (yaml = y.replace(/^  version: /m, '   version: ')));
    const syntax = list.find((d) => d.message.startsWith('YAML syntax error'));
    expect(syntax).toBeDefined();
    // The parser reads the over-indented line as a continuation of `code:`, so it may point at either line.
    expect([lineOf(yaml, /^ {2}code: /), lineOf(yaml, /^ {3}version: /)]).toContain(syntax?.line);
    expect(syntax?.path).toMatch(/^document\./);
  });

  it('reports every problem at once: syntax, unknown key, wrong type, missing field, bad date', () => {
    const list = problems((y) =>
      y
        .replace(/^title: .*$/m, 'titel: Interventional Pain Management')
        .replace(/^  version: .*$/m, '  version: 1.0')
        .replace(/^  prepared: .*$/m, '  prepared: "2026-02-30"')
        .replace(/^  expires: .*$/m, '  expires: "2020-01-01"')
        .replace(/^keywords:/m, 'keywords: [unclosed\nxkeywords:'),
    );
    const paths = list.map((d) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['titel', 'document.version', 'document.prepared', 'keywords']));
    // With no real date of preparation, the expiry cannot be compared with it: no follow-on error.
    expect(paths).not.toContain('review.expires');
    // xkeywords comes after the syntax error, where the parser's view is unreliable, so it is not reported yet.
    expect(paths).not.toContain('xkeywords');
    expect(list.find((d) => d.path === 'document.prepared')?.message).toBe('is not a real calendar date');
    expect(list.some((d) => d.message.startsWith('YAML syntax error'))).toBe(true);
  });

  it('reports expiry before the date of preparation', () => {
    const list = problems((y) => y.replace(/^  expires: .*$/m, '  expires: "2026-01-01"'));
    expect(list.map(formatDiagnostic)).toEqual([expect.stringMatching(/course\.yaml:\d+:12 {2}review\.expires {2}is before the date of preparation \(2026-11-02\)$/)]);
  });

  it('reports references to ladder steps that do not exist', () => {
    const [d] = problems((y) => y.replace('step: injections', 'step: injection'));
    expect(d?.path).toBe('procedures[0].step');
    expect(d?.message).toContain('refers to ladder step "injection", which does not exist');
  });

  it('refuses numbers where text belongs and tells the author to quote', () => {
    const [d] = problems((y) => y.replace(/^  version: .*$/m, '  version: 1.0'));
    expect(d?.message).toBe('must be text, not the number 1.0; put it in quotes: "1.0"');
  });
});
