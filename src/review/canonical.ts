/**
 * The canonical form of a course's content: everything except the review block,
 * as JSON with sorted keys, plus the sha256 of every referenced asset. It does
 * not depend on key order, comments or YAML formatting, so the fingerprint
 * changes only when the content does.
 */
import { createHash } from 'node:crypto';
import type { Course } from '../content/schema.js';

export type Canonical = { content: unknown; assets: Record<string, string> };

export function canonicalForm(course: Course, assets: Record<string, string> = {}): Canonical {
  const { review: _review, ...content } = course;
  return { content: sortKeys(content), assets: sortKeys(assets) as Record<string, string> };
}

export function canonicalJson(canonical: Canonical): string {
  return JSON.stringify(sortKeys(canonical));
}

/** `sha256:<hex>` over the canonical JSON. */
export function fingerprint(canonical: Canonical): string {
  return `sha256:${createHash('sha256').update(canonicalJson(canonical)).digest('hex')}`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** Field paths (`faq[1].answer`) where two canonical content trees differ. */
export function changedPaths(before: unknown, after: unknown, path = ''): string[] {
  if (JSON.stringify(before) === JSON.stringify(after)) return [];
  const isObj = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    return Array.from({ length: n }, (_, i) => changedPaths(before[i], after[i], `${path}[${i}]`)).flat();
  }
  if (isObj(before) && isObj(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedPaths(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return [path || '(root)'];
}
