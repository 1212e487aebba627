/**
 * Resource limits: hostile or accidental sizes get a clear validation error
 * quickly and with bounded memory, or a bounded build. The limits are listed in
 * the README ("Limits").
 */
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/content/schema.js';
import { loadCourse, MAX_ALIAS_COUNT, MAX_COURSE_BYTES } from '../../src/content/load-course.js';
import { runJson, sampleWorkspace, tempDir } from '../support/fixtures.js';

function timedLoad(edit: (yaml: string) => string) {
  const ws = sampleWorkspace({ edit });
  const heap = process.memoryUsage().heapUsed;
  const started = performance.now();
  const result = loadCourse(ws.dir, ws.root);
  return { result, ms: performance.now() - started, heapMb: (process.memoryUsage().heapUsed - heap) / 1e6, ws };
}

const faqItems = (n: number) =>
  // Each cites the sample's source: the sample's policy requires a reference for every FAQ item.
  Array.from({ length: n }, (_, i) => `  - question: Question number ${i + 1} about the ladder?\n    answer: Answer number ${i + 1}, kept short for the test.\n    references: [invamed-ipm-care-overview]\n`).join('');

describe('resource limits', () => {
  it('refuses a YAML "billion laughs" file quickly, without expanding it', () => {
    const bomb = ['lol0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
      .concat(Array.from({ length: 9 }, (_, i) => `lol${i + 1}: &a${i + 1} [*a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}, *a${i}]`))
      .join('\n');
    const { result, ms, heapMb } = timedLoad((y) => `${y}\nbomb:\n  ${bomb.split('\n').join('\n  ')}\nkeywords2: *a9\n`);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics.map((d) => d.message).join('\n')).toContain(`at most ${MAX_ALIAS_COUNT} are allowed`);
    expect(ms).toBeLessThan(1_000);
    expect(heapMb).toBeLessThan(100);
  });

  it('refuses a 5 MB course file before parsing it', () => {
    const padding = `# ${'x'.repeat(98)}\n`.repeat(50_000);
    const { result, ms } = timedLoad((y) => y + padding);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics[0]?.message).toMatch(new RegExp(`is \\d+ bytes; a course file may be at most ${MAX_COURSE_BYTES} bytes`));
    expect(ms).toBeLessThan(500);
  });

  it(`refuses 500 FAQ items with a clear error at faq (the limit is ${LIMITS.faqItems})`, () => {
    const { result } = timedLoad((y) => y.replace(/^faq:\n/m, `faq:\n${faqItems(500)}`));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.diagnostics).toContainEqual(expect.objectContaining({ path: 'faq', message: `has more than ${LIMITS.faqItems} items (the limit)` }));
  });

  it(`builds the maximum of ${LIMITS.faqItems} FAQ items in bounded time, paginated over follow-on slides`, () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace(/^faq:\n(?: {2}- [\s\S]*?)(?=^\w)/m, `faq:\n${faqItems(LIMITS.faqItems)}`) });
    const out = tempDir();
    const started = performance.now();
    const build = runJson<{ ok: boolean; outputs: { kind: string; pages?: number }[] }>(['build', ws.dir, '--out', out, '--only', 'deck-md,deck-html', '--edition', 'base'], { cwd: ws.root });
    expect(build.status, build.stderr).toBe(0);
    expect(performance.now() - started).toBeLessThan(20_000);
    const slides = build.json.outputs.find((o) => o.kind === 'deck-html')?.pages ?? 0;
    expect(slides).toBeGreaterThan(30);
    expect(slides).toBeLessThan(80);
  });
});
