/**
 * An output kind added from outside: a JSON dump of the compiled course,
 * registered through the API alone. It is accepted by --only, reported in the
 * JSON report and the manifest, cached, and rebuilt when its inputs change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildReport, TargetRegistry, type Target } from '../../src/index.js';
import { buildWith, removeAll } from '../support/api.js';
import { sampleWorkspace, SAMPLE_ID, tempDir } from '../support/fixtures.js';

/** The whole new kind: one module's worth of code. */
const courseJson: Target = {
  kind: 'course-json',
  suffix: 'course.json',
  browser: false,
  async produce(ctx) {
    const deck = ctx.deck();
    const json = { edition: ctx.edition, title: ctx.input.course.title, slides: deck.slideCount, outline: deck.outline, notes: deck.notes };
    return { bytes: Buffer.from(`${JSON.stringify(json, null, 2)}\n`), reads: deck.reads.markdown };
  },
};

const temps: string[] = [];
afterAll(() => removeAll(temps));

describe('a new output kind', () => {
  it('is known to --only alongside the built-in kinds', () => {
    const registry = new TargetRegistry([courseJson]);
    expect(registry.kinds).toEqual([...new TargetRegistry().kinds, 'course-json']);
    expect(registry.kinds.slice(0, 4)).toEqual(['deck-md', 'deck-html', 'deck-pdf', 'handout-pdf']);
    expect(registry.parseOnly('deck-md, course-json')).toEqual({ kinds: ['deck-md', 'course-json'] });
    expect(registry.parseOnly('course-jsn')).toEqual({ bad: ['course-jsn'] });
    expect(new TargetRegistry().parseOnly('course-json')).toEqual({ bad: ['course-json'] });
  });

  it('is built, reported, listed in the manifest, cached and rebuilt', async () => {
    const ws = sampleWorkspace();
    const out = tempDir();
    temps.push(ws.root, out);
    const options = { courseDirs: [ws.dir], outDir: out, cwd: ws.root, targets: [courseJson], kinds: ['deck-md', 'course-json'], editions: ['base'] };

    const first = await buildWith(options);
    expect(first.errors).toEqual([]);
    const report = buildReport(first);
    const entry = report.outputs.find((o) => o.kind === 'course-json');
    expect(entry).toMatchObject({ course: SAMPLE_ID, edition: 'base', rebuilt: true, reasons: ['not built before'] });
    const file = join(out, SAMPLE_ID, `${SAMPLE_ID}.course.json`);
    expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ edition: { course: SAMPLE_ID, edition: 'base', language: 'en' }, notes: expect.any(Array) });
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { kind: string; path: string; sha256: string }[] };
    expect(manifest.outputs.find((o) => o.kind === 'course-json')).toMatchObject({ path: `${SAMPLE_ID}/${SAMPLE_ID}.course.json`, sha256: entry?.sha256 });
    expect(first.browserLaunches).toBe(0);

    const again = await buildWith(options);
    expect(again.outputs.map((o) => [o.kind, o.rebuilt])).toEqual([
      ['deck-md', false],
      ['course-json', false],
    ]);

    writeFileSync(ws.file, readFileSync(ws.file, 'utf8').replace(/^title: .*$/m, 'title: A changed title'));
    const changed = await buildWith(options);
    expect(changed.outputs.find((o) => o.kind === 'course-json')).toMatchObject({ rebuilt: true, reasons: expect.arrayContaining(['content changed']) });
    expect(JSON.parse(readFileSync(file, 'utf8')).title).toBe('A changed title');
  });
});
