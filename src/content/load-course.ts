/**
 * Reads `course.yaml`, parses it with source positions and validates it.
 * Every problem comes back at once, each pinned to file:line:column and field.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseAllDocuments, parseDocument, visit, type Document } from 'yaml';
import { resolveAssets, type Asset } from './assets.js';
import { crossCheck } from './cross-checks.js';
import { resolveReferenceFiles, type SourceFile } from './reference-files.js';
import { referenceProblems, uncitedReferences } from './references.js';
import { formatPath, sortDiagnostics, type Diagnostic } from './diagnostic.js';
import { messageFor, printable } from './issue-messages.js';
import { knownKeysAt } from './json-schema.js';
import { courseSchema, FORBIDDEN_CHARS, type Course } from './schema.js';
import { closest } from './suggest.js';
import { SourceMap, type FieldPath } from './yaml-positions.js';

export const COURSE_FILE = 'course.yaml';
/** Larger files are refused before parsing: a course is a few dozen KB. */
export const MAX_COURSE_BYTES = 512 * 1024;
/** Aliases a file may expand; stops "billion laughs" documents. */
export const MAX_ALIAS_COUNT = 50;

export interface LoadedCourse {
  /** Absolute course folder. */
  dir: string;
  /** The course file as shown in messages (relative to the working directory). */
  file: string;
  course: Course;
  /** The YAML document, kept for positions and for comment-preserving edits. */
  doc: Document;
  sourceMap: SourceMap;
  /** sha256 of the raw course.yaml bytes. */
  sourceSha256: string;
  /** Images the course refers to, by the path written in the course. */
  assets: Map<string, Asset>;
  /** PDFs of sources (`references[].file`), hashed. */
  sourceFiles: SourceFile[];
  /** Problems that do not stop a build (a `$schema` line that does not resolve, a reference nothing cites). */
  warnings: Diagnostic[];
}

export type LoadResult = { ok: true; loaded: LoadedCourse } | { ok: false; diagnostics: Diagnostic[] };

export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, file);
  return (rel.startsWith('..') || isAbsolute(rel) ? file : rel).split(sep).join('/');
}

