import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../src/content/load-course.js';
import { canonicalForm, changedPaths, fingerprint } from '../../src/review/canonical.js';
import { sampleWorkspace } from '../support/fixtures.js';

function fingerprintOf(edit: (yaml: string) => string = (y) => y): string {
  const ws = sampleWorkspace({ edit });
  const result = loadCourse(ws.dir, ws.root);
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return fingerprint(canonicalForm(result.loaded.course));
}

describe('the content fingerprint', () => {
  const original = fingerprintOf();

  it('does not change when keys are reordered', () => {
    const moved = fingerprintOf((y) => {
      // Move the whole `keywords:` block to the top of the file, and swap two keys inside `document`.
      const lines = y.split('\n');
      const start = lines.findIndex((l) => l.startsWith('keywords:'));
      const length = lines.slice(start + 1).findIndex((l) => /^[a-zA-Z]/.test(l)) + 1;
      const block = lines.splice(start, length);
      expect(block.length).toBeGreaterThan(2);
      lines.splice(lines.findIndex((l) => l.startsWith('schemaVersion:')) + 1, 0, ...block);
      return lines.join('\n').replace(/^(  code: .*)\n(  version: .*)$/m, '$2\n$1');
    });
    expect(moved).toBe(original);
  });

  it('does not change with comments, quoting or folding', () => {
    const reformatted = fingerprintOf((y) =>
      y
        .replace(/^title: (.*)$/m, '# the course title\ntitle: "$1"  # quoted now')
        .replace(/^markets: \[GLOBAL, TR, DE\]$/m, 'markets:\n  - GLOBAL\n  - TR\n  - DE'),
    );
    expect(reformatted).toBe(original);
  });

  it('does not cover the review block', () => {
    expect(fingerprintOf((y) => y.replace('expires: "2027-11-30"', 'expires: "2027-12-31"'))).toBe(original);
  });

  it('changes when the content changes, and names the changed field', () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace('No. It is generally seen', 'No. It is usually seen') });
    const result = loadCourse(ws.dir, ws.root);
    const base = loadCourse(sampleWorkspace().dir);
    if (!result.ok || !base.ok) throw new Error('load');
    const before = canonicalForm(base.loaded.course);
    const after = canonicalForm(result.loaded.course);
    expect(fingerprint(after)).not.toBe(original);
    expect(changedPaths(before, after)).toEqual(['content.faq[0].answer']);
  });
});
