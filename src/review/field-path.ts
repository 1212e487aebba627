/**
 * Changed fields by item id: `faq[id=faq-sport].answer` rather than
 * `faq[3].answer`, so a release message names the same item in the base and
 * in every edition, however the lists were reordered or filtered. One walk
 * serves the review gate (stale approvals, --release) and `deckhand diff`
 * (which also needs the old and new values).
 */
import type { FieldPath } from '../content/yaml-positions.js';
import type { Canonical } from './canonical.js';

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

export interface FieldChange {
  /** `faq[id=faq-sport].answer`, `references[id=x]`, `overlay faq[id=x].answer` (an edition's own field), `asset assets/x.png`. */
  display: string;
  /** Top-level section: `faq`, `ladder`, `references`, `assets`… */
  section: string;
  /** Where it is, by item id; absent for assets. */
  segments?: FieldSegment[];
  /** True for a field of an edition's overlay rather than of the base course. */
  overlay?: boolean;
  before: unknown;
  after: unknown;
}

/** Lists an edition overlay keys by item id (content/edition-schema.ts ID_LISTS). */
const OVERLAY_ID_LISTS = ['ladder.steps', 'procedures', 'technologies', 'team.members', 'faq', 'references'];

/**
 * Where two content trees differ. Lists whose items all carry an id are
 * matched by id (an added or removed item is one change); other lists by index.
 * In an edition overlay, mappings under `idLists` (e.g. `faq`) are keyed by item
 * id and are named the same way.
 */
function walk(before: unknown, after: unknown, idLists: readonly string[], path: FieldSegment[], out: Omit<FieldChange, 'display' | 'section'>[]): void {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  if (Array.isArray(before) && Array.isArray(after)) {
    const byId = [...before, ...after].every((item) => idOf(item) !== undefined);
    if (byId) {
      const ids = [...new Set([...before, ...after].map((item) => idOf(item) as string))];
      const find = (list: unknown[], id: string) => list.find((item) => idOf(item) === id);
      for (const id of ids) walk(find(before, id), find(after, id), idLists, [...path, { id }], out);
      return;
    }
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) walk(before[i], after[i], idLists, [...path, i], out);
    return;
  }
  if (isObj(before) && isObj(after)) {
    const keyedById = idLists.includes(path.filter((s): s is string => typeof s === 'string').join('.'));
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) walk(before[k], after[k], idLists, [...path, keyedById ? { id: k } : k], out);
    return;
  }
  out.push({ segments: path, before, after });
}

function contentChanges(before: unknown, after: unknown, overlay: boolean): FieldChange[] {
  const found: Omit<FieldChange, 'display' | 'section'>[] = [];
  walk(before, after, overlay ? OVERLAY_ID_LISTS : [], [], found);
  return found.map((c) => {
    const name = formatFieldPath(c.segments ?? []) || '(root)';
    const first = c.segments?.[0];
    return { ...c, display: overlay ? `overlay ${name}` : name, section: typeof first === 'string' ? first : '(root)', ...(overlay ? { overlay } : {}) };
  });
}

const isEdition = (c: Canonical): c is Canonical & { content: { base: unknown; overlay: unknown } } =>
  isObj(c.content) && 'base' in c.content && 'overlay' in c.content;

/**
 * Every change between the approved and the current canonical form: content
 * first (for an edition, the base's fields, then its overlay's), then assets.
 */
export function fieldChanges(before: Canonical, after: Canonical): FieldChange[] {
  const content =
    isEdition(before) && isEdition(after)
      ? [...contentChanges(before.content.base, after.content.base, false), ...contentChanges(before.content.overlay, after.content.overlay, true)]
      : contentChanges(before.content, after.content, false);
  const assets = Object.keys({ ...before.assets, ...after.assets })
    .sort()
    .filter((k) => before.assets[k] !== after.assets[k])
    .map((k): FieldChange => ({ display: `asset ${k}`, section: 'assets', before: before.assets[k], after: after.assets[k] }));
  return [...content, ...assets];
}

/**
 * Segments by id → an index path over `data` (the course as loaded), for
 * pointing at the line in course.yaml. An id no longer in the list (a removed
 * item) ends the path at the list.
 */
export function fieldPathIn(segments: readonly FieldSegment[], data: unknown): FieldPath {
  const path: FieldPath = [];
  let node: unknown = data;
  for (const s of segments) {
    if (typeof s === 'object') {
      const i = Array.isArray(node) ? node.findIndex((item) => idOf(item) === s.id) : -1;
      if (i < 0) break;
      path.push(i);
      node = (node as unknown[])[i];
    } else if (typeof s === 'number') {
      path.push(s);
      node = Array.isArray(node) ? node[s] : undefined;
    } else {
      path.push(s);
      node = isObj(node) ? node[s] : undefined;
    }
  }
  return path;
}
