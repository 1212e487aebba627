/**
 * What changed between two canonical forms, field by field, with items named
 * by id: `faq[id=faq-sport].answer` instead of `faq[1].answer`. Lists whose
 * items all carry an id are matched by id, so inserting an item does not make
 * every later item look changed. Each change keeps the old and new value (for
 * the redline) and the path of the field in the current content (for pointing
 * at its line).
 */
import type { Canonical } from './canonical.js';

export type FieldPath = (string | number)[];

export interface FieldChange {
  /** `faq[id=faq-sport].answer`, `references[id=x]`, `asset assets/x.png`. */
  display: string;
  /** Top-level section: `faq`, `ladder`, `references`, `assets`… */
  section: string;
  /** Where the field is in the current content (index paths), or its closest surviving parent; absent for assets. */
  at?: FieldPath;
  before: unknown;
  after: unknown;
}

const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const idOf = (v: unknown): string | undefined => (isObj(v) && typeof v.id === 'string' ? v.id : undefined);
const allIds = (list: unknown[]) => list.every((v) => idOf(v) !== undefined) && new Set(list.map(idOf)).size === list.length;

/** Every changed field between the approved and the current canonical form, content first, then assets. */
export function fieldChanges(before: Canonical, after: Canonical): FieldChange[] {
  const changes: FieldChange[] = [];
  walk(before.content, after.content, '', [], changes);
  const assets = [...new Set([...Object.keys(before.assets), ...Object.keys(after.assets)])].sort();
  for (const key of assets) {
    if (before.assets[key] !== after.assets[key]) changes.push({ display: `asset ${key}`, section: 'assets', before: before.assets[key], after: after.assets[key] });
  }
  return changes;
}

function walk(before: unknown, after: unknown, display: string, at: FieldPath, out: FieldChange[]): void {
  if (same(before, after)) return;
  const section = display.split(/[.[]/)[0] || '(root)';
  if (Array.isArray(before) && Array.isArray(after)) {
    if (allIds(before) && allIds(after)) {
      const old = new Map(before.map((v) => [idOf(v) as string, v]));
      after.forEach((item, i) => walk(old.get(idOf(item) as string), item, `${display}[id=${idOf(item)}]`, [...at, i], out));
      const kept = new Set(after.map(idOf));
      for (const item of before) if (!kept.has(idOf(item))) out.push({ display: `${display}[id=${idOf(item)}]`, section, at, before: item, after: undefined });
      return;
    }
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) walk(before[i], after[i], `${display}[${i}]`, i < after.length ? [...at, i] : at, out);
    return;
  }
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) walk(before[k], after[k], display ? `${display}.${k}` : k, k in after ? [...at, k] : at, out);
    return;
  }
  out.push({ display: display || '(root)', section, at, before, after });
}
