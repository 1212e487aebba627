/**
 * Checks on a course's references and the items citing them: duplicate ids,
 * unknown ids (at the citing line), fields a reference type needs, the
 * reference policy (which kinds of item must cite something) and references
 * nothing cites (a warning). Like cross-checks.ts they read the raw parsed data
 * defensively, so they run even when the schema found other problems.
 */
import type { FieldProblem } from './cross-checks.js';
import { printable } from './issue-messages.js';
import { citingKinds, REFERENCE_REQUIRES, type CitingKind } from './schema.js';
import { closest } from './suggest.js';

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** One item that can cite references, with where it sits. */
export interface CitingItem {
  kind: CitingKind;
  /** Field path of the item, e.g. ['procedures', 2]. */
  path: (string | number)[];
  /** A name for messages: `procedures[id=rf-denervation]`, or `team.members[1] ("Physical therapist")` for items without id. */
  label: string;
  /** The ids it cites, in the order written (non-strings kept out). */
  references: string[];
}

/** Every item of every citing kind, in course order. */
export function citingItems(raw: unknown): CitingItem[] {
  if (!isObject(raw)) return [];
  const items: CitingItem[] = [];
  const add = (kind: CitingKind, path: (string | number)[], item: unknown, name?: unknown) => {
    if (!isObject(item)) return;
    const id = str(item.id);
    const base = path.slice(0, -1).join('.');
    const index = path.at(-1);
    const label = id !== undefined ? `${base}[id=${printable(id, 40)}]` : `${base}[${String(index)}]${typeof name === 'string' ? ` ("${printable(name, 40)}")` : ''}`;
    items.push({ kind, path, label, references: list(item.references).filter((r): r is string => typeof r === 'string') });
  };
  const ladder = isObject(raw.ladder) ? raw.ladder : {};
  list(ladder.steps).forEach((s, i) => add('ladder', ['ladder', 'steps', i], s, isObject(s) ? s.title : undefined));
  list(raw.procedures).forEach((p, i) => add('procedures', ['procedures', i], p, isObject(p) ? p.name : undefined));
  list(raw.technologies).forEach((t, i) => add('technologies', ['technologies', i], t, isObject(t) ? t.name : undefined));
  const team = isObject(raw.team) ? raw.team : {};
  list(team.members).forEach((m, i) => add('team', ['team', 'members', i], m, isObject(m) ? m.discipline : undefined));
  list(raw.faq).forEach((f, i) => add('faq', ['faq', i], f, isObject(f) ? f.question : undefined));
  // Market statements (an edition's `statements:` mapping) may cite too: `statements.<key>.references`.
  if (isObject(raw.statements)) {
    for (const [key, value] of Object.entries(raw.statements)) {
      if (isObject(value)) items.push({ kind: 'statements', path: ['statements', key], label: `statements.${key}`, references: list(value.references).filter((r): r is string => typeof r === 'string') });
    }
  }
  return items;
}

/** Errors: duplicate reference ids, fields missing for a type, cited ids that do not exist, the course's own policy. */
export function referenceProblems(raw: unknown): FieldProblem[] {
  if (!isObject(raw)) return [];
  const problems: FieldProblem[] = [];
  const refs = list(raw.references);
  const seen = new Map<string, number>();
  refs.forEach((r, i) => {
    if (!isObject(r)) return;
    const id = str(r.id);
    if (id !== undefined) {
      const first = seen.get(id);
      if (first !== undefined) problems.push({ path: ['references', i, 'id'], message: `duplicate reference id "${printable(id, 40)}" (first used at references[${first}]); each source is listed once` });
      else seen.set(id, i);
    }
    const type = str(r.type);
    const needs = type !== undefined && type in REFERENCE_REQUIRES ? REFERENCE_REQUIRES[type as keyof typeof REFERENCE_REQUIRES] : [];
    for (const field of needs) {
      if (r[field] === undefined) problems.push({ path: ['references', i], message: `a reference of type ${type} needs "${field}"` });
    }
  });
  const known = [...seen.keys()];
  for (const item of citingItems(raw)) {
    const cited = isObject(valueAt(raw, item.path)) ? list((valueAt(raw, item.path) as Raw).references) : [];
    const once = new Set<string>();
    cited.forEach((id, j) => {
      if (typeof id !== 'string') return;
      if (once.has(id)) problems.push({ path: [...item.path, 'references', j], message: `cites "${printable(id, 40)}" twice` });
      once.add(id);
      if (seen.has(id)) return;
      const guess = closest(id, known);
      const shown = printable(id, 40);
      problems.push({
        path: [...item.path, 'references', j],
        message:
          known.length === 0
            ? `cites reference "${shown}", but the course has no references; add it under references:`
            : `cites reference "${shown}", which is not in references${guess ? `; did you mean "${guess}"?` : ` (known: ${printable(known.join(', '), 200)})`}`,
      });
    });
  }
  const policy = isObject(raw.policy) ? list(raw.policy.requireReferences) : [];
  const kinds = policy.filter((k): k is CitingKind => typeof k === 'string' && (citingKinds as readonly string[]).includes(k));
  problems.push(...referencePolicyProblems(raw, kinds, 'policy.requireReferences'));
  return problems;
}

/**
 * The reference policy: every item of the given kinds must cite at least one
 * reference. One problem per item without, at the item. `source` names where
 * the policy comes from (the course's `policy.requireReferences`, or a market
 * profile such as `templates/markets/TR.yaml`), so the author knows why.
 */
export function referencePolicyProblems(raw: unknown, kinds: readonly CitingKind[], source = 'policy.requireReferences'): FieldProblem[] {
  if (kinds.length === 0) return [];
  const required = new Set(kinds);
  return citingItems(raw)
    .filter((item) => required.has(item.kind) && item.references.length === 0)
    .map((item) => ({ path: item.path, message: `${item.label} cites no reference, but ${source} requires one for ${item.kind}; add references: [id]` }));
}

/** Warnings: references nothing cites (at the reference's id). */
export function uncitedReferences(raw: unknown): FieldProblem[] {
  if (!isObject(raw)) return [];
  const cited = new Set(citingItems(raw).flatMap((i) => i.references));
  return list(raw.references).flatMap((r, i) => {
    const id = isObject(r) ? str(r.id) : undefined;
    return id !== undefined && !cited.has(id) ? [{ path: ['references', i, 'id'], message: `reference "${printable(id, 40)}" is cited by no item; cite it or remove it` }] : [];
  });
}

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let value = data;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}
