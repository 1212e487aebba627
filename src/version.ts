import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** deckhand's own version, from package.json; stamped into every PDF and the manifest. */
export const DECKHAND_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/**
 * Identity of the code that builds: deckhand's version plus a hash of its own
 * modules and the dependency lock file. Part of every cache key, so upgrading
 * deckhand or a dependency (a font, marp-core) rebuilds what it could change.
 */
export function codeFingerprint(): string {
  if (cachedFingerprint) return cachedFingerprint;
  const hash = createHash('sha256').update(DECKHAND_VERSION);
  const root = fileURLToPath(new URL('.', import.meta.url));
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true })
      .sort((a, b) => a.name.localeCompare(b.name))
      .flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : /\.(js|ts)$/.test(e.name) ? [join(dir, e.name)] : []));
  for (const file of walk(root)) hash.update(file.slice(root.length)).update(readFileSync(file));
  const lock = new URL('../package-lock.json', import.meta.url);
  if (existsSync(lock)) hash.update(readFileSync(lock));
  cachedFingerprint = `${DECKHAND_VERSION}+${hash.digest('hex').slice(0, 16)}`;
  return cachedFingerprint;
}

let cachedFingerprint: string | undefined;
