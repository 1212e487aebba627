import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { SourceMap } from '../../src/content/yaml-positions.js';
import { BUILTIN_TEMPLATES } from '../../src/render/template-set.js';
import { addMonths, checkMarketRules, loadMarketProfile, marketProfiles, type EditionCourse, type EditionInput, type MarketProfile } from '../../src/markets/index.js';

const temps: string[] = [];
afterEach(() => {
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});
function root(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'deckhand-markets-'));
  temps.push(dir);
  mkdirSync(join(dir, 'markets'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, 'markets', name), text);
  return dir;
}
function profile(market: string): MarketProfile {
  const result = loadMarketProfile([BUILTIN_TEMPLATES], market);
  if (!result.ok || !result.profile) throw new Error(`no ${market} profile`);
  return result.profile;
}

/**
 * An edition overlay file and a locate() over it, as the edition loader will
 * provide: the overlay's position of a path, else its nearest written ancestor.
 */
function edition(file: string, overlay: string, course: EditionCourse): EditionInput {
  const lines = new LineCounter();
  const map = new SourceMap(parseDocument(overlay, { lineCounter: lines }), lines);
  return { id: 'gb-en', course, locate: (path) => ({ file, ...map.positionOf([...path]) }) };
}

const COURSE: EditionCourse = {
  document: { prepared: '2026-11-02' },
  statements: { adverseEvents: 'Report adverse events to …', prescribingInformation: 'See the IFU …' },
  review: { expires: '2027-11-30', reviewers: [{ date: '2026-11-16' }] },
  procedures: [{ id: 'rf-ablation', references: ['ref-1'] }],
  technologies: [{ id: 'scs', references: ['ref-2'] }],
  faq: [{ id: 'faq-sport', references: ['ref-3'] }],
};

