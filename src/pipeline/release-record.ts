/**
 * The release record, `releases.json` beside course.yaml: every PDF that
 * `deckhand build --release` released, by edition, kind, document code and
 * version, with its drawn-content hash, file sha256, the content fingerprint
 * and the review bindings it was released under. verify looks a PDF's
 * recomputed drawn hash up here: a forger can copy a genuine XMP and
 * recompute the hash stored in the file, but cannot add to this record
 * without a change to the course folder that its owners review (commit it
 * with the course). Signing, where keys exist, makes the PDF speak for itself.
 * No timestamps of its own; entries are sorted, so a repeated release
 * writes the same bytes.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write.js';

export const RELEASE_RECORD_FILE = 'releases.json';

export interface ReleaseEntry {
  edition: string;
  kind: string;
  documentCode: string;
  version: string;
  fingerprint: string;
  /** Drawn-content hash (src/pdf/structure/drawn-content-hash.ts). */
  drawnSha256: string;
  /** sha256 of the released file (signed files: after signing). */
  sha256: string;
  /** The review bindings (src/review/binding.ts) it was released under. */
  bindings: string[];
  /** Source date of the build (ISO). */
  date: string;
  /** Common name of the signing certificate, when signed. */
  signedBy?: string;
}

export function releaseRecordFile(courseDir: string): string {
  return join(courseDir, RELEASE_RECORD_FILE);
}

export function readReleaseRecord(courseDir: string): ReleaseEntry[] {
  const file = releaseRecordFile(courseDir);
  if (!existsSync(file)) return [];
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as { format?: number; releases?: ReleaseEntry[] };
    return data.format === 1 && Array.isArray(data.releases) ? data.releases.filter((e) => typeof e.drawnSha256 === 'string') : [];
  } catch {
    return [];
  }
}

const keyOf = (e: ReleaseEntry) => [e.edition, e.kind, e.documentCode, e.version, e.drawnSha256, e.sha256].join('\0');

/** Adds entries (an identical entry is kept once); returns the file. */
export function recordReleases(courseDir: string, entries: ReleaseEntry[]): string {
  const all = new Map(readReleaseRecord(courseDir).map((e) => [keyOf(e), e]));
  for (const e of entries) all.set(keyOf(e), e);
  const releases = [...all.values()].sort((a, b) => keyOf(a).localeCompare(keyOf(b)));
  const file = releaseRecordFile(courseDir);
  writeFileAtomic(file, `${JSON.stringify({ format: 1, releases }, null, 2)}\n`);
  return file;
}

export function findRelease(entries: ReleaseEntry[], q: { edition: string; kind: string; documentCode: string; version: string; drawnSha256: string }): ReleaseEntry | undefined {
  return entries.find((e) => e.edition === q.edition && e.kind === q.kind && e.documentCode === q.documentCode && e.version === q.version && e.drawnSha256 === q.drawnSha256);
}
