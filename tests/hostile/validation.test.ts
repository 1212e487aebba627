/**
 * Every string field of the sample × every corpus entry, validated the way the
 * loader validates (schema, cross-checks, folder name): the full cross product,
 * since validation is cheap (~0.4 ms). Rendering is in render.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../src/content/diagnostic.js';
import { CORPUS } from './corpus.js';
import { CONTROL_CHARS, RENDER_BUDGET_MS, loadSample, render, validate, withString, type Path, type Problem } from './harness.js';

const s = loadSample();
/** Bidi controls and other invisible format characters that would garble a terminal line. */
const BIDI = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C]/;

/** Field names (last key) of the pattern fields: anything else must accept ordinary prose. */
const PATTERN_KEYS = ['id', 'audience', 'language', 'markets', 'code', 'version', 'prepared', 'status', 'expires', 'date', 'fingerprint', 'kind', 'step', 'steps', 'references', 'type', 'published', 'accessed', 'requireReferences', 'binding'];
const keyOf = (p: Path) => String(p.findLast((k) => typeof k === 'string'));

interface Outcome {
  path: Path;
  entry: (typeof CORPUS)[number];
  problems: Problem[];
  ok: boolean;
}

/** Every (entry, path) validated once; the tests below read from this. */
const ALL: Outcome[] = CORPUS.flatMap((entry) =>
  s.paths.map((path) => {
    const v = validate(withString(s.course, path, entry.text));
    return { path, entry, ok: v.ok, problems: v.ok ? [] : v.problems };
  }),
);
const outcomes = (paths: Path[]): Outcome[] => ALL.filter((o) => paths.includes(o.path));

describe('hostile strings: validation of every string field', { timeout: 20_000 }, () => {
  it('enumerates the sample: free-text fields take prose, pattern fields do not', () => {
    expect(s.paths.length).toBeGreaterThan(150);
    expect(s.freeText.length).toBeGreaterThan(100);
    expect(new Set(s.patterned.map(keyOf))).toEqual(new Set(PATTERN_KEYS));
    for (const p of s.freeText) expect(PATTERN_KEYS).not.toContain(keyOf(p));
  });

  it('has a corpus of at least 40 entries covering every class', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(CORPUS.map((e) => e.class))).toEqual(new Set(['markdown', 'html', 'handlebars', 'unicode', 'yaml-lookalike', 'shell']));
    expect(new Set(CORPUS.map((e) => e.name)).size).toBe(CORPUS.length);
  });

  it('free-text fields accept what the corpus accepts and refuse the rest with a message naming the field', () => {
    const wrong: string[] = [];
    for (const o of outcomes(s.freeText)) {
      const where = `${formatPath(o.path)} <- ${o.entry.name}`;
      if (o.entry.expect === 'accept') {
        if (!o.ok) wrong.push(`${where}: refused (${JSON.stringify(o.problems)})`);
        continue;
      }
      if (o.ok) {
        wrong.push(`${where}: accepted`);
        continue;
      }
      const elsewhere = o.problems.filter((p) => p.path !== formatPath(o.path));
      if (elsewhere.length) wrong.push(`${where}: problems at other fields ${JSON.stringify(elsewhere)}`);
      if (!o.problems.some((p) => o.entry.refusal?.test(p.message))) wrong.push(`${where}: unexpected message ${JSON.stringify(o.problems)}`);
    }
    expect(wrong).toEqual([]);
  });

  it('pattern fields refuse hostile text at that field, or take it as a valid value that renders', () => {
    const wrong: string[] = [];
    const valid: Outcome[] = [];
    for (const o of outcomes(s.patterned)) {
      const where = `${formatPath(o.path)} <- ${o.entry.name}`;
      if (o.ok) {
        valid.push(o);
        continue;
      }
      // A valid but different ladder step id is refused where the old id is still referred to.
      const renamedStep = /^ladder\.steps\[\d+\]\.id$/.test(formatPath(o.path)) && o.problems.every((p) => /refers to ladder step/.test(p.message));
      if (!renamedStep && !o.problems.some((p) => p.path === formatPath(o.path))) wrong.push(`${where}: no problem at the field itself (${JSON.stringify(o.problems)})`);
      // Besides the field itself, only references to a renamed ladder step may break.
      const stray = o.problems.filter((p) => p.path !== formatPath(o.path) && !/^(procedures\[\d+\]\.step|technologies\[\d+\]\.steps\[\d+\])$/.test(p.path));
      if (stray.length) wrong.push(`${where}: unrelated problems ${JSON.stringify(stray)}`);
      for (const p of o.problems) if (!p.message.trim()) wrong.push(`${where}: empty message`);
    }
    // Harmless look-alikes are valid values: "NO" is Norway and a language tag, "1e3" and "constructor" are slugs.
    expect(new Set(valid.map((o) => o.entry.name))).toEqual(new Set(['Norway', 'number-like', 'constructor']));
    // Render one of each (entry, kind of field): rendering is what is slow.
    const seen = new Set<string>();
    for (const o of valid.filter((x) => !seen.has(`${x.entry.name}|${keyOf(x.path)}`) && seen.add(`${x.entry.name}|${keyOf(x.path)}`))) {
      const course = validate(withString(s.course, o.path, o.entry.text));
      if (!course.ok) throw new Error('unreachable');
      const r = render(course.course);
      if (r.ms > RENDER_BUDGET_MS) wrong.push(`${formatPath(o.path)} <- ${o.entry.name}: took ${Math.round(r.ms)} ms`);
    }
    expect(wrong).toEqual([]);
  });

  // KNOWN BUG (reported): messages quote the offending value verbatim (issue-messages.ts
  // describeValue, cross-checks.ts unknownStep), so an ANSI/OSC escape, NUL or bidi override in a
  // course reaches the terminal through `deckhand check`, and a 10 000-character value is quoted in
  // full. Marked `fails` to keep the suite green; remove `.fails` once messages are sanitised.
  it('messages are safe to print: no control or bidi characters, bounded length', () => {
    const bad: string[] = [];
    for (const o of outcomes(s.paths)) {
      for (const p of o.problems) {
        if (CONTROL_CHARS.test(p.message) || BIDI.test(p.message) || p.message.length > 300) {
          bad.push(`${formatPath(o.path)} <- ${o.entry.name}: ${JSON.stringify(p.message.slice(0, 120))}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });
});
