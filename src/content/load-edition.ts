/**
 * Loads one edition overlay (decks/<course>/editions/<market>-<lang>.yaml),
 * checks it against the base course it overlays and merges the two into the
 * edition's course, which is then validated like any course.
 *
 * Every problem is pinned to the file its value came from: the overlay for
 * what the overlay wrote (an unknown item id, a key the base lacks, a type
 * mismatch, or a merged value the schema refuses), the base otherwise.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import { resolveAssets, type Asset } from './assets.js';
import { crossCheck } from './cross-checks.js';
import { formatPath, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { messageFor } from './issue-messages.js';
import { displayPath, MAX_ALIAS_COUNT, MAX_COURSE_BYTES, type LoadedCourse } from './load-course.js';
import { editionHeaderSchema, editionReviewSchema, ID_LISTS, OVERLAY_OWN_KEYS, type EditionReview } from './edition-schema.js';
import { courseSchema, type Course } from './schema.js';
import { closest } from './suggest.js';
import { SourceMap, type FieldPath } from './yaml-positions.js';
import { courseJsonSchema } from './json-schema.js';

export const EDITIONS_DIR = 'editions';

export interface LoadedEdition {
  /** "tr-tr": the overlay's file stem. */
  id: string;
  market: string;
  language: string;
  /** The overlay as shown in messages. */
  file: string;
  doc: Document;
  sourceMap: SourceMap;
  /** The overlay as data, without its review block (part of the edition fingerprint). */
  overlay: Record<string, unknown>;
  /** The merged course: base + overlay, with the edition's own language, market, document and review. */
  course: Course;
  review: EditionReview;
  sourceSha256: string;
  assets: Map<string, Asset>;
  /** file:line:col of a value of the merged course (list items by merged index). */
  locate(path: FieldPath): { file: string; line: number; column: number };
}

export type EditionLoad = { ok: true; edition: LoadedEdition } | { ok: false; diagnostics: Diagnostic[] };

/** Edition ids of a course folder, sorted: the stems of editions/*.yaml. */
export function editionIds(courseDir: string): string[] {
  const dir = join(courseDir, EDITIONS_DIR);
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith('.yaml') && !n.startsWith('.'))
    .map((n) => n.slice(0, -'.yaml'.length))
    .sort();
}

export const editionFile = (courseDir: string, id: string): string => join(courseDir, EDITIONS_DIR, `${id}.yaml`);

type Json = Record<string, unknown>;
type Schema = { type?: string | string[]; properties?: Record<string, Schema>; items?: Schema; anyOf?: Schema[]; [k: string]: unknown };
const isObj = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);
const unwrap = (s: Schema | undefined): Schema | undefined => s?.anyOf?.find((n) => n.properties || n.items) ?? s;
const kindOf = (v: unknown): string => (Array.isArray(v) ? 'a list' : isObj(v) ? 'a mapping' : typeof v === 'string' ? 'text' : v === null ? 'empty' : `a ${typeof v}`);

