/**
 * Does an edition carry what its market's profile requires? Each problem names
 * the rule, the profile it comes from, and points at the edition file (or
 * wherever the value came from), so `check` can fail with file:line:col.
 */
import { referencePolicyProblems } from '../content/references.js';
import { formatPath, type Diagnostic } from '../content/diagnostic.js';
import { REQUIREMENTS, type MarketProfile } from './market-profile.js';

/** file:line:col of a value, or, for a missing one, of the place it should be written. */
export interface SourcePosition {
  file: string;
  line: number;
  column: number;
}

/** The little of a resolved course (base + overlay) that market rules read. */
export interface EditionCourse {
  document: { prepared?: string | undefined };
  statements?: Readonly<Record<string, string | undefined>> | undefined;
  review: { expires?: string | undefined; reviewers: readonly { date: string }[] };
  ladder?: { steps?: readonly Referencing[] };
  procedures?: readonly Referencing[];
  technologies?: readonly Referencing[];
  team?: { members?: readonly Referencing[] };
  faq?: readonly Referencing[];
}

export interface Referencing {
  id?: string;
  references?: readonly string[] | undefined;
}

export interface EditionInput {
  /** Edition id, e.g. "gb-en" ("base" for the base course). */
  id: string;
  course: EditionCourse;
  /**
   * Where the value at `path` (in the resolved course, list items by index) came
   * from: the overlay line that set it, else the base line; for a missing value,
   * where it belongs in the edition file (its nearest existing ancestor or the file's top).
   */
  locate(path: readonly (string | number)[]): SourcePosition;
}

export function checkMarketRules(profile: MarketProfile, edition: EditionInput): Diagnostic[] {
  const problems: Diagnostic[] = [];
  const rule = `the ${profile.market} market profile (${profile.file})`;
  const report = (path: readonly (string | number)[], shown: string, message: string) => problems.push({ ...edition.locate(path), path: shown, message });

  for (const name of profile.requires) {
    const { path, what } = REQUIREMENTS[name];
    const value = path.reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), edition.course);
    if (typeof value !== 'string' || value.trim() === '') {
      report(path, path.join('.'), `edition "${edition.id}" lacks ${what} (rule "${name}" of ${rule}); add ${path.join('.')}`);
    }
  }

  if (profile.maxReviewMonths !== undefined) {
    const { review, document } = edition.course;
    const start = [...review.reviewers.map((r) => r.date)].sort().at(-1) ?? document.prepared;
    if (start && review.expires !== undefined && isDate(start) && isDate(review.expires)) {
      const limit = addMonths(start, profile.maxReviewMonths);
      if (review.expires > limit) {
        const from = review.reviewers.length ? 'the last sign-off' : 'the date of preparation';
        report(['review', 'expires'], 'review.expires', `is ${review.expires}, more than ${profile.maxReviewMonths} months after ${from} on ${start}; ${rule} allows review periods up to ${profile.maxReviewMonths} months (at the latest ${limit})`);
      }
    }
  }

  // The same check as a course's own policy.requireReferences, with the profile named as the rule.
  for (const problem of referencePolicyProblems(edition.course, profile.requireReferences, rule)) report(problem.path, formatPath(problem.path), problem.message);
  return problems;
}

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** `2026-01-31` + 1 month = `2026-02-28`: the same day of the month, or the month's last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}
