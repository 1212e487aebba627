/**
 * `deckhand approve`: records a reviewer's sign-off, bound to the content
 * fingerprint, in course.yaml. It edits only the review values, located
 * through the yaml Document's node ranges, so comments and formatting survive,
 * and saves the approved snapshot beside it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isMap, isNode, isScalar, isSeq, parseDocument, type Document, type YAMLMap } from 'yaml';
import { writeFileAtomic } from '../io/atomic-write.js';
import { COURSE_FILE, type LoadedCourse } from '../content/load-course.js';
import { isoDate } from '../content/schema.js';
import { usageError } from '../errors.js';
import type { Canonical } from './canonical.js';
import { reviewerBinding } from './binding.js';
import { readSnapshot, SNAPSHOT_FILE, snapshotFileFor, snapshotJson } from './snapshot.js';
import { needsReviewBlock, reviewBlockEdit } from './review-block.js';

export interface SignOff {
  reviewer: string;
  role: string;
  /** YYYY-MM-DD */
  date: string;
  expires?: string;
  /** Keep document.version although the content changed since the last approval: the reason, recorded in approval.json. */
  sameVersion?: string;
}

export interface ApproveResult {
  fingerprint: string;
  file: string;
  snapshot: string;
  replaced: boolean;
  /** Other reviewers whose sign-off covers different content: they must sign again (or be removed). */
  stale: string[];
}

/** What approve needs of a course: the loaded file and its canonical content (see pipeline/prepare-course.ts). */
export interface ApprovableCourse {
  loaded: LoadedCourse;
  canonical: Canonical;
  fingerprint: string;
  /** For an edition: its id; the sign-off goes into editions/<id>.yaml and editions/<id>.approval.json. */
  edition?: { edition: string };
  overlay?: unknown;
}

export function approve(prepared: ApprovableCourse, signOff: SignOff): ApproveResult {
  const { loaded } = prepared;
  for (const [flag, value] of [['--date', signOff.date], ['--expires', signOff.expires]] as const) {
    if (value !== undefined && !isoDate.safeParse(value).success) throw usageError(`${flag} must be a real date written as YYYY-MM-DD; got "${value}"`);
  }
  const { course } = loaded;
  const expires = signOff.expires ?? course.review.expires;
  if (expires === undefined) throw usageError('this course has no review expiry yet (it is a draft); pass --expires YYYY-MM-DD');
  if (expires < signOff.date) throw usageError(`the review would expire (${expires}) before the sign-off date (${signOff.date}); pass --expires`);
  if (signOff.date < course.document.prepared) throw usageError(`the sign-off date ${signOff.date} is before the date of preparation ${course.document.prepared}`);

  const { canonical, fingerprint: print } = prepared;

  const edition = prepared.overlay && prepared.edition ? prepared.edition.edition : undefined;
  const file = edition ? join(loaded.dir, 'editions', `${edition}.yaml`) : join(loaded.dir, COURSE_FILE);
  const source = readFileSync(file, 'utf8');
  const doc = parseDocument(source);
  // The binding covers the fingerprint and what the sign-off says of itself: name, role, date, expiry.
  const binding = reviewerBinding({ fingerprint: print, name: signOff.reviewer, role: signOff.role, date: signOff.date, expires });
  const review = doc.get('review', true);
  // An edition's first sign-off: its review block may be missing or have no reviewers yet.
  const signed = isMap(review) ? review.get('reviewers', true) : undefined;
  const { edits, replaced } =
    edition && !(isSeq(signed) && signed.items.length > 0)
      ? newReviewBlock(doc, source, { ...signOff, expires }, print, binding)
      : signOffEdits(doc, source, { ...signOff, expires }, print, binding);
  writeFileAtomic(file, applyEdits(source, edits));

  const snapshotName = edition ? snapshotFileFor(edition) : SNAPSHOT_FILE;
  const snapshot = join(loaded.dir, snapshotName);
  const previous = readSnapshot(loaded.dir, snapshotName);
  // Another sign-off of the same content keeps the reason its version was kept.
  const sameVersion =
    signOff.sameVersion && previous && previous.fingerprint !== print
      ? { version: course.document.version, reason: signOff.sameVersion, replaces: previous.fingerprint }
      : previous?.fingerprint === print
        ? previous.sameVersion
        : undefined;
  const bound = { name: signOff.reviewer, role: signOff.role, date: signOff.date, expires, binding };
  // Other reviewers' bound records stay while they cover the same content.
  const kept = previous?.fingerprint === print ? (previous.reviewers ?? []).filter((r) => r.name !== signOff.reviewer) : [];
  writeFileAtomic(snapshot, snapshotJson({ fingerprint: print, approvedOn: signOff.date, canonical, reviewers: [...kept, bound], ...(sameVersion ? { sameVersion } : {}) }));
  const stale = course.review.reviewers.filter((r) => r.name !== signOff.reviewer && r.fingerprint !== print).map((r) => r.name);
  return { fingerprint: print, file, snapshot, replaced, stale };
}

interface Edit {
  start: number;
  end: number;
  text: string;
}

/**
 * Computes text edits from the parsed document's node ranges and splices them
 * into the source, so every byte outside the edited values stays as it was
 * (comments, folding, quoting, flow lists).
 */
