/** Approve a course folder: validate it, then record the sign-off (see review/approve.ts). */
import type { Diagnostic } from '../content/diagnostic.js';
import { approve as recordSignOff, type ApproveResult, type SignOff } from '../review/approve.js';
import { prepareCourse } from './prepare-course.js';

export type ApproveOutcome = ({ ok: true } & ApproveResult) | { ok: false; errors: Diagnostic[] };

/** Only valid content can be signed off; the review day for validation is the sign-off date. */
export function approveCourse(courseDir: string, signOff: SignOff, options: { cwd?: string; edition?: string } = {}): ApproveOutcome {
  const prepared = prepareCourse(courseDir, { today: signOff.date, marketRules: false, ...(options.cwd ? { cwd: options.cwd } : {}), ...(options.edition ? { edition: options.edition } : {}) });
  if (!prepared.ok) return { ok: false, errors: prepared.diagnostics };
  return { ok: true, ...recordSignOff(prepared.course, signOff) };
}
