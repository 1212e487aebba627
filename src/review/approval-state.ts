/**
 * Is this course approved, right now, for exactly this content?
 *
 * Approved means: review.status is "approved", the review has not expired on
 * `today`, and every reviewer's sign-off carries the fingerprint of the current
 * content. Anything else is a draft, with reasons a person can act on.
 */
import type { Course } from '../content/schema.js';
import { changedPaths, type Canonical } from './canonical.js';
import type { ApprovalSnapshot } from './snapshot.js';

export interface ApprovalState {
  approved: boolean;
  /** Why it is not approved; empty when approved. */
  reasons: string[];
  /** Content fields/assets changed since the approved snapshot, e.g. `faq[1].answer`. */
  changed: string[];
  /** The line shown on drafts, e.g. "Draft — content changed since approval on 2026-11-16". */
  draftMessage?: string;
  /** Short status for document-control blocks. */
  statusLabel: string;
  fingerprint: string;
}

export function approvalState(
  course: Course,
  current: { fingerprint: string; canonical: Canonical },
  snapshot: ApprovalSnapshot | undefined,
  today: string,
): ApprovalState {
  const { review } = course;
  const reasons: string[] = [];
  let changed: string[] = [];
  let draftMessage: string | undefined;
  const lastSignOff = [...review.reviewers].map((r) => r.date).sort().at(-1) ?? '';

  if (review.status !== 'approved') {
    reasons.push(`review status is "${review.status}"`);
    draftMessage = `Draft — review status: ${review.status}`;
  }
  const unbound = review.reviewers.filter((r) => r.fingerprint === undefined);
  const stale = review.reviewers.filter((r) => r.fingerprint !== undefined && r.fingerprint !== current.fingerprint);
  if (review.status === 'approved' && unbound.length > 0) {
    reasons.push(`sign-off by ${unbound.map((r) => r.name).join(', ')} is not bound to the content (run "deckhand approve")`);
    draftMessage ??= 'Draft — approval not bound to this content';
  }
  if (stale.length > 0) {
    const approvedOn = stale.map((r) => r.date).sort().at(-1) ?? lastSignOff;
    if (snapshot) changed = changedPaths(snapshot.canonical, current.canonical).map(pretty);
    reasons.push(
      `content changed since approval on ${approvedOn}${changed.length ? ` (changed: ${changed.join(', ')})` : ''}`,
    );
    draftMessage ??= `Draft — content changed since approval on ${approvedOn}`;
  }
  if (review.expires < today) {
    reasons.push(`review expired on ${review.expires}`);
    draftMessage ??= `Draft — review expired on ${review.expires}`;
  }
  const approved = reasons.length === 0;
  return {
    approved,
    reasons,
    changed,
    ...(approved ? {} : { draftMessage }),
    statusLabel: approved ? 'Approved' : (draftMessage ?? 'Draft').replace(/^Draft — /, 'Not approved: '),
    fingerprint: current.fingerprint,
  };
}

/** `content.faq[1].answer` → `faq[1].answer`; `assets.x.png` → `asset x.png`. */
function pretty(path: string): string {
  if (path.startsWith('content.')) return path.slice('content.'.length);
  if (path.startsWith('assets.')) return `asset ${path.slice('assets.'.length)}`;
  return path;
}
