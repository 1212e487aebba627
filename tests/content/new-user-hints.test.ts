/**
 * What a new author trips over first: a `$schema` line that does not resolve
 * (a warning, the course still checks), a list item holding ": ", a misspelled
 * key, and a new course that nobody has reviewed yet.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/content/diagnostic.js';
import { loadCourse } from '../../src/content/load-course.js';
import { check } from '../../src/pipeline/check.js';
import { removeAll } from '../support/api.js';
import { EPOCH, sampleWorkspace } from '../support/fixtures.js';

const made: string[] = [];
afterEach(() => removeAll(made));

function workspace(edit: (yaml: string) => string) {
  const ws = sampleWorkspace({ edit });
  made.push(ws.root);
  return ws;
}

const errorsOf = (dir: string) => {
  const result = loadCourse(dir);
  return result.ok ? [] : result.diagnostics.map(formatDiagnostic);
};

describe('a $schema line that does not resolve', () => {
  for (const [what, line] of [
    ['a missing file', '$schema=../../no/such/course.schema.json'],
    ['a URL', '$schema=https://example.com/course.schema.json'],
    ['nothing', '$schema='],
  ] as const) {
    it(`(${what}) is a warning naming the line; the course is valid`, () => {
      const { root, dir } = workspace((t) => t.replace('$schema=../../schema/course.schema.json', line));
      const result = check({ courseDirs: [dir], cwd: root, env: { SOURCE_DATE_EPOCH: EPOCH } });
      expect(result.ok, JSON.stringify(result.errors)).toBe(true);
      // Content diagnostics come as {file, line, column, path, message} (check --json lists them under warnings).
      expect(result.contentWarnings.map(formatDiagnostic).join('\n')).toMatch(/course\.yaml:1:\d+ {2}\$schema {2}.*node_modules\/deckhand\/schema\/course\.schema\.json/);
    });
  }
});

describe('messages for new authors', () => {
  it('a list item containing ": " gets the hint to quote it', () => {
    const { dir } = workspace((t) => t.replace(/(options:\n\s+- )[^\n]+/, '$1Physiotherapy: active exercise'));
    const [line] = errorsOf(dir);
    expect(line).toMatch(/ladder\.steps\[0\]\.options\[0\] {2}must be text, not a mapping; the ": " after "Physiotherapy" made it a "key: value" pair\. Put the whole text in quotes/);
  });

  it('a misspelled key gives only the "did you mean" line', () => {
    const { dir } = workspace((t) => t.replace(/^title:/m, 'titel:'));
    const lines = errorsOf(dir);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/titel {2}unknown key "titel"; did you mean "title"\?/);
  });
});

describe('review of a new course', () => {
  const draftReview = (t: string) => t.replace(/^review:\n(?: {2}.*\n)+/m, 'review: {status: draft}\n');

  it('review: {status: draft} with no reviewer and no expiry is valid', () => {
    const { dir } = workspace(draftReview);
    expect(errorsOf(dir)).toEqual([]);
  });

  it('any other status still needs reviewers and an expiry, and says how to start instead', () => {
    const { dir } = workspace((t) => draftReview(t).replace('status: draft', 'status: in-review'));
    const lines = errorsOf(dir).join('\n');
    expect(lines).toMatch(/review {2}needs reviewers: a course with status "in-review" needs it; a course nobody has reviewed yet is status: draft/);
    expect(lines).toMatch(/review {2}needs expires/);
  });
});
