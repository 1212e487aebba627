/**
 * Checks each current sign-off's binding against the review block as it is
 * now; a broken binding names the field that was edited after approval,
 * from the approved snapshot's copy of what was signed.
 */
import type { Course, Reviewer } from '../content/schema.js';
import { changedBoundFields, reviewerBinding } from './binding.js';
import type { ApprovalSnapshot } from './snapshot.js';

export function checkBindings(review: Course['review'], signed: Reviewer[], snapshot: ApprovalSnapshot | undefined): string[] {
  const reasons: string[] = [];
  for (const r of signed) {
    const index = review.reviewers.indexOf(r);
    if (!r.binding) {
      reasons.push(`sign-off by ${r.name} does not bind the reviewer's name, role, date and the expiry (run "deckhand approve" again)`);
      continue;
    }
    // A draft has no expiry yet; an approved course always has one (schema), so '' only ever fails to match.
    const now = { fingerprint: r.fingerprint ?? '', name: r.name, role: r.role, date: r.date, expires: review.expires ?? '' };
    if (reviewerBinding(now) === r.binding) continue;
    const was = snapshot?.reviewers?.find((s) => s.binding === r.binding);
    const fields = was ? changedBoundFields(was, now, index) : [];
    reasons.push(
      fields.length > 0
        ? `edited after approval: ${fields.map((f) => `${f} (signed as "${valueOf(was!, f)}")`).join(', ')}; sign-off by ${was!.name} no longer holds`
        : `the sign-off in review.reviewers[${index}] (${r.name}) no longer matches what was approved: its name, role, date or review.expires was edited`,
    );
  }
  return reasons;
}

function valueOf(was: { name: string; role: string; date: string; expires: string }, field: string): string {
  const key = field.split('.').at(-1) as 'name' | 'role' | 'date' | 'expires';
  return was[key];
}
