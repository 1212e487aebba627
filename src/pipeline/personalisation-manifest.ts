/**
 * The manifest's `personalised` section: one entry per personalised copy in
 * the output folder, with the rep id, the copy's sha256 and the sha256 of the
 * approved handout it was made from. A run replaces the entries of the copies
 * it wrote and keeps every other entry whose file is still there unchanged, as
 * the build does for `outputs`; `writeManifest` keeps the section in turn.
 *
 * The read-modify-write runs under `<out>/manifest.json.lock` (proper-lockfile:
 * an atomic mkdir with a heartbeat, so a lock left by a killed run goes stale),
 * the lock file name the build's manifest lock uses.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import { environmentError } from '../errors.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { DECKHAND_VERSION } from '../version.js';
import { MANIFEST_FILE } from './manifest.js';

export const MANIFEST_LOCK = `${MANIFEST_FILE}.lock`;

export interface PersonalisedEntry {
  course: string;
  edition: string;
  rep: string;
  /** Relative to the manifest's folder. */
  path: string;
  sha256: string;
  bytes: number;
  /** The approved handout the copy was made from. */
  base: { path: string; sha256: string };
  /** The personalisation date recorded in the copy (ISO 8601 UTC). */
  date: string;
  slot: string;
}

/** Merges `entries` into `<outDir>/manifest.json` under the manifest lock; returns the manifest path. */
export async function recordPersonalised(outDir: string, entries: PersonalisedEntry[]): Promise<string> {
  const file = join(outDir, MANIFEST_FILE);
  let release: () => Promise<void>;
  try {
    release = await lockfile.lock(outDir, {
      lockfilePath: join(outDir, MANIFEST_LOCK),
      realpath: false,
      stale: 10_000,
      retries: { retries: 300, factor: 1.2, minTimeout: 10, maxTimeout: 100, randomize: true },
    });
  } catch (error) {
    throw environmentError(`cannot lock ${file} (another deckhand run holds it, or the folder is not writable): ${(error as Error).message}`, error);
  }
  try {
    const data = readManifest(file);
    const written = new Set(entries.map((e) => e.path));
    const kept = keptPersonalised(data, outDir, written);
    const personalised = [...kept, ...entries].sort((a, b) => a.path.localeCompare(b.path));
    const outputs = Array.isArray(data.outputs) ? data.outputs : [];
    writeFileAtomic(file, `${JSON.stringify({ generator: data.generator ?? `deckhand ${DECKHAND_VERSION}`, outputs, personalised }, null, 2)}\n`);
    return file;
  } finally {
    await release().catch(() => undefined);
  }
}

/** The previous manifest's personalised entries, but those `replaced`, whose files are still there with the recorded sha256. */
export function keptPersonalised(data: { personalised?: unknown }, outDir: string, replaced: ReadonlySet<string> = new Set()): PersonalisedEntry[] {
  if (!Array.isArray(data.personalised)) return [];
  return (data.personalised as PersonalisedEntry[]).filter((e) => {
    if (typeof e?.path !== 'string' || typeof e.sha256 !== 'string' || replaced.has(e.path)) return false;
    const target = join(outDir, e.path);
    return existsSync(target) && createHash('sha256').update(readFileSync(target)).digest('hex') === e.sha256;
  });
}

export function readManifest(file: string): { generator?: string; outputs?: unknown[]; personalised?: unknown } {
  if (!existsSync(file)) return {};
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return data !== null && typeof data === 'object' ? (data as { outputs?: unknown[] }) : {};
  } catch {
    return {};
  }
}
