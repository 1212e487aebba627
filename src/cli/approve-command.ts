/** `deckhand approve COURSE_DIR --reviewer … --role … [--expires …] [--date …] [--same-version "reason"] [--edition ID]` */
import { isoDay, parseEpoch } from '../pipeline/dates.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import { approveCourse } from '../pipeline/approve-course.js';
import { prepareCourse } from '../pipeline/prepare-course.js';
import { displayPath } from '../content/load-course.js';
import { EXIT } from '../errors.js';
import type { Terminal } from './terminal.js';

export interface ApproveFlags {
  reviewer: string;
  role: string;
  expires?: string;
  date?: string;
  sameVersion?: string;
  edition?: string;
}

export function approveCommand(dir: string, options: ApproveFlags, terminal: Terminal): number {
  const date = options.date ?? isoDay(process.env.SOURCE_DATE_EPOCH ? parseEpoch(process.env.SOURCE_DATE_EPOCH) : new Date());
  const result = approveCourse(dir, {
    reviewer: options.reviewer,
    role: options.role,
    date,
    ...(options.expires ? { expires: options.expires } : {}),
    ...(options.sameVersion ? { sameVersion: options.sameVersion } : {}),
  }, options.edition ? { edition: options.edition } : {});
  if (!result.ok) {
    for (const d of result.errors) terminal.info(formatDiagnostic(d));
    const versionOnly = result.errors.length === 1 && result.errors[0]?.path === 'document.version';
    terminal.error(versionOnly ? 'not approved: give the changed content a new version first' : 'fix these problems before approving: only valid content can be signed off');
    return EXIT.content;
  }
  terminal.info(`${result.replaced ? 'updated' : 'added'} sign-off by ${options.reviewer} (${options.role}) on ${date}${options.edition ? ` for edition ${options.edition}` : ''}`);
  if (options.sameVersion) terminal.info(`kept the version on purpose; reason recorded in ${displayPath(result.snapshot)}: ${options.sameVersion}`);
  terminal.info(`fingerprint ${result.fingerprint}`);
  terminal.info(`wrote ${displayPath(result.file)} and ${displayPath(result.snapshot)}`);
  if (result.stale.length > 0) {
    terminal.warn(
      `the sign-off by ${result.stale.join(', ')} covers an earlier version of the content; the course stays a draft until they sign again (deckhand approve --reviewer "${result.stale[0]}" …) or are removed from review.reviewers`,
    );
  }
  // Market rules (e.g. the longest review period) apply to what was just written.
  const after = prepareCourse(dir, { today: date, ...(options.edition ? { edition: options.edition } : {}) });
  if (!after.ok) {
    for (const d of after.diagnostics) terminal.info(formatDiagnostic(d));
    terminal.warn('the sign-off is recorded, but the edition does not meet its market profile yet; fix the problems above');
    return EXIT.content;
  }
  return EXIT.ok;
}
