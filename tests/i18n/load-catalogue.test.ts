import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BUILTIN_TEMPLATES } from '../../src/render/template-set.js';
import { catalogueLanguages, loadCatalogue } from '../../src/i18n/index.js';

const EN = readFileSync(join(BUILTIN_TEMPLATES, 'i18n/en.yaml'), 'utf8');
const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A templates root holding the given catalogues (file name → text). */
function root(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-i18n-'));
  temps.push(dir);
  mkdirSync(join(dir, 'i18n'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'i18n', name), text);
  return dir;
}

const flatten = (value: unknown, prefix = ''): string[] =>
  typeof value === 'object' && value !== null && !('other' in value)
    ? Object.entries(value).flatMap(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k))
    : [prefix];

describe('the shipped catalogues', () => {
  it('offers en, de and tr, each complete and clean against en.yaml', () => {
    expect(catalogueLanguages([BUILTIN_TEMPLATES])).toEqual(['de', 'en', 'tr']);
    const en = loadCatalogue([BUILTIN_TEMPLATES], 'en');
    if (!en.ok) throw new Error(JSON.stringify(en.diagnostics));
    for (const lang of ['de', 'tr']) {
      const result = loadCatalogue([BUILTIN_TEMPLATES], lang);
      expect(result.ok ? [] : result.diagnostics).toEqual([]);
      expect(result.warnings).toEqual([]);
      if (result.ok) expect(result.catalogue.keys).toEqual(en.catalogue.keys);
    }
    expect(en.catalogue.keys).toEqual(flatten(parse(EN)).sort());
  });

  it('has translations, not copies of the English text', () => {
    const en = loadCatalogue([BUILTIN_TEMPLATES], 'en');
    const tr = loadCatalogue([BUILTIN_TEMPLATES], 'tr');
    const de = loadCatalogue([BUILTIN_TEMPLATES], 'de');
    if (!en.ok || !tr.ok || !de.ok) throw new Error('catalogue failed to load');
    // Any param: 2 for count (it picks a plural form), "X" otherwise.
    const params = new Proxy({}, { get: (_o, name) => (name === 'count' ? 2 : 'X') }) as Record<string, string | number>;
    const wordy = (text: string) => /\p{L}{3}/u.test(text.replace(/X/g, ''));
    const sameInTr = en.catalogue.keys.filter((k) => wordy(en.catalogue.t(k, params)) && tr.catalogue.t(k, params) === en.catalogue.t(k, params));
    const sameInDe = en.catalogue.keys.filter((k) => wordy(en.catalogue.t(k, params)) && de.catalogue.t(k, params) === en.catalogue.t(k, params));
    expect(sameInTr).toEqual([]);
    // German shares a few words with English.
    expect(sameInDe.filter((k) => !['cover.version', 'documentControl.version', 'footer.codeLine', 'personalisation.name', 'references.etAl', 'references.internet'].includes(k))).toEqual([]);
    expect(tr.catalogue.t('watermark.draft')).toBe('TASLAK — DAĞITIM İÇİN DEĞİLDİR');
    expect(de.catalogue.t('footer.pageOf', { page: 3, pages: 15 })).toBe('Seite 3 von 15');
    expect(tr.catalogue.t('faq.heading')).toBe('Sıkça sorulan sorular');
  });

  it('finds de.yaml for de-DE, and keeps the full tag for Intl', () => {
    const result = loadCatalogue([BUILTIN_TEMPLATES], 'de-DE');
    if (!result.ok) throw new Error('no catalogue');
    expect(result.catalogue.locale).toBe('de-DE');
    expect(result.catalogue.file).toMatch(/templates\/i18n\/de\.yaml$/);
    expect(result.catalogue.date('2026-11-16')).toBe('16. November 2026');
  });
});

