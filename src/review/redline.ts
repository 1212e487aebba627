/**
 * The redline model: every field changed since the last approval, grouped by
 * section and item id, with old and new text and the word-level insertions and
 * deletions between them (the `diff` package's word diff), plus the references
 * added and removed. Pure data; render/redline-html.ts lays it out.
 */
import { diffWordsWithSpace } from 'diff';
import type { Canonical } from './canonical.js';
import { fieldChanges, type FieldChange } from './field-path.js';
import type { ApprovalSnapshot } from './snapshot.js';

export interface WordPart {
  text: string;
  added?: true;
  removed?: true;
}

export interface RedlineField {
  /** The field inside the item (`answer`, `options[2]`), or '' for a whole item added or removed. */
  field: string;
  /** The full path, as `--release` names it: `faq[id=faq-sport].answer`. */
  path: string;
  change: 'changed' | 'added' | 'removed';
  before: string;
  after: string;
  /** The word diff from before to after. */
  parts: WordPart[];
}

export interface RedlineItem {
  /** `faq[id=faq-sport]`, or the section's own name for fields outside lists (`title`, `disclaimer`). */
  item: string;
  fields: RedlineField[];
}

export interface RedlineSection {
  section: string;
  items: RedlineItem[];
}

export interface ReferenceChange {
  id: string;
  title: string;
}

export interface Redline {
  course: string;
  approvedOn: string;
  approvedFingerprint: string;
  currentFingerprint: string;
  sections: RedlineSection[];
  referencesAdded: ReferenceChange[];
  referencesRemoved: ReferenceChange[];
  /** Number of changed fields. */
  count: number;
}

export function redline(course: string, snapshot: ApprovalSnapshot, current: { canonical: Canonical; fingerprint: string }): Redline {
  const changes = fieldChanges(snapshot.canonical, current.canonical);
  const sections: RedlineSection[] = [];
  for (const change of changes) {
    const { item, field } = splitPath(change);
    let section = sections.find((s) => s.section === change.section);
    if (!section) sections.push((section = { section: change.section, items: [] }));
    let entry = section.items.find((i) => i.item === item);
    if (!entry) section.items.push((entry = { item, fields: [] }));
    const before = asText(change.before);
    const after = asText(change.after);
    entry.fields.push({
      field,
      path: change.display,
      change: change.before === undefined ? 'added' : change.after === undefined ? 'removed' : 'changed',
      before,
      after,
      parts: diffWordsWithSpace(before, after).map((p) => ({ text: p.value, ...(p.added ? { added: true as const } : {}), ...(p.removed ? { removed: true as const } : {}) })),
    });
  }
  const refs = (c: Canonical) => {
    const list = (c.content as { references?: unknown }).references;
    return new Map((Array.isArray(list) ? list : []).filter((r): r is { id: string; title?: unknown } => typeof r?.id === 'string').map((r) => [r.id, typeof r.title === 'string' ? r.title : r.id]));
  };
  const before = refs(snapshot.canonical);
  const after = refs(current.canonical);
  return {
    course,
    approvedOn: snapshot.approvedOn,
    approvedFingerprint: snapshot.fingerprint,
    currentFingerprint: current.fingerprint,
    sections,
    referencesAdded: [...after].filter(([id]) => !before.has(id)).map(([id, title]) => ({ id, title })),
    referencesRemoved: [...before].filter(([id]) => !after.has(id)).map(([id, title]) => ({ id, title })),
    count: changes.length,
  };
}

/** `faq[id=x].answer` → item `faq[id=x]`, field `answer`; `disclaimer.short` → item `disclaimer`, field `short`. */
function splitPath(change: FieldChange): { item: string; field: string } {
  const byId = /^(.*?\[id=[^\]]*\])(?:\.(.*))?$/.exec(change.display);
  if (byId) return { item: byId[1] ?? change.display, field: byId[2] ?? '' };
  if (change.display.startsWith('asset ')) return { item: 'assets', field: change.display.slice('asset '.length) };
  const rest = change.display.slice(change.section.length).replace(/^\./, '');
  return { item: change.section, field: rest };
}

/** A field's value as reviewable text: strings as they are, lists joined, items as "key: value" lines. */
export function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map(asText).join(value.every((v) => typeof v !== 'object') ? '; ' : '\n');
  return Object.entries(value as Record<string, unknown>)
    .map(([k, v]) => `${k}: ${asText(v)}`)
    .join('\n');
}
