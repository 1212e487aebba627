/**
 * The review binding: one hash per sign-off over everything the sign-off
 * vouches for: the content fingerprint, the reviewer's own printed name,
 * role and date, and the review's expiry. `deckhand approve` writes it next
 * to the fingerprint; editing any of these afterwards (a grander title, an
 * expiry pushed to 2099) breaks it, and the approved snapshot says which
 * field it was. Not a secret: it detects edits, the signature and the
 * reviewers' version control make them accountable (see SECURITY.md).
 */
import { createHash } from 'node:crypto';

export interface BoundFields {
  fingerprint: string;
  name: string;
  role: string;
  date: string;
  expires: string;
}

/** The reviewer fields a binding covers, as the review block names them. */
export const BOUND_FIELDS = ['name', 'role', 'date', 'expires'] as const;

/** `sha256:<hex>` over the canonical JSON of the bound fields (fixed key order). */
export function reviewerBinding(f: BoundFields): string {
  const canonical = JSON.stringify(['deckhand-review-binding-1', f.fingerprint, f.name, f.role, f.date, f.expires]);
  return `sha256:${createHash('sha256').update(canonical).digest('hex')}`;
}

/**
 * Which bound fields differ between what was signed (`signed`, from the
 * approved snapshot) and what the course says now; field paths as the review
 * block has them (`review.reviewers[0].role`, `review.expires`).
 */
export function changedBoundFields(signed: Omit<BoundFields, 'fingerprint'>, now: Omit<BoundFields, 'fingerprint'>, index: number): string[] {
  return BOUND_FIELDS.filter((k) => signed[k] !== now[k]).map((k) => (k === 'expires' ? 'review.expires' : `review.reviewers[${index}].${k}`));
}