export function loadEdition(base: LoadedCourse, id: string, cwd = process.cwd()): EditionLoad {
  const path = editionFile(base.dir, id);
  const file = displayPath(path, cwd);
  const fail = (message: string, line = 1, column = 1, field = '(file)'): EditionLoad => ({ ok: false, diagnostics: [{ file, line, column, path: field, message }] });
  if (!existsSync(path)) return fail(`no edition "${id}" (looked for ${file}); editions: ${editionIds(base.dir).join(', ') || 'none'}`);
  if (statSync(path).size > MAX_COURSE_BYTES) return fail(`is larger than ${MAX_COURSE_BYTES} bytes`);
  const bytes = readFileSync(path);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('is not valid UTF-8; save the file as UTF-8');
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true, merge: false, logLevel: 'error' });
  const sourceMap = new SourceMap(doc, lines);
  const diagnostics: Diagnostic[] = [];
  const at = (p: FieldPath, message: string, options?: { key?: boolean }) => {
    const pos = sourceMap.positionOf(p, options);
    diagnostics.push({ file, ...pos, path: formatPath(p), message });
  };
  for (const e of doc.errors) diagnostics.push({ file, ...sourceMap.at(e.pos[0]), path: formatPath(sourceMap.pathAt(e.pos[0])), message: `YAML syntax error: ${e.message.split('\n')[0]}` });
  if (diagnostics.length) return { ok: false, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return fail(`cannot be read: ${(error as Error).message}`);
  }
  if (!isObj(data)) return fail('must be a mapping (schemaVersion, edition, document, … fields to replace)');

  // The overlay's own keys: schemaVersion, edition, review.
  const header = editionHeaderSchema.safeParse({ schemaVersion: data.schemaVersion, edition: data.edition });
  if (!header.success) for (const issue of header.error.issues) at(issue.path as FieldPath, messageFor(issue, { value: undefined }));
  const review = editionReviewSchema.safeParse(data.review ?? { status: 'draft' });
  if (!review.success) for (const issue of review.error.issues) at(['review', ...(issue.path as FieldPath)], messageFor(issue, { value: undefined }));
  if (header.success) {
    const { market, language } = header.data.edition;
    const expected = `${market}-${language}`.toLowerCase();
    if (expected !== id) at(['edition'], `market ${market} and language ${language} make the edition id "${expected}", but the file is ${id}.yaml; rename it to ${expected}.yaml`);
  }

  const baseData = base.doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Json;
  const overlay: Json = {};
  for (const [k, v] of Object.entries(data)) if (k !== 'review') overlay[k] = v;
  const origins = new Map<string, FieldPath>();
  const basePaths = new Map<string, FieldPath>();
  const merged = mergeObject(baseData, data, unwrap(courseJsonSchema()) as Schema, [], [], { at, origins, basePaths, top: true });
  if (diagnostics.length) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };

  const locate = (mergedPath: FieldPath): { file: string; line: number; column: number } => {
    for (let d = mergedPath.length; d >= 0; d--) {
      const origin = origins.get(formatPath(mergedPath.slice(0, d)));
      if (origin) return { file, ...sourceMap.positionOf([...origin, ...mergedPath.slice(d)]) };
    }
    for (let d = mergedPath.length; d >= 1; d--) {
      const basePath = basePaths.get(formatPath(mergedPath.slice(0, d)));
      if (basePath) return { file: base.file, ...base.sourceMap.positionOf([...basePath, ...mergedPath.slice(d)]) };
    }
    // Unchanged top-level parts, or new ones the overlay should write: base if it has it, else the overlay's top.
    const top = mergedPath[0];
    if (typeof top === 'string' && top in baseData) return { file: base.file, ...base.sourceMap.positionOf(mergedPath) };
    return { file, ...sourceMap.positionOf([]) };
  };
  const pinned = (p: FieldPath, message: string) => diagnostics.push({ ...locate(p), path: formatPath(p), message });

  if (!header.success || !review.success) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  const { market, language } = header.data.edition;
  merged.language = language;
  merged.markets = [market];
  origins.set('language', ['edition', 'language']);
  origins.set('markets', ['edition', 'market']);
  // The schema checks the content; the edition's review has its own (smaller) schema.
  merged.review = baseData.review;
  const parsed = courseSchema.safeParse(merged);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) pinned(issue.path.filter((p): p is string | number => typeof p !== 'symbol'), messageFor(issue, { value: undefined }));
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  for (const problem of crossCheck(merged)) pinned(problem.path, problem.message);
  const editionReview: EditionReview = review.data;
  const course: Course = {
    ...parsed.data,
    review: { status: editionReview.status, expires: editionReview.expires ?? parsed.data.review.expires, reviewers: editionReview.reviewers ?? [] },
  };
  const { assets, problems } = resolveAssets(course, base.dir);
  for (const problem of problems) pinned(problem.path, problem.message);
  if (diagnostics.length) return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  return {
    ok: true,
    edition: { id, market, language, file, doc, sourceMap, overlay, course, review: editionReview, sourceSha256: createHash('sha256').update(bytes).digest('hex'), assets, locate },
  };
}

interface MergeContext {
  at(path: FieldPath, message: string, options?: { key?: boolean }): void;
  /** Merged path → the overlay path that set it. */
  origins: Map<string, FieldPath>;
  /** Merged path of a list item → its path in the base. */
  basePaths: Map<string, FieldPath>;
  top?: boolean;
}

