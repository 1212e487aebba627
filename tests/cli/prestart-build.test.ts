/**
 * The CLI's guess, before loading the build, of whether anything will print:
 * "yes" starts Chromium early. It must say "no" for a no-op rebuild (which
 * launches no browser) and for builds of kinds that do not print.
 */
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { likelyToPrint } from '../../src/cli/prestart-build.js';
import { CACHE_FILE } from '../../src/pipeline/cache.js';
import { tempDir } from '../support/fixtures.js';

function course(root: string, id: string): string {
  const dir = join(root, 'decks', id);
  mkdirSync(join(dir, 'editions'), { recursive: true });
  writeFileSync(join(dir, 'course.yaml'), `# a course\nid: "${id}"\ntitle: T\n`);
  writeFileSync(join(dir, 'editions', 'de-de.yaml'), 'language: de\n');
  return dir;
}

function cacheFor(root: string, id: string, age: number): void {
  mkdirSync(join(root, 'output', id), { recursive: true });
  const file = join(root, 'output', id, CACHE_FILE);
  writeFileSync(file, '{}');
  const t = Date.now() / 1000 - age;
  utimesSync(file, t, t);
}

const old = (file: string) => utimesSync(file, Date.now() / 1000 - 3600, Date.now() / 1000 - 3600);

describe('likelyToPrint', () => {
  it('says no for kinds that do not print, whatever the cache', () => {
    const root = tempDir();
    course(root, 'a');
    expect(likelyToPrint({ dirs: [], out: 'output', only: 'deck-md,deck-html', force: true }, root)).toBe(false);
    expect(likelyToPrint({ dirs: [], out: 'output', only: 'deck-md,handout-pdf' }, root)).toBe(true);
    expect(likelyToPrint({ dirs: [], out: 'output', only: 'slides-6up' }, root)).toBe(true);
  });

  it('says yes without a cache, and with --force or --release', () => {
    const root = tempDir();
    course(root, 'a');
    expect(likelyToPrint({ dirs: [], out: 'output' }, root)).toBe(true);
    cacheFor(root, 'a', 0);
    for (const f of ['course.yaml', 'editions/de-de.yaml']) old(join(root, 'decks', 'a', f));
    expect(likelyToPrint({ dirs: [], out: 'output' }, root)).toBe(false);
    expect(likelyToPrint({ dirs: [], out: 'output', force: true }, root)).toBe(true);
    expect(likelyToPrint({ dirs: [], out: 'output', release: true }, root)).toBe(true);
  });

  it('says yes once any file of a named course is newer than its cache, also deep inside it', () => {
    const root = tempDir();
    const a = course(root, 'a');
    const b = course(root, 'b');
    for (const dir of [a, b]) for (const f of ['course.yaml', 'editions/de-de.yaml']) old(join(dir, f));
    cacheFor(root, 'a', 60);
    cacheFor(root, 'b', 60);
    expect(likelyToPrint({ dirs: ['decks/a', 'decks/b'], out: 'output' }, root)).toBe(false);
    writeFileSync(join(b, 'editions', 'de-de.yaml'), 'language: de\n# edited\n');
    expect(likelyToPrint({ dirs: ['decks/a'], out: 'output' }, root)).toBe(false);
    expect(likelyToPrint({ dirs: ['decks/a', 'decks/b'], out: 'output' }, root)).toBe(true);
    expect(likelyToPrint({ dirs: ['decks/b'], out: 'elsewhere' }, root), 'no cache in that folder').toBe(true);
  });
});
