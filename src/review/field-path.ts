/**
 * Changed fields by item id: `faq[id=faq-sport].answer` rather than
 * `faq[3].answer`, so a release message names the same item in the base and
 * in every edition, however the lists were reordered or filtered. Used for
 * stale approvals (--release) and by `deckhand diff`.
 */
import type { FieldPath } from '../content/yaml-positions.js';

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const idOf = (v: unknown): string | undefined => (isObj(v) && typeof v.id === 'string' ? v.id : undefined);

/** `[faq, {id: faq-sport}, answer]` segments → `faq[id=faq-sport].answer`. */
export type FieldSegment = string | number | { id: string };

export function formatFieldPath(segments: readonly FieldSegment[]): string {
  return segments.reduce<string>((out, s) => {
    if (typeof s === 'number') return `${out}[${s}]`;
    if (typeof s === 'object') return `${out}[id=${s.id}]`;
    return out ? `${out}.${s}` : s;
  }, '');
}

/**
 * Paths where two content trees differ. Lists whose items all carry an id are
 * matched by id (an added or removed item is one path); other lists by index.
 * In an edition overlay, mappings under `idLists` (e.g. `faq`) are keyed by item id
 * and are written the same way.
 */
export function changedFields(before: unknown, after: unknown, idLists: readonly string[] = [], path: FieldSegment[] = []): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const byId = [...before, ...after].every((item) => idOf(item) !== undefined);
    if (byId) {
      const ids = [...new Set([...before, ...after].map((item) => idOf(item) as string))];
      const find = (list: unknown[], id: string) => list.find((item) => idOf(item) === id);
      return ids.flatMap((id) => changedFields(find(before, id), find(after, id), idLists, [...path, { id }]));
    }
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => changedFields(before[i], after[i], idLists, [...path, i])).flat();
  }
  if (isObj(before) && isObj(after)) {
    const keyedById = idLists.includes(path.filter((s): s is string => typeof s === 'string').join('.'));
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedFields(before[k], after[k], idLists, [...path, keyedById ? { id: k } : k]));
  }
  return [formatFieldPath(path) || '(root)'];
}

/**
 * `faq[id=faq-sport].answer` → `['faq', 3, 'answer']` over `data` (the course
 * as loaded), for pointing at the line in course.yaml. An id no longer in the
 * list (a removed item) ends the path at the list.
 */
export function fieldPathIn(text: string, data: unknown): FieldPath {
  const path: FieldPath = [];
  let node: unknown = data;
  for (const m of text.matchAll(/\[id=([^\]]+)\]|\[(\d+)\]|([^.[\]]+)/g)) {
    if (m[1] !== undefined) {
      const i = Array.isArray(node) ? node.findIndex((item) => idOf(item) === m[1]) : -1;
      if (i < 0) break;
      path.push(i);
      node = (node as unknown[])[i];
    } else if (m[2] !== undefined) {
      path.push(Number(m[2]));
      node = Array.isArray(node) ? node[Number(m[2])] : undefined;
    } else {
      const key = m[3] ?? '';
      path.push(key);
      node = isObj(node) ? node[key] : undefined;
    }
  }
  return path;
}