function mergeObject(base: Json, overlay: Json, schema: Schema, mergedPath: FieldPath, overlayPath: FieldPath, ctx: MergeContext): Json {
  const out: Json = { ...base };
  const properties = schema.properties ?? {};
  for (const [key, value] of Object.entries(overlay)) {
    const oPath = [...overlayPath, key];
    if (ctx.top && OVERLAY_OWN_KEYS.includes(key)) continue;
    if (ctx.top && (key === 'id' || key === 'language' || key === 'markets')) {
      ctx.at(oPath, `cannot be set by an edition (${key === 'id' ? 'an edition keeps its course id' : 'set edition.market and edition.language instead'})`, { key: true });
      continue;
    }
    const sub = unwrap(properties[key]);
    if (!sub) {
      const known = Object.keys(properties).filter((k) => !(ctx.top && ['id', 'language', 'markets', 'review', 'schemaVersion'].includes(k)));
      const guess = closest(key, known);
      ctx.at(oPath, `unknown key "${key}": the base course has no such field${guess ? `; did you mean "${guess}"?` : ` (allowed here: ${known.join(', ')})`}`, { key: true });
      continue;
    }
    const mPath = [...mergedPath, key];
    out[key] = mergeValue(base[key], value, sub, mPath, oPath, ctx);
  }
  return out;
}

function mergeValue(base: unknown, value: unknown, schema: Schema, mPath: FieldPath, oPath: FieldPath, ctx: MergeContext): unknown {
  const isIdList = schema.type === 'array' && unwrap(schema.items)?.properties?.id !== undefined && ID_LISTS.includes(formatPath(mPath.filter((p) => typeof p === 'string')));
  if (isIdList) return mergeIdList(Array.isArray(base) ? base : [], value, unwrap(schema.items) as Schema, mPath, oPath, ctx);
  if (schema.properties) {
    if (!isObj(value)) {
      ctx.at(oPath, `is ${kindOf(value)}, but the base has a mapping here`);
      return base;
    }
    return mergeObject(isObj(base) ? base : {}, value, schema, mPath, oPath, { ...ctx, top: false });
  }
  const expected = Array.isArray(base) ? 'a list' : base === undefined ? undefined : kindOf(base);
  const schemaKind = schema.type === 'array' ? 'a list' : schema.type === 'string' ? 'text' : undefined;
  const want = expected ?? schemaKind;
  if (want && kindOf(value) !== want && !(want === 'text' && typeof value === 'number')) {
    ctx.at(oPath, `is ${kindOf(value)}, but the base has ${want} here`);
    return base;
  }
  ctx.origins.set(formatPath(mPath), oPath);
  return value;
}

function mergeIdList(base: unknown[], value: unknown, itemSchema: Schema, mPath: FieldPath, oPath: FieldPath, ctx: MergeContext): unknown[] {
  if (!isObj(value)) {
    ctx.at(oPath, `is ${kindOf(value)}; an edition addresses ${formatPath(mPath)} items by id: write a mapping "<item id>: { fields to replace }"`);
    return base;
  }
  const ids = base.map((item) => (isObj(item) && typeof item.id === 'string' ? item.id : undefined));
  for (const key of Object.keys(value)) {
    if (!ids.includes(key)) {
      const known = ids.filter((i): i is string => i !== undefined);
      const guess = closest(key, known);
      ctx.at([...oPath, key], `unknown item id "${key}": ${formatPath(mPath)} in the base has no item with this id${guess ? `; did you mean "${guess}"?` : ` (ids: ${known.join(', ')})`}`, { key: true });
    }
  }
  const out: unknown[] = [];
  base.forEach((item, baseIndex) => {
    const id = ids[baseIndex];
    const change = id !== undefined ? value[id] : undefined;
    if (isObj(change) && change.remove === true && Object.keys(change).length === 1) return;
    const index = out.length;
    const itemPath = [...mPath, index];
    ctx.basePaths.set(formatPath(itemPath), [...mPath, baseIndex]);
    if (change === undefined || id === undefined) {
      out.push(item);
      return;
    }
    if (!isObj(change)) {
      ctx.at([...oPath, id], `is ${kindOf(change)}; write a mapping of the fields to replace, or { remove: true }`);
      out.push(item);
      return;
    }
    if ('id' in change) ctx.at([...oPath, id, 'id'], 'cannot be changed: an edition addresses the item by it', { key: true });
    if ('remove' in change) ctx.at([...oPath, id, 'remove'], 'must be the only key, written as { remove: true }', { key: true });
    const { id: _id, remove: _remove, ...fields } = change;
    out.push(mergeObject(isObj(item) ? item : {}, fields, itemSchema, itemPath, [...oPath, id], { ...ctx, top: false }));
  });
  return out;
}
