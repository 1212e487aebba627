/**
 * deckhand's own folder, the one that holds its package.json, templates/ and
 * assets/. Found by walking up from this module, so it is right wherever the
 * code runs from: src/ (tsx, vitest), dist/ (tsc) or dist/bundle/ (the
 * esbuild bundle the CLI runs, where every module shares one file's URL).
 */
import { existsSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

function packageRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return dir;
    if (dirname(dir) === dir) throw new Error(`deckhand's package folder (package.json and templates/) was not found above ${from}`);
  }
}

const here = dirname(fileURLToPath(import.meta.url));

export const PACKAGE_ROOT = packageRoot(here);

/** The folder of deckhand's running code: src/ under tsx, else dist/ (tsc's modules and the bundle both). */
export const CODE_ROOT = join(PACKAGE_ROOT, relative(PACKAGE_ROOT, here).split(sep)[0] === 'src' ? 'src' : 'dist');
