/**
 * An ordinary build (decorate + seal) loads none of the archive or sign code,
 * nor the packages only they need: those load on the first request that asks
 * for them (src/pdf/phases.ts). Run in a child process, so the modules other
 * tests loaded do not count.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function modulesLoaded(mode: 'ordinary' | 'archive'): string[] {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'phases-loading.fixture.ts'), mode], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as string[];
}

const ARCHIVE_OR_SIGN = /src\/pdf\/(archive|sign)\/|node_modules\/(node-forge|@signpdf|fast-xml-parser)\//;

describe('loading the PDF phases', () => {
  it('decorate and seal load neither archive nor sign code', () => {
    const loaded = modulesLoaded('ordinary');
    expect(loaded.some((m) => m.includes('src/pdf/decorate.ts'))).toBe(true);
    expect(loaded.filter((m) => ARCHIVE_OR_SIGN.test(m))).toEqual([]);
  });

  it('a PDF/A request loads the archive code, and still no sign code', () => {
    const loaded = modulesLoaded('archive');
    expect(loaded.some((m) => m.includes('src/pdf/archive/to-pdfa.ts'))).toBe(true);
    expect(loaded.some((m) => m.includes('node_modules/fast-xml-parser/'))).toBe(true);
    expect(loaded.filter((m) => /src\/pdf\/sign\/|node_modules\/(node-forge|@signpdf)\//.test(m))).toEqual([]);
  });
});
