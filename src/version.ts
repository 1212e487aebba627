import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CODE_ROOT, PACKAGE_ROOT } from './package-root.js';

/** deckhand's own version, from package.json; stamped into every PDF and the manifest. */
export const DECKHAND_VERSION: string = (
  JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }
).version;

const BUNDLE_DIR = join(CODE_ROOT, 'bundle');

/**
 * Identity of the code that builds: deckhand's version plus a hash of its own
 * modules and the dependency lock file. Part of every cache key, so upgrading
 * deckhand or a dependency (a font, marp-core) rebuilds what it could change.
 * dist/bundle/ is left out: esbuild makes it from the same sources and locked
 * dependencies, and leaving it out gives the CLI (which runs the bundle) and
 * the library (tsc's modules) one fingerprint, so each trusts the other's cache.
 */
export function codeFingerprint(): string {
  if (cachedFingerprint) return cachedFingerprint;
  const hash = createHash('sha256').update(DECKHAND_VERSION);
  const root = `${CODE_ROOT}/`;
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) => (e.isDirectory() ? (join(dir, e.name) === BUNDLE_DIR ? [] : walk(join(dir, e.name))) : /\.(js|ts)$/.test(e.name) ? [join(dir, e.name)] : []));
  for (const file of walk(root)) hash.update(file.slice(root.length)).update(readFileSync(file));
  const lock = join(PACKAGE_ROOT, 'package-lock.json');
  if (existsSync(lock)) hash.update(readFileSync(lock));
  cachedFingerprint = `${DECKHAND_VERSION}+${hash.digest('hex').slice(0, 16)}`;
  return cachedFingerprint;
}

let cachedFingerprint: string | undefined;
