/**
 * Writes a whole `review:` block where course.yaml has none to extend: a new
 * draft (`review: {status: draft}` or a block without reviewers). The old
 * value is replaced; the rest of the file stays byte for byte.
 */
import { isMap, isNode, isScalar, isSeq, type Document } from 'yaml';
import { usageError } from '../errors.js';

export interface ReviewBlock {
  status: string;
  expires: string;
  reviewer: { name: string; role: string; date: string; fingerprint: string; binding: string };
}

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** The edit that replaces the `review` pair's value with a full block holding one sign-off. */
export function reviewBlockEdit(doc: Document, source: string, block: ReviewBlock, scalar: (value: string) => string): TextEdit {
  const root = doc.contents;
  if (!isMap(root)) throw usageError('course.yaml is not a mapping');
  const pair = root.items.find((p) => isScalar(p.key) && p.key.value === 'review');
  if (!pair || !isNode(pair.key) || !pair.key.range || !isNode(pair.value) || !pair.value.range) throw usageError('course.yaml has no review entry; add "review: {status: draft}" first');
  const keyStart = pair.key.range[0];
  const column = keyStart - source.lastIndexOf('\n', keyStart - 1) - 1;
  const pad = (n: number) => ' '.repeat(column + n);
  const r = block.reviewer;
  const lines = [
    `${pad(2)}status: ${scalar(block.status)}`,
    `${pad(2)}expires: ${scalar(block.expires)}`,
    `${pad(2)}reviewers:`,
    `${pad(4)}- name: ${scalar(r.name)}`,
    `${pad(6)}role: ${scalar(r.role)}`,
    `${pad(6)}date: ${scalar(r.date)}`,
    `${pad(6)}fingerprint: ${scalar(r.fingerprint)}`,
    `${pad(6)}binding: ${scalar(r.binding)}`,
  ];
  // The value's own end (range[1]), not its trailing comments: those stay below the new block.
  let end = pair.value.range[1];
  while (end > keyStart && /\s/.test(source[end - 1] ?? '')) end--;
  const colon = source.indexOf(':', pair.key.range[1]);
  return { start: colon + 1, end, text: `\n${lines.join('\n')}` };
}

/** Whether the review entry can only be written whole: no reviewers list yet, or an empty one. */
export function needsReviewBlock(doc: Document): boolean {
  const review = doc.get('review', true);
  if (!isMap(review) || review.flow) return true;
  const reviewers = review.get('reviewers', true);
  return !isSeq(reviewers) || reviewers.items.length === 0 || Boolean(reviewers.flow);
}
