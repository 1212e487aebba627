/**
 * `<out>/manifest.json`: the audit trail of a build. For every output: course, edition,
 * kind, path (relative to the manifest), sha256, bytes, the source fingerprint, approval status,
 * reviewers and deckhand version. No timestamps of its own, so identical
 * builds give identical manifests.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { DECKHAND_VERSION } from '../version.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { OutputRecord } from './run-targets.js';
import type { PreparedCourse } from './prepare-course.js';
import { checkWithdrawal, withdrawalFileFor } from './verify-checks/withdrawal.js';

export const MANIFEST_FILE = 'manifest.json';

/**
 * What the manifest says of a course edition. A build keeps this much of every
 * course to the end, not the prepared course (its content, view and compile
 * input), so its memory does not grow with the number of courses.
 */
export interface ManifestCourse {
  id: string;
  edition: Pick<PreparedCourse['edition'], 'edition'>;
  fingerprint: string;
  date: Date;
  state: Pick<PreparedCourse['state'], 'approved' | 'reasons'>;
  loaded: Pick<PreparedCourse['loaded'], 'dir' | 'file' | 'sourceSha256' | 'sourceFiles'> & { course: Pick<PreparedCourse['loaded']['course'], 'document' | 'review'> };
}

export function manifestCourse(c: PreparedCourse): ManifestCourse {
  const { dir, file, sourceSha256, sourceFiles, course } = c.loaded;
  return {
    id: c.id,
    edition: { edition: c.edition.edition },
    fingerprint: c.fingerprint,
    date: c.date,
    state: { approved: c.state.approved, reasons: c.state.reasons },
    loaded: { dir, file, sourceSha256, sourceFiles, course: { document: course.document, review: course.review } },
  };
}

export function writeManifest(outDir: string, outputs: OutputRecord[], courses: ManifestCourse[]): string {
  const byId = new Map(courses.map((c) => [`${c.id}/${c.edition.edition}`, c]));
  const withdrawals = new Map(courses.map((c) => [c, checkWithdrawal(withdrawalFileFor(c.loaded.dir), c.loaded.course.document.code, c.loaded.course.document.version).withdrawn] as const));
  const entries = outputs.map((o) => {
    const course = byId.get(`${o.course}/${o.edition}`);
    const c = course?.loaded.course;
    return {
      course: o.course,
      edition: o.edition,
      kind: o.kind,
      path: `${o.course}/${basename(o.path)}`,
      sha256: o.sha256,
      bytes: o.bytes,
      ...(o.pages ? { pages: o.pages } : {}),
      ...(o.drawnSha256 ? { drawnSha256: o.drawnSha256 } : {}),
      ...(o.pdfa ? { pdfa: 'PDF/A-2b' } : {}),
      ...(o.signedBy ? { signedBy: o.signedBy } : {}),
      ...(course && withdrawals.get(course) ? { withdrawn: { date: withdrawals.get(course)?.date, reason: withdrawals.get(course)?.reason } } : {}),
      source: course ? { file: course.loaded.file, sha256: course.loaded.sourceSha256, fingerprint: course.fingerprint, date: course.date.toISOString() } : undefined,
      ...(course?.loaded.sourceFiles.length ? { references: course.loaded.sourceFiles.map((f) => ({ id: f.id, file: f.file, sha256: f.sha256, bytes: f.bytes })) } : {}),
      documentCode: c?.document.code,
      version: c?.document.version,
      approval: course ? { approved: course.state.approved, status: c?.review.status, expires: c?.review.expires, reasons: course.state.reasons } : undefined,
      reviewers: c?.review.reviewers.map((r) => ({ name: r.name, role: r.role, date: r.date, fingerprint: r.fingerprint ?? null })),
      deckhandVersion: DECKHAND_VERSION,
    };
  });
  // A partial build (one course, --only, --shard) keeps the entries of other
  // outputs that are still in the folder unchanged, so the manifest always
  // describes everything there.
  const file = join(outDir, MANIFEST_FILE);
  const built = new Set(entries.map((e) => e.path));
  const kept = previousEntries(file).filter((e) => !built.has(e.path) && stillThere(outDir, e));
  const all = [...kept, ...entries].sort((a, b) => a.path.localeCompare(b.path));
  // The personalised copies (`deckhand personalize`, personalisation-manifest.ts) stay listed while they are there.
  const personalised = previousEntries(file, 'personalised').filter((e) => stillThere(outDir, e));
  writeFileAtomic(file, `${JSON.stringify({ generator: `deckhand ${DECKHAND_VERSION}`, outputs: all, ...(personalised.length ? { personalised } : {}) }, null, 2)}\n`);
  return file;
}

type Entry = { path: string; sha256: string } & Record<string, unknown>;

function previousEntries(file: string, section: 'outputs' | 'personalised' = 'outputs'): Entry[] {
  if (!existsSync(file)) return [];
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, Entry[] | undefined>;
    const list = data[section];
    return Array.isArray(list) ? list.filter((e) => typeof e.path === 'string' && typeof e.sha256 === 'string') : [];
  } catch {
    return [];
  }
}

function stillThere(outDir: string, entry: Entry): boolean {
  const target = join(outDir, entry.path);
  return existsSync(target) && createHash('sha256').update(readFileSync(target)).digest('hex') === entry.sha256;
}