describe('catalogue validation', () => {
  it('reports every missing key in ONE error, at the section that should hold the first', () => {
    const de = readFileSync(join(BUILTIN_TEMPLATES, 'i18n/de.yaml'), 'utf8')
      .replace(/^ {2}pageOf: .*\n/m, '')
      .replace(/^ {2}heading: Häufig gestellte Fragen\n/m, '');
    const dir = root({ 'en.yaml': EN, 'de.yaml': de });
    const result = loadCatalogue([dir], 'de', { cwd: dir });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d?.file).toBe('i18n/de.yaml');
    expect(d?.message).toBe('lacks 2 keys that en.yaml has: faq.heading, footer.pageOf');
    expect(de.split('\n')[(d?.line ?? 0) - 1]).toBe('faq:');
  });

  it('warns about keys en.yaml lacks, with a suggestion, and still loads', () => {
    const dir = root({ 'en.yaml': EN, 'de.yaml': `${readFileSync(join(BUILTIN_TEMPLATES, 'i18n/de.yaml'), 'utf8')}\nextra:\n  hello: Hallo\n`.replace('  heading: Häufig gestellte Fragen', '  heading: Häufig gestellte Fragen\n  headng: Tippfehler') });
    const result = loadCatalogue([dir], 'de', { cwd: dir });
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => `${w.line} ${w.path} ${w.message}`)).toEqual([
      expect.stringMatching(/^\d+ faq\.headng key "faq\.headng" is not in en\.yaml; did you mean "faq\.heading"\?$/),
      expect.stringMatching(/^\d+ extra\.hello key "extra\.hello" is not in en\.yaml \(only templates of your own can use it\)$/),
    ]);
  });

  it('requires the same placeholders as en.yaml, at the line of the text', () => {
    const en = 'footer:\n  pageOf: "page {page} of {pages}"\n  more:\n    one: "and one more"\n    other: "and {count} more"\n';
    const de = 'footer:\n  pageOf: "Seite {page} von {seiten}"\n  more: "und {count} weitere"\n';
    const dir = root({ 'en.yaml': en, 'de.yaml': de });
    const result = loadCatalogue([dir], 'de', { cwd: dir });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics).toEqual([
      { file: 'i18n/de.yaml', line: 2, column: 11, path: 'footer.pageOf', message: 'uses {page}, {seiten}; en.yaml uses {page}, {pages}, and a translation must use the same' },
    ]);
  });

  it('pins type, syntax and brace problems to file:line:col', () => {
    const en = 'a:\n  b: text\n  c: text\n  d: "x {n}"\n';
    const de = 'a:\n  b: 12\n  c: [x]\n  d: "x {n"\n';
    const dir = root({ 'en.yaml': en, 'de.yaml': de });
    const result = loadCatalogue([dir], 'de', { cwd: dir });
    if (result.ok) throw new Error('expected errors');
    expect(result.diagnostics.map((d) => `${d.line}:${d.column} ${d.path} ${d.message.split(';')[0]}`)).toEqual([
      '2:6 a.b must be text (12)',
      '3:6 a.c must be text',
      '4:6 a.d has "{" that starts no placeholder: write {name} with letters and digits, or "{{" for a literal brace',
    ].sort((x, y) => x.localeCompare(y, 'en', { numeric: true })));
    const broken = root({ 'en.yaml': en, 'de.yaml': 'a:\n  b: "unclosed\n' });
    const syntax = loadCatalogue([broken], 'de', { cwd: broken });
    expect(syntax.ok ? [] : syntax.diagnostics[0]?.message).toMatch(/^YAML syntax error/);
  });

  it('names the languages on offer for a language with no catalogue, at the field that asked', () => {
    const result = loadCatalogue([BUILTIN_TEMPLATES], 'fr-FR', { requestedAt: { file: 'decks/x/editions/fr-fr.yaml', line: 5, column: 13, path: 'edition.language' } });
    expect(result.ok ? [] : result.diagnostics).toEqual([
      {
        file: 'decks/x/editions/fr-fr.yaml',
        line: 5,
        column: 13,
        path: 'edition.language',
        message: 'language "fr-FR" has no interface-text catalogue (i18n/fr-fr.yaml); languages on offer: de, en, tr',
      },
    ]);
    const bad = loadCatalogue([BUILTIN_TEMPLATES], 'not a tag');
    expect(bad.ok ? '' : bad.diagnostics[0]?.message).toMatch(/not a BCP 47 language tag/);
  });

  it('lets a course template root replace a catalogue whole, checked against deckhand\'s en.yaml', () => {
    const own = root({ 'de.yaml': 'faq:\n  heading: Fragen\n' });
    const result = loadCatalogue([own, BUILTIN_TEMPLATES], 'de', { cwd: own });
    expect(result.ok).toBe(false);
    const en = loadCatalogue([BUILTIN_TEMPLATES], 'en');
    if (!en.ok) throw new Error('en.yaml failed to load');
    // Every key but the one it gives (faq.heading), however many en.yaml has.
    if (!result.ok) expect(result.diagnostics[0]?.message).toMatch(new RegExp(`^lacks ${en.catalogue.keys.length - 1} keys that en\\.yaml has: audience\\.hcp, audience\\.patient, `));
  });
});

describe('catalogues read again in one process', () => {
  it('an edited catalogue is read afresh, an unchanged one gives the same texts', () => {
    const dir = root({ 'en.yaml': EN });
    const first = loadCatalogue([dir], 'en');
    expect(first.ok && first.catalogue.t('faq.heading')).toBe('Frequently asked questions');
    const again = loadCatalogue([dir], 'en');
    expect(again.ok && again.catalogue.t('faq.heading')).toBe('Frequently asked questions');
    writeFileSync(join(dir, 'i18n', 'en.yaml'), EN.replace('Frequently asked questions', 'Questions people ask'));
    const edited = loadCatalogue([dir], 'en');
    expect(edited.ok && edited.catalogue.t('faq.heading')).toBe('Questions people ask');
    writeFileSync(join(dir, 'i18n', 'en.yaml'), `${EN}\nfaq: [broken`);
    expect(loadCatalogue([dir], 'en').ok).toBe(false);
  });
});
