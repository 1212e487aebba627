/** Approve a course folder: validate it, then record the sign-off (see review/approve.ts). */
import type { Diagnostic } from '../content/diagnostic.js';
import { approve as recordSignOff, type ApproveResult, type SignOff } from '../review/approve.js';
import { versionStallMessage } from '../review/version-check.js';
import { prepareCourse } from './prepare-course.js';

export type ApproveOutcome = ({ ok: true } & ApproveResult) | { ok: false; errors: Diagnostic[] };

/** Only valid content can be signed off; the review day for validation is the sign-off date. */
export function approveCourse(courseDir: string, signOff: SignOff, options: { cwd?: string; edition?: string } = {}): ApproveOutcome {
  const prepared = prepareCourse(courseDir, { today: signOff.date, marketRules: false, ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.edition ? { edition: options.edition } : {}) });
  if (!prepared.ok) return { ok: false, errors: prepared.diagnostics };
  const { versionStall, loaded } = prepared.course;
  if (versionStall && !signOff.sameVersion?.trim()) {
    const pos = loaded.sourceMap.positionOf(['document', 'version']);
    return { ok: false, errors: [{ file: loaded.file, ...pos, path: 'document.version', message: `not approved: ${versionStallMessage(versionStall)}` }] };
  }
  return { ok: true, ...recordSignOff(prepared.course, signOff) };
}
