/**
 * `<out>/manifest.json`: the audit trail of a build. For every output: course,
 * kind, path (relative to the manifest), sha256, bytes, the source fingerprint, approval status,
 * reviewers and deckhand version. No timestamps of its own, so identical
 * builds give identical manifests.
 */
import { basename, join } from 'node:path';
import { DECKHAND_VERSION } from '../version.js';
import { writeFileAtomic } from './atomic-write.js';
import type { OutputRecord } from './course-targets.js';
import type { PreparedCourse } from './prepare-course.js';

export const MANIFEST_FILE = 'manifest.json';

export function writeManifest(outDir: string, outputs: OutputRecord[], courses: PreparedCourse[]): string {
  const byId = new Map(courses.map((c) => [c.id, c]));
  const manifest = {
    generator: `deckhand ${DECKHAND_VERSION}`,
    outputs: outputs.map((o) => {
      const course = byId.get(o.course);
      const c = course?.loaded.course;
      return {
        course: o.course,
        kind: o.kind,
        path: `${o.course}/${basename(o.path)}`,
        sha256: o.sha256,
        bytes: o.bytes,
        ...(o.pages ? { pages: o.pages } : {}),
        source: course ? { file: course.loaded.file, sha256: course.loaded.sourceSha256, fingerprint: course.fingerprint, date: course.date.toISOString() } : undefined,
        documentCode: c?.document.code,
        version: c?.document.version,
        approval: course ? { approved: course.state.approved, status: c?.review.status, expires: c?.review.expires, reasons: course.state.reasons } : undefined,
        reviewers: c?.review.reviewers.map((r) => ({ name: r.name, role: r.role, date: r.date, fingerprint: r.fingerprint ?? null })),
        deckhandVersion: DECKHAND_VERSION,
      };
    }),
  };
  const file = join(outDir, MANIFEST_FILE);
  writeFileAtomic(file, `${JSON.stringify(manifest, null, 2)}\n`);
  return file;
}
