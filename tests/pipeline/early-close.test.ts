/**
 * A build's own Chromium is closed as soon as the last planned print is back,
 * while the PDF phases still run. Should anything print after that (a kind
 * from outside that prints without saying `browser: true`), it gets a new
 * Chromium rather than a closed session.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Target } from '../../src/index.js';
import { buildWith, removeAll } from '../support/api.js';
import { sampleWorkspace, SAMPLE_ID, tempDir } from '../support/fixtures.js';

/** Waits for the deck's print, then prints a page of its own: after the build's last planned print. */
const latePrint: Target = {
  kind: 'late-print',
  suffix: 'late.pdf',
  browser: false,
  async produce(ctx) {
    await ctx.product('deck-pdf');
    return { bytes: await ctx.print('<!doctype html><p>printed after the last planned print</p>', 'late print'), reads: [] };
  },
};

const temps: string[] = [];
afterAll(() => removeAll(temps));

describe('closing Chromium early', () => {
  it('a print after the last planned one starts a new Chromium, and both are counted', async () => {
    const ws = sampleWorkspace();
    const out = tempDir();
    temps.push(ws.root, out);
    const result = await buildWith({ courseDirs: [ws.dir], outDir: out, cwd: ws.root, targets: [latePrint], kinds: ['deck-pdf', 'late-print'], editions: ['base'] });
    expect(result.errors).toEqual([]);
    expect(result.outputs.map((o) => o.kind)).toEqual(['deck-pdf', 'late-print']);
    expect(readFileSync(join(out, SAMPLE_ID, `${SAMPLE_ID}.late.pdf`)).subarray(0, 5).toString()).toBe('%PDF-');
    // The first Chromium was closed once the deck's print was back, so the late print needed a second.
    expect(result.browserLaunches).toBe(2);
    expect(result.browserUsed).toBe(true);
  }, 120_000);

  it('a build that prints once launches once', async () => {
    const ws = sampleWorkspace();
    const out = tempDir();
    temps.push(ws.root, out);
    const result = await buildWith({ courseDirs: [ws.dir], outDir: out, cwd: ws.root, kinds: ['deck-pdf', 'handout-pdf'], editions: ['base'] });
    expect(result.errors).toEqual([]);
    expect(result.browserLaunches).toBe(1);
  }, 120_000);
});
