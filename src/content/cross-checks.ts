/**
 * Checks that span several fields (references, uniqueness, date order).
 *
 * They read the raw parsed data defensively rather than the validated course, so
 * they run even when the schema found other problems, and every problem is
 * reported in one go.
 */
import { printable } from './issue-messages.js';
import { isoDate } from './schema.js';
import { closest } from './suggest.js';

export interface FieldProblem {
  path: (string | number)[];
  message: string;
}

type Raw = Record<string, unknown>;

const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
/** A real calendar date written as YYYY-MM-DD (the schema reports the others). */
const isDate = (v: unknown): v is string => isoDate.safeParse(v).success;

export function crossCheck(raw: unknown): FieldProblem[] {
  if (!isObject(raw)) return [];
  const problems: FieldProblem[] = [];
  const document = isObject(raw.document) ? raw.document : {};
  const review = isObject(raw.review) ? raw.review : {};
  const prepared = document.prepared;

  if (isDate(prepared) && isDate(review.expires) && review.expires < prepared) {
    problems.push({ path: ['review', 'expires'], message: `is before the date of preparation (${prepared})` });
  }
  problems.push(...reviewProblems(review));
  list(review.reviewers).forEach((r, i) => {
    if (isObject(r) && isDate(prepared) && isDate(r.date) && r.date < prepared) {
      problems.push({ path: ['review', 'reviewers', i, 'date'], message: `is before the date of preparation (${prepared})` });
    }
  });

  const ladder = isObject(raw.ladder) ? raw.ladder : {};
  const steps = list(ladder.steps);
  problems.push(...duplicateIds(steps, ['ladder', 'steps']));
  const stepIds = steps.map((s) => (isObject(s) ? str(s.id) : undefined)).filter((id): id is string => id !== undefined);
  const known = stepIds.join(', ');
  const unknownStep = (raw: string) => {
    const id = printable(raw, 40);
    if (stepIds.length === 0) return `refers to ladder step "${id}", but the ladder has no steps`;
    const guess = closest(raw, stepIds);
    return `refers to ladder step "${id}", which does not exist${guess ? `; did you mean "${guess}"?` : ` (known steps: ${printable(known, 200)})`}`;
  };

  const procedures = list(raw.procedures);
  problems.push(...duplicateIds(procedures, ['procedures']));
  procedures.forEach((p, i) => {
    const step = isObject(p) ? str(p.step) : undefined;
    if (step !== undefined && !stepIds.includes(step)) problems.push({ path: ['procedures', i, 'step'], message: unknownStep(step) });
  });

  const technologies = list(raw.technologies);
  problems.push(...duplicateIds(technologies, ['technologies']));
  technologies.forEach((t, i) => {
    list(isObject(t) ? t.steps : undefined).forEach((s, j) => {
      if (typeof s === 'string' && !stepIds.includes(s)) problems.push({ path: ['technologies', i, 'steps', j], message: unknownStep(s) });
    });
  });

  problems.push(...duplicateIds(list(raw.faq), ['faq']));
  return problems;
}

function duplicateIds(items: unknown[], at: (string | number)[]): FieldProblem[] {
  const seen = new Map<string, number>();
  const problems: FieldProblem[] = [];
  items.forEach((item, i) => {
    const id = isObject(item) ? str(item.id) : undefined;
    if (id === undefined) return;
    const first = seen.get(id);
    if (first !== undefined) problems.push({ path: [...at, i, 'id'], message: `duplicate id "${printable(id, 40)}" (first used at ${at.join('.')}[${first}])` });
    else seen.set(id, i);
  });
  return problems;
}

/** Only a draft may name no reviewer and no expiry; anything further along needs both. */
function reviewProblems(review: Record<string, unknown>): FieldProblem[] {
  const status = str(review.status);
  if (status === undefined || status === 'draft') return [];
  const problems: FieldProblem[] = [];
  const how = `a course with status "${status}" needs it; a course nobody has reviewed yet is status: draft, and "deckhand approve" fills it in`;
  if (review.reviewers === undefined || (Array.isArray(review.reviewers) && review.reviewers.length === 0)) {
    problems.push({ path: review.reviewers === undefined ? ['review'] : ['review', 'reviewers'], message: review.reviewers === undefined ? `needs reviewers: ${how}` : `needs at least one reviewer: ${how}` });
  }
  if (review.expires === undefined) problems.push({ path: ['review'], message: `needs expires: ${how}` });
  return problems;
}
