/**
 * verify check against the course: the course decides approval and expiry
 * (its bound review record), the release record decides whether these drawn
 * pages were released, and the PDF's XMP must agree with both: it is a label,
 * and a label that says something else is itself a reason to refuse.
 */
import { formatDiagnostic } from '../../content/diagnostic.js';
import { BASE_EDITION } from '../../content/edition.js';
import type { DeckhandRecord } from '../../pdf/xmp.js';
import type { Prepared, PreparedCourse } from '../prepare-course.js';
import { findRelease, readReleaseRecord, releaseRecordFile, type ReleaseEntry } from '../release-record.js';

export interface SourceCheck {
  course?: PreparedCourse;
  release?: ReleaseEntry;
  matches: boolean;
  problems: string[];
}

export function checkSource(courseDir: string, prepared: Prepared, record: DeckhandRecord, drawn: string | undefined): SourceCheck {
  if (!prepared.ok) return { matches: false, problems: [`the course cannot be read: ${prepared.diagnostics.map(formatDiagnostic).join('; ')}`] };
  const { course } = prepared;
  const problems: string[] = [];
  const doc = course.loaded.course.document;
  const edition = record.edition ?? BASE_EDITION;
  const matches = course.fingerprint === record.contentFingerprint && course.id === record.course;
  const name = edition !== BASE_EDITION ? `${course.id} edition ${edition}` : course.id;
  if (!matches) problems.push(`it does not match the current source of ${name}: the PDF was built from ${record.contentFingerprint}, the ${edition !== BASE_EDITION ? 'edition' : 'course'} is now ${course.fingerprint}`);
  if (!course.state.approved) problems.push(`the current source is not approved: ${course.state.reasons.join('; ')}`);

  const release = drawn ? findRelease(readReleaseRecord(course.loaded.dir), { edition, kind: record.kind, documentCode: doc.code, version: doc.version, drawnSha256: drawn }) : undefined;
  if (!release) {
    problems.push(`not a released copy of ${doc.code} version ${doc.version}: what it draws (sha256 ${drawn ?? 'unreadable'}) is not in the release record ${releaseRecordFile(courseDir)}; only files written by "deckhand build --release" verify against the course`);
  }

  // The XMP label must say what the course says.
  const review = course.loaded.course.review;
  const label: [string, string, string][] = [
    ['approval status', record.approvalStatus, course.state.approved ? 'approved' : 'draft'],
    ['review expiry', record.reviewExpires, review.expires ?? ''],
    ['document code', record.documentCode, doc.code],
    ['version', record.version, doc.version],
    ['reviewers', record.reviewers.map((r) => `${r.name} (${r.role}) ${r.date}`).join('; '), review.reviewers.map((r) => `${r.name} (${r.role}) ${r.date}`).join('; ')],
  ];
  for (const [what, says, truth] of label) {
    if (says !== truth) problems.push(`its XMP label gives the ${what} as "${says}", but the course says "${truth}": the label was edited or the PDF belongs to another review`);
  }
  return { course, ...(release ? { release } : {}), matches, problems };
}