export function loadCourse(courseDir: string, cwd = process.cwd()): LoadResult {
  const dir = resolve(cwd, courseDir);
  const path = join(dir, COURSE_FILE);
  const file = displayPath(path, cwd);
  const fail = (message: string, line = 1, column = 1, field = '(file)'): LoadResult => ({
    ok: false,
    diagnostics: [{ file, line, column, path: field, message }],
  });

  if (!existsSync(path)) return fail(`no ${COURSE_FILE} in ${displayPath(dir, cwd)}`);
  const size = statSync(path).size;
  if (size > MAX_COURSE_BYTES) return fail(`is ${size} bytes; a course file may be at most ${MAX_COURSE_BYTES} bytes`);
  const bytes = readFileSync(path);

  const decoded = decodeUtf8(bytes);
  if ('error' in decoded) {
    // Name the field too: parse the lossy text just to find where the bad bytes sit.
    const lossy = new TextDecoder('utf-8').decode(bytes);
    const lines = new LineCounter();
    const map = new SourceMap(parseDocument(lossy, { lineCounter: lines, logLevel: 'silent' }), lines);
    return fail(decoded.error, decoded.line, decoded.column, formatPath(map.pathAt(lossy.indexOf('\uFFFD'))));
  }
  const text = decoded.text;

  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: true, strict: true, merge: false, logLevel: 'error' });
  const sourceMapFor = (doc: Document) => new SourceMap(doc, lineCounter);
  if (!Array.isArray(docs) || docs.length === 0) return fail('is empty; expected a course mapping');
  const doc = docs[0] as Document;
  const sourceMap = sourceMapFor(doc);
  const diagnostics: Diagnostic[] = [];
  const at = (path: FieldPath, message: string, options?: { key?: boolean }) => {
    const pos = sourceMap.positionOf(path, options);
    diagnostics.push({ file, line: pos.line, column: pos.column, path: formatPath(path), message });
  };

  if (docs.length > 1) {
    const start = sourceMapFor(docs[1] as Document).at(docs[1]?.range?.[0] ?? 0);
    diagnostics.push({ file, ...start, path: '(file)', message: 'holds more than one YAML document (a second "---"); a course file holds exactly one' });
  }
  const reported = new Set<number>();
  for (const problem of [...doc.errors, ...doc.warnings]) {
    const offset = problem.pos[0];
    // The parser sometimes reports one defect twice at the same place; the first message is the clearer one.
    if (reported.has(offset)) continue;
    reported.add(offset);
    const pos = sourceMap.at(offset);
    const written = text.slice(problem.pos[0]).split('\n')[0] ?? '';
    diagnostics.push({ file, ...pos, path: formatPath(sourceMap.pathAt(offset)), message: yamlMessage(problem.code, problem.message, written) });
  }
  // Only editors read the $schema line: one that does not resolve is a warning, never a reason to refuse the course.
  const warnings = schemaLineProblems(text, dir, file, cwd);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // The yaml package's two alias failures: an alias before its anchor, and too many expansions.
    const unresolved = /^Unresolved alias[^:]*: (.+)$/.exec(reason)?.[1];
    const message =
      unresolved !== undefined
        ? `uses the alias *${printable(unresolved, 40)} before its anchor &${printable(unresolved, 40)} is defined; put the anchor first, or write the value out`
        : /excessive alias count/i.test(reason)
          ? `expands too many YAML aliases (*name); at most ${MAX_ALIAS_COUNT} are allowed, which stops "billion laughs" files`
          : `cannot be read: ${printable(reason, 200)}`;
    const alias = firstAliasOffset(doc, unresolved);
    const pos = alias === undefined ? { line: 1, column: 1 } : sourceMap.at(alias);
    const path = alias === undefined ? '(file)' : formatPath(sourceMap.pathAt(alias));
    return { ok: false, diagnostics: sortDiagnostics([...diagnostics, { file, ...pos, path, message }]) };
  }

  // After a YAML syntax error the parser's recovered document is unreliable from
  // that point on: keep schema problems located before the first syntax error,
  // and "is required" only for fields not written after it.
  const firstSyntaxError = doc.errors.length ? Math.min(...doc.errors.map((e) => e.pos[0])) : Infinity;
  const syntaxCount = diagnostics.length;
  const parsed = courseSchema.safeParse(data);
  // A misspelled key says "did you mean"; the field it meant is then not also "required".
  const meant = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const known = knownKeysAt(path);
        for (const key of issue.keys) {
          if (key === '<<') {
            at([...path, key], 'YAML merge keys ("<<") are not supported; write the fields out in full', { key: true });
            continue;
          }
          const guess = closest(key, known);
          if (guess) meant.add(formatPath([...path, guess]));
          const hidden = FORBIDDEN_CHARS.test(key) ? ' (it contains an invisible character)' : '';
          at([...path, key], `unknown key "${printable(key)}"${hidden}${guess ? `; did you mean "${guess}"?` : ` (allowed here: ${known.join(', ')})`}`, { key: true });
        }
      } else {
        const written = sourceMap.sourceOf(path, text);
        at(path, messageFor(issue, { value: valueAt(data, path), ...(written !== undefined ? { written } : {}) }));
      }
    }
  }
  for (const problem of [...crossCheck(data), ...referenceProblems(data)]) at(problem.path, problem.message);
  if (meant.size > 0) {
    const kept = diagnostics.filter((d) => !(d.message === 'is required' && meant.has(d.path)));
    diagnostics.splice(0, diagnostics.length, ...kept);
  }
  if (Number.isFinite(firstSyntaxError)) {
    const limit = sourceMap.at(firstSyntaxError);
    const after = text.slice(firstSyntaxError);
    // Written later = the key appears after the error at the indentation of the mapping that lacks it.
    const writtenLater = (d: Diagnostic) => {
      const key = (d.path.split('.').pop() ?? '').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      return new RegExp(`^[ -]{${d.column - 1}}${key}\\s*:`, 'm').test(after);
    };
    const before = (d: Diagnostic) => d.line < limit.line || (d.line === limit.line && d.column < limit.column);
    // A "missing" field that is written after the syntax error was only lost by the parser.
    const kept = diagnostics.slice(syntaxCount).filter((d) => (d.message === 'is required' ? !writtenLater(d) : before(d)));
    diagnostics.splice(syntaxCount, diagnostics.length - syntaxCount, ...kept);
  }

  if (!parsed.success) return { ok: false, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
  if (parsed.data.id !== basename(dir)) {
    at(['id'], `is "${parsed.data.id}" but the course folder is "${basename(dir)}"; they must match`);
  }
  const { assets, problems } = resolveAssets(parsed.data, dir);
  for (const problem of problems) at(problem.path, problem.message);
  const sources = resolveReferenceFiles(parsed.data, dir);
  for (const problem of sources.problems) at(problem.path, problem.message);

  if (diagnostics.length > 0) return { ok: false, diagnostics: sortDiagnostics(dedupe(diagnostics)) };
  warnings.push(...uncitedReferences(data).map((w): Diagnostic => ({ file, ...sourceMap.positionOf(w.path), path: formatPath(w.path), message: w.message })));
  return {
    ok: true,
    loaded: { dir, file, course: parsed.data, doc, sourceMap, sourceSha256: createHash('sha256').update(bytes).digest('hex'), assets, sourceFiles: sources.files, warnings },
  };
}

