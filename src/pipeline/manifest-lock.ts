/**
 * The manifest is a read-modify-write of <out>/manifest.json: two builds into
 * one --out that finish together would each read the old file and the last
 * write would drop the other's entries (7 of 8 outputs listed, 2 runs in 20).
 * The merge therefore runs under a lock file (proper-lockfile: an atomic mkdir
 * with a heartbeat, so a lock left by a killed build goes stale and is taken over).
 */
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { environmentError } from '../errors.js';
import type { OutputRecord } from './run-targets.js';
import { MANIFEST_FILE, writeManifest, type ManifestCourse } from './manifest.js';

export const MANIFEST_LOCK = `${MANIFEST_FILE}.lock`;

/** Runs `fn` holding the manifest lock of `outDir` (waits up to ~30 s for another build to finish). */
export async function withManifestLock<T>(outDir: string, fn: () => T): Promise<T> {
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(outDir, {
      lockfilePath: join(outDir, MANIFEST_LOCK),
      realpath: false,
      stale: 10_000,
      retries: { retries: 300, factor: 1.2, minTimeout: 10, maxTimeout: 100, randomize: true },
    });
  } catch (error) {
    throw environmentError(`cannot lock ${join(outDir, MANIFEST_FILE)} (another build holds it, or the folder is not writable): ${(error as Error).message}`, error);
  }
  try {
    return fn();
  } finally {
    await release().catch(() => undefined);
  }
}

/** Merges `outputs` into <out>/manifest.json under the lock; returns the manifest path. */
export function recordOutputs(outDir: string, outputs: OutputRecord[], courses: ManifestCourse[]): Promise<string> {
  return withManifestLock(outDir, () => writeManifest(outDir, outputs, courses));
}