describe('the example market profiles', () => {
  it('ship GB, TR and DE, each labelled as an example and not legal advice', () => {
    expect(marketProfiles([BUILTIN_TEMPLATES])).toEqual(['DE', 'GB', 'TR']);
    for (const market of ['GB', 'TR', 'DE']) {
      const p = profile(market);
      expect(p.example).toBe(true);
      expect(p.notice).toMatch(/not legal or regulatory advice/);
      expect(readFileSync(join(BUILTIN_TEMPLATES, 'markets', `${market}.yaml`), 'utf8')).toMatch(/^# EXAMPLE market profile.*\n(#.*\n)*# .*NOT legal, regulatory/m);
    }
    expect(profile('GB')).toMatchObject({ requires: ['adverseEvents', 'prescribingInformation', 'datePrepared'], maxReviewMonths: 24, requireReferences: ['procedures', 'technologies', 'faq'] });
  });

  it('gives no profile (no rules) for a market without one', () => {
    expect(loadMarketProfile([BUILTIN_TEMPLATES], 'FR')).toEqual({ ok: true, profile: undefined });
    expect(loadMarketProfile([BUILTIN_TEMPLATES], 'GLOBAL')).toEqual({ ok: true, profile: undefined });
  });
});

describe('loading a profile', () => {
  it('reports every problem at file:line:col with suggestions', () => {
    const dir = root({
      'GB.yaml': 'schemaVersion: 1\nmarket: GB\nname: x\nexample: true\nrequires:\n  - adverseEvent\n  - datePrepared\nmaxReviewMonth: 24\nrequireReferences: [faq, glossary]\n',
    });
    const result = loadMarketProfile([dir], 'GB', dir);
    expect(result.ok ? [] : result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.path}  ${d.message}`)).toEqual([
      'markets/GB.yaml:6:5  requires[0]  "adverseEvent" is not a requirement deckhand knows; did you mean "adverseEvents"? (known: adverseEvents, prescribingInformation, localContact, datePrepared)',
      'markets/GB.yaml:8:1  maxReviewMonth  unknown key "maxReviewMonth"; did you mean "maxReviewMonths"?',
      // The kinds a course's policy.requireReferences names.
      'markets/GB.yaml:9:26  requireReferences[1]  must be one of "ladder", "procedures", "technologies", "team", "faq", "statements", not the text "glossary"',
    ]);
  });

  it('requires the market inside to match the file name, and a profile from an earlier root to win', () => {
    const dir = root({ 'GB.yaml': 'schemaVersion: 1\nmarket: TR\nname: x\nexample: false\n' });
    const result = loadMarketProfile([dir, BUILTIN_TEMPLATES], 'GB', dir);
    expect(result.ok ? [] : result.diagnostics).toEqual([{ file: 'markets/GB.yaml', line: 2, column: 9, path: 'market', message: 'is "TR" but the file is GB.yaml; they must match' }]);
    const own = root({ 'GB.yaml': 'schemaVersion: 1\nmarket: GB\nname: Ours\nexample: false\nrequires: [localContact]\n' });
    const ours = loadMarketProfile([own, BUILTIN_TEMPLATES], 'GB', own);
    expect(ours.ok && ours.profile).toMatchObject({ name: 'Ours', example: false, requires: ['localContact'], requireReferences: [] });
  });
});

describe('checkMarketRules', () => {
  const FILE = 'decks/x/editions/gb-en.yaml';

  it('passes an edition that carries everything', () => {
    expect(checkMarketRules(profile('GB'), edition(FILE, 'edition:\n  market: GB\n', COURSE))).toEqual([]);
  });

  it('names the missing AE line, the rule and the profile, at the edition file', () => {
    const overlay = 'schemaVersion: 1\nedition:\n  market: GB\n  language: en\nstatements:\n  prescribingInformation: See the IFU\n';
    const course = { ...COURSE, statements: { prescribingInformation: 'See the IFU' } };
    expect(checkMarketRules(profile('GB'), edition(FILE, overlay, course))).toEqual([
      {
        file: FILE,
        line: 6,
        column: 3,
        path: 'statements.adverseEvents',
        message: `edition "gb-en" lacks an adverse-event reporting line (rule "adverseEvents" of the GB market profile (${profile('GB').file})); add statements.adverseEvents`,
      },
    ]);
  });

  it('refuses a review period longer than the profile allows', () => {
    const course = { ...COURSE, review: { expires: '2027-12-01', reviewers: [{ date: '2026-11-16' }] } };
    const [problem, ...rest] = checkMarketRules(profile('TR'), edition('decks/x/editions/tr-tr.yaml', 'review:\n  expires: "2027-12-01"\n', { ...course, statements: { adverseEvents: 'x', localContact: 'y' } }));
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'decks/x/editions/tr-tr.yaml', line: 2, column: 12, path: 'review.expires' });
    expect(problem?.message).toMatch(/^is 2027-12-01, more than 12 months after the last sign-off on 2026-11-16; the TR market profile .* allows review periods up to 12 months \(at the latest 2027-11-16\)$/);
  });

  it('names every item without a reference by id when the profile requires references', () => {
    const course = { ...COURSE, faq: [{ id: 'faq-sport', references: [] }, { id: 'faq-risk' }], technologies: [{ id: 'scs', references: ['ref-2'] }] };
    const problems = checkMarketRules(profile('GB'), edition(FILE, 'faq: {}\n', course));
    // The field path, as for a course's own policy.requireReferences; the message names the item by id and the profile as the rule.
    const rule = `the GB market profile (${profile('GB').file})`;
    expect(problems.map((d) => [d.path, d.message])).toEqual([
      ['faq[0]', `faq[id=faq-sport] cites no reference, but ${rule} requires one for faq; add references: [id]`],
      ['faq[1]', `faq[id=faq-risk] cites no reference, but ${rule} requires one for faq; add references: [id]`],
    ]);
  });

  it('needs a date of preparation when the profile says so', () => {
    const course = { ...COURSE, document: {}, review: { expires: '2027-01-01', reviewers: [] } };
    const problems = checkMarketRules(profile('DE'), edition('decks/x/editions/de-de.yaml', 'document:\n  code: X\n', course));
    expect(problems.map((d) => `${d.line}:${d.column} ${d.path}`)).toEqual(['2:3 document.prepared']);
  });

  it('adds months the way a calendar does', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2026-11-16', 24)).toBe('2028-11-16');
    expect(addMonths('2027-12-15', 1)).toBe('2028-01-15');
  });
});