function firstAliasOffset(doc: Document, name?: string): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (name !== undefined && node.source !== name) return;
      if (node.range && (offset === undefined || node.range[0] < offset)) offset = node.range[0];
    },
  });
  return offset;
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string | number, unknown>)[part];
  }
  return value;
}

function dedupe(list: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.line}:${d.column}:${d.path}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Short, author-facing wording for the yaml package's error codes. */
function yamlMessage(code: string, message: string, written: string): string {
  const first = message.split('\n')[0] ?? message;
  switch (code) {
    case 'DUPLICATE_KEY':
      return `duplicate key${written ? ` "${printable(written.replace(/:.*$/, '').trim())}"` : ''}: it already appears earlier in the same mapping`;
    case 'TAB_AS_INDENT':
      return 'YAML syntax error: tab used for indentation; indent with spaces';
    case 'TAG_RESOLVE_FAILED': {
      const tag = /^!\S*/.exec(written.trim())?.[0] ?? first.replace(/^Unresolved tag: /, '');
      return `YAML tag ${tag} is not allowed; course files hold plain text, lists and mappings only`;
    }
    case 'BAD_INDENT':
    case 'MULTILINE_IMPLICIT_KEY':
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'UNEXPECTED_TOKEN':
      return `YAML syntax error: ${first} (check the indentation of this line and the next)`;
    default:
      return `YAML syntax error: ${first}`;
  }
}

type Decoded = { text: string } | { error: string; line: number; column: number };

function decodeUtf8(bytes: Buffer): Decoded {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { error: 'starts with a byte-order mark (BOM); save the file as UTF-8 without BOM', line: 1, column: 1 };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8').decode(bytes);
    const bad = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(0, bad));
    const line = before.split('\n').length;
    const column = bad - before.lastIndexOf('\n');
    return { error: 'is not valid UTF-8 (an invalid byte sequence here); save the file as UTF-8', line, column };
  }
}

const SCHEMA_LINE = /^#\s*yaml-language-server:\s*\$schema=(\S*)/m;

/** A `# yaml-language-server: $schema=` line must point at a local schema file that exists. */
function schemaLineProblems(text: string, dir: string, file: string, cwd: string): Diagnostic[] {
  const match = SCHEMA_LINE.exec(text);
  if (!match) return [];
  const target = match[1] ?? '';
  const before = text.slice(0, match.index);
  const line = before.split('\n').length;
  const column = match[0].indexOf('$schema') + 1;
  const problem = (message: string): Diagnostic[] => [{ file, line, column, path: '$schema', message }];
  const hint = 'editors then cannot check this file; use $schema=../../schema/course.schema.json in a deckhand checkout or $schema=../../node_modules/deckhand/schema/course.schema.json in a content repository';
  if (target === '') return problem(`the $schema line names no file; ${hint}`);
  if (/^[a-z][a-z0-9+.-]*:/i.test(target)) return problem(`points to "${target}", a URL; deckhand works offline, so ${hint}`);
  const resolved = resolve(dir, target);
  if (!existsSync(resolved)) return problem(`points to "${target}", which does not exist (resolved to ${displayPath(resolved, cwd)}); ${hint}`);
  if (!resolved.endsWith('.json')) return problem(`points to "${target}", which is not a JSON Schema file`);
  return [];
}
