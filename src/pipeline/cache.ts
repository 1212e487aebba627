/**
 * The incremental-build cache, one small JSON file per course output folder,
 * with entries per edition and kind. Like ninja's depfiles, an entry keeps the
 * template files its target read last time; the "template" key component
 * hashes exactly those.
 * A target is up to date when every input component that determines it has the
 * same hash as last time and the output file still has the recorded sha256.
 * Each component has a name, so a rebuild can say why ("template changed").
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';

export const CACHE_FILE = '.deckhand-cache.json';

/** Input component → hash. Names double as the human reason ("<name> changed"). */
export type CacheKey = Record<string, string>;

export interface CacheEntry {
  key: CacheKey;
  sha256: string;
  bytes: number;
  pages?: number;
  /** Template files (rel paths) the target read when it was last made. */
  reads: string[];
}

/** edition id → kind → entry. */
export type CourseCache = Record<string, Record<string, CacheEntry>>;
const FORMAT = 2;

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export function readCache(courseOutDir: string): CourseCache {
  const file = join(courseOutDir, CACHE_FILE);
  if (!existsSync(file)) return {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; editions?: CourseCache };
    return data.format === FORMAT && data.editions ? data.editions : {};
  } catch {
    return {};
  }
}

export function writeCache(courseOutDir: string, cache: CourseCache): void {
  writeFileAtomic(join(courseOutDir, CACHE_FILE), `${JSON.stringify({ format: FORMAT, editions: cache }, null, 2)}\n`);
}

/** Why a target must be rebuilt; empty when it is up to date. */
export function staleReasons(entry: CacheEntry | undefined, key: CacheKey, file: string): string[] {
  if (!entry) return ['not built before'];
  const reasons = Object.keys({ ...key, ...entry.key })
    .sort()
    .filter((name) => key[name] !== entry.key[name])
    .map((name) => `${name} changed`);
  if (!existsSync(file)) reasons.push('output missing');
  else if (reasons.length === 0 && sha256(readFileSync(file)) !== entry.sha256) reasons.push('output modified');
  return reasons;
}
