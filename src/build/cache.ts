/**
 * The incremental-build cache, one small JSON file per course output folder.
 * A target is up to date when every input component that determines it has the
 * same hash as last time and the output file still has the recorded sha256.
 * Each component has a name, so a rebuild can say why ("template changed").
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { TargetKind } from './targets.js';

export const CACHE_FILE = '.deckhand-cache.json';

/** Input component → hash. Names double as the human reason ("<name> changed"). */
export type CacheKey = Record<string, string>;

export interface CacheEntry {
  key: CacheKey;
  sha256: string;
  bytes: number;
  pages?: number;
}

export type CourseCache = Partial<Record<TargetKind, CacheEntry>>;

export const sha256 = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

export function readCache(courseOutDir: string): CourseCache {
  const file = join(courseOutDir, CACHE_FILE);
  if (!existsSync(file)) return {};
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as CourseCache;
  } catch {
    return {};
  }
}

export function writeCache(courseOutDir: string, cache: CourseCache): void {
  writeFileAtomic(join(courseOutDir, CACHE_FILE), `${JSON.stringify(cache, null, 2)}\n`);
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
