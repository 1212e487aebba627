/**
 * Field paths as people read them: list items named by their id when they have
 * one (`faq[id=faq-sport].answer`), by position otherwise (`team.members[2].role`).
 * Written minimally for release messages; the content paths come from
 * canonical.ts `changedPaths` (`faq[3].answer`).
 */
import type { FieldPath } from '../content/yaml-positions.js';

/** `faq[3].answer` → `['faq', 3, 'answer']`. */
export function parseFieldPath(text: string): FieldPath {
  const parts: FieldPath = [];
  for (const m of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) parts.push(m[2] !== undefined ? Number(m[2]) : (m[1] ?? ''));
  return parts;
}

/** `['faq', 3, 'answer']` over the course data → `faq[id=faq-sport].answer`. */
export function formatFieldPathById(path: FieldPath, data: unknown): string {
  let node: unknown = data;
  let out = '';
  for (const part of path) {
    const item = (node as Record<string | number, unknown> | undefined)?.[part];
    if (typeof part === 'number') {
      const id = item !== null && typeof item === 'object' ? (item as { id?: unknown }).id : undefined;
      out += typeof id === 'string' ? `[id=${id}]` : `[${part}]`;
    } else out += out ? `.${part}` : part;
    node = item;
  }
  return out;
}