function signOffEdits(doc: Document, source: string, signOff: SignOff & { expires: string }, print: string, binding: string): { edits: Edit[]; replaced: boolean } {
  if (needsReviewBlock(doc)) {
    const reviewer = { name: signOff.reviewer, role: signOff.role, date: signOff.date, fingerprint: print, binding };
    return { edits: [reviewBlockEdit(doc, source, { status: 'approved', expires: signOff.expires, reviewer }, scalar)], replaced: false };
  }
  const review = doc.get('review', true);
  if (!isMap(review)) throw usageError('course.yaml has no review mapping to sign');
  const reviewers = review.get('reviewers', true);
  if (!isSeq(reviewers)) throw usageError('course.yaml has no review.reviewers list to sign');
  const edits: Edit[] = [];
  setValue(review, 'status', 'approved', edits, source);
  setValue(review, 'expires', signOff.expires, edits, source);

  const entry = { name: signOff.reviewer, role: signOff.role, date: signOff.date, fingerprint: print, binding };
  const existing = reviewers.items.find((item) => isMap(item) && item.get('name') === signOff.reviewer);
  if (isMap(existing)) {
    for (const [key, value] of Object.entries(entry)) setValue(existing, key, value, edits, source);
    return { edits, replaced: true };
  }
  const last = reviewers.items.at(-1);
  if (!isNode(last) || !last.range) throw usageError('review.reviewers is empty; add a reviewer by hand first');
  const end = lineEnd(source, last.range[1]);
  // "    - name: …": copy the dash's indentation and the key column of the last item.
  const lineStart = source.lastIndexOf('\n', last.range[0] - 1) + 1;
  const prefix = source.slice(lineStart, last.range[0]);
  const dash = prefix.indexOf('-') >= 0 ? prefix.indexOf('-') : Math.max(0, prefix.length - 2);
  const keyColumn = prefix.length;
  const lines = Object.entries(entry).map(([key, value], i) =>
    i === 0 ? `${' '.repeat(dash)}-${' '.repeat(Math.max(1, keyColumn - dash - 1))}${key}: ${scalar(value)}` : `${' '.repeat(keyColumn)}${key}: ${scalar(value)}`,
  );
  edits.push({ start: end, end, text: `\n${lines.join('\n')}` });
  return { edits, replaced: false };
}

/** Writes a whole `review:` block (replacing one without reviewers, or appended at the end of the file). */
function newReviewBlock(doc: Document, source: string, signOff: SignOff & { expires: string }, print: string, binding: string): { edits: Edit[]; replaced: boolean } {
  const block = [
    'review:',
    '  status: approved',
    `  expires: ${scalar(signOff.expires)}`,
    '  reviewers:',
    `    - name: ${scalar(signOff.reviewer)}`,
    `      role: ${scalar(signOff.role)}`,
    `      date: ${scalar(signOff.date)}`,
    `      fingerprint: ${scalar(print)}`,
    `      binding: ${scalar(binding)}`,
  ].join('\n');
  const contents = doc.contents;
  const pair = isMap(contents) ? contents.items.find((p) => isScalar(p.key) && p.key.value === 'review') : undefined;
  if (pair && isNode(pair.key) && pair.key.range && isNode(pair.value) && pair.value.range) {
    return { edits: [{ start: pair.key.range[0], end: pair.value.range[1], text: block }], replaced: false };
  }
  const end = source.endsWith('\n') ? source.length : source.length;
  return { edits: [{ start: end, end, text: `${source.endsWith('\n') ? '' : '\n'}\n${block}\n` }], replaced: false };
}

/** Replaces the value of `key` in `map`, or adds `key: value` after the map's last pair. */
function setValue(map: YAMLMap, key: string, value: string, edits: Edit[], source: string): void {
  const pair = map.items.find((p) => isScalar(p.key) && p.key.value === key);
  const node = pair?.value;
  if (isScalar(node) && node.range) {
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    edits.push({ start: node.range[0], end: node.range[1], text: quoted || needsQuotes(value) ? JSON.stringify(value) : value });
    return;
  }
  const lastPair = map.items.at(-1);
  const lastNode = lastPair?.value ?? lastPair?.key;
  const firstKey = map.items[0]?.key;
  if (!isNode(lastNode) || !lastNode.range || !isNode(firstKey) || !firstKey.range) throw usageError(`cannot add ${key} to an empty mapping`);
  const end = lineEnd(source, lastNode.range[1]);
  const column = firstKey.range[0] - source.lastIndexOf('\n', firstKey.range[0] - 1) - 1;
  edits.push({ start: end, end, text: `\n${' '.repeat(column)}${key}: ${scalar(value)}` });
}

const needsQuotes = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) || !/^[A-Za-z0-9][A-Za-z0-9 ._:/()-]*$/.test(value) || /: |\s$/.test(value);
const scalar = (value: string) => (needsQuotes(value) ? JSON.stringify(value) : value);

function lineEnd(source: string, offset: number): number {
  const newline = source.indexOf('\n', Math.max(0, offset - 1));
  return newline === -1 ? source.length : newline;
}

function applyEdits(source: string, edits: Edit[]): string {
  return [...edits].sort((a, b) => b.start - a.start).reduce((text, e) => text.slice(0, e.start) + e.text + text.slice(e.end), source);
}
