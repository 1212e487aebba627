/**
 * Is this course approved, right now, for exactly this content?
 *
 * Approved means: review.status is "approved", the review has not expired on
 * `today`, and every reviewer's sign-off carries the fingerprint of the current
 * content. Anything else is a draft, with reasons a person can act on.
 */
import type { Course } from '../content/schema.js';
import { checkBindings } from './binding-check.js';
import type { Canonical } from './canonical.js';
import { fieldChanges, fieldPathIn } from './field-path.js';
import type { ApprovalSnapshot } from './snapshot.js';
import type { FieldPath } from '../content/yaml-positions.js';

export interface ApprovalState {
  approved: boolean;
  /** Why it is not approved; empty when approved. */
  reasons: string[];
  /** Content fields/assets changed since the approved snapshot, items by id, e.g. `faq[id=faq-sport].answer`. */
  changed: string[];
  /** The changed content fields as paths into course.yaml (for pointing at the line); assets are left out. */
  changedFields: FieldPath[];
  /** Why the documents show a draft banner (the first reason); worded by compile/interface-text.ts. */
  draft?: DraftReason;
  fingerprint: string;
}

export type DraftReason =
  | { reason: 'status'; status: string }
  | { reason: 'unbound' }
  | { reason: 'changed'; since: string }
  | { reason: 'expired'; on: string };

export function approvalState(
  course: Course,
  current: { fingerprint: string; canonical: Canonical },
  snapshot: ApprovalSnapshot | undefined,
  today: string,
): ApprovalState {
  const { review } = course;
  const reasons: string[] = [];
  let changed: string[] = [];
  let changedFields: FieldPath[] = [];
  let draft: DraftReason | undefined;
  const lastSignOff = [...review.reviewers].map((r) => r.date).sort().at(-1) ?? '';

  if (review.status !== 'approved') {
    reasons.push(`review status is "${review.status}"`);
    draft = { reason: 'status', status: review.status };
  }
  const unbound = review.reviewers.filter((r) => r.fingerprint === undefined);
  const stale = review.reviewers.filter((r) => r.fingerprint !== undefined && r.fingerprint !== current.fingerprint);
  if (review.status === 'approved' && unbound.length > 0) {
    reasons.push(`sign-off by ${unbound.map((r) => r.name).join(', ')} is not bound to the content (run "deckhand approve")`);
    draft ??= { reason: 'unbound' };
  }
  if (stale.length > 0) {
    const approvedOn = stale.map((r) => r.date).sort().at(-1) ?? lastSignOff;
    if (snapshot) {
      const changes = fieldChanges(snapshot.canonical, current.canonical);
      changed = changes.map((c) => c.display);
      // Lines to point at: base content fields only (not assets, not an edition's overlay fields).
      changedFields = changes.filter((c) => c.segments && !c.overlay).map((c) => fieldPathIn(c.segments ?? [], course));
    }
    reasons.push(
      `content changed since approval on ${approvedOn}${changed.length ? ` (changed: ${changed.join(', ')})` : ''}`,
    );
    draft ??= { reason: 'changed', since: approvedOn };
  }
  // Each current sign-off must also still cover its reviewer's name, role, date and the expiry.
  const currentSignOffs = review.reviewers.filter((r) => r.fingerprint === current.fingerprint);
  const binding = checkBindings(review, currentSignOffs, snapshot);
  if (review.status === 'approved' && binding.length > 0) {
    reasons.push(...binding);
    draft ??= { reason: 'unbound' };
  }
  if (review.expires !== undefined && review.expires < today) {
    reasons.push(`review expired on ${review.expires}`);
    draft ??= { reason: 'expired', on: review.expires };
  }
  const approved = reasons.length === 0;
  return {
    approved,
    reasons,
    changed,
    changedFields,
    ...(approved || !draft ? {} : { draft }),
    fingerprint: current.fingerprint,
  };
}
