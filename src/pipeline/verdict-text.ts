/** The one plain-language sentence `verify` leads with: what a person holding the PDF needs to know. */
import type { Verdict } from './verify.js';

export function verdictSentence(verdict: Verdict): string {
  const r = verdict.record;
  if (!r) return `NOT verified: ${verdict.problems[0] ?? 'this is not a deckhand PDF'}`;
  const what = r.kind.startsWith('deck') ? 'deck' : r.kind.startsWith('handout') ? 'handout' : 'document';
  const approvedOn = r.reviewers.map((v) => v.date).sort().at(-1);
  if (verdict.ok) {
    const by = r.reviewers.map((v) => v.name).join(', ');
    return `This ${what} matches the approved course ${r.course} (${r.documentCode} version ${r.version}${by ? `, reviewed by ${by} on ${approvedOn}` : ''}${r.reviewExpires ? `, valid until ${r.reviewExpires}` : ''}).`;
  }
  if (verdict.pages && !verdict.pages.intact) return `NOT valid: this ${what} was edited after deckhand wrote it; do not distribute it.`;
  if (r.approvalStatus !== 'approved') return `NOT approved: this ${what} was built from a draft of ${r.course}, not from approved content.`;
  if (verdict.source && !verdict.source.matches) return `NOT approved: the content changed after approval on ${approvedOn ?? 'an earlier date'}; this ${what} is not the current approved version of ${r.course}.`;
  if (verdict.problems.some((p) => p.includes('expired'))) return `NOT approved: the review of this ${what} expired on ${r.reviewExpires}.`;
  return `NOT approved: ${verdict.problems[0] ?? 'see the problems below'}.`;
}
