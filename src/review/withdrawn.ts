/**
 * The project's withdrawal list, decks/withdrawn.yaml: document codes and
 * versions that must stop circulating, with the date and the reason. verify
 * and --release refuse a PDF whose code and version are on it. Bad entries
 * are reported at file:line:column with the field, like course files.
 *
 *   withdrawn:
 *     - code: INV-PM-TRN-0142
 *       version: "1.0"
 *       date: 2025-06-01
 *       reason: Dosing table corrected in 1.1
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { formatPath, sortDiagnostics, type Diagnostic } from '../content/diagnostic.js';
import { FORBIDDEN_CHARS, isoDate } from '../content/schema.js';
import { SourceMap, type FieldPath } from '../content/yaml-positions.js';

export const WITHDRAWN_FILE = 'withdrawn.yaml';
const MAX_BYTES = 512 * 1024;

export interface Withdrawal {
  code: string;
  version: string;
  /** YYYY-MM-DD. */
  date: string;
  reason: string;
  /** Where the entry is written, for messages. */
  file: string;
  line: number;
}

export interface WithdrawalList {
  file: string;
  entries: Withdrawal[];
}

export type WithdrawalResult = { ok: true; list: WithdrawalList } | { ok: false; diagnostics: Diagnostic[] };

const text = (max: number) =>
  z
    .string({ message: 'must be text' })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .refine((s) => !FORBIDDEN_CHARS.test(s), 'contains a control or bidi character; remove it (it can hide or reorder text)');

const entrySchema = z.strictObject({ code: text(80), version: text(20), date: isoDate, reason: text(500) });
const fileSchema = z.strictObject({ schemaVersion: z.literal(1).optional(), withdrawn: z.array(entrySchema) });

/** Reads `file`; a missing file is an empty list. */
export function loadWithdrawals(file: string): WithdrawalResult {
  if (!existsSync(file)) return { ok: true, list: { file, entries: [] } };
  const size = statSync(file).size;
  if (size > MAX_BYTES) return { ok: false, diagnostics: [{ file, line: 1, column: 1, path: '(file)', message: `is ${size} bytes; the withdrawal list may be at most ${MAX_BYTES} bytes` }] };
  return parseWithdrawals(readFileSync(file, 'utf8'), file);
}

export function parseWithdrawals(source: string, file: string): WithdrawalResult {
  const lines = new LineCounter();
  const doc = parseDocument(source, { lineCounter: lines, uniqueKeys: true, strict: true, merge: false, logLevel: 'error', prettyErrors: false });
  const map = new SourceMap(doc, lines);
  const diagnostics: Diagnostic[] = [];
  const at = (path: FieldPath, message: string) => diagnostics.push({ file, ...map.positionOf(path), path: formatPath(path), message });
  for (const e of doc.errors) diagnostics.push({ file, ...map.at(e.pos[0]), path: formatPath(map.pathAt(e.pos[0])), message: e.message.split('\n')[0] ?? e.message });
  if (diagnostics.length) return { ok: false, diagnostics };

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 50 }) ?? { withdrawn: [] };
  } catch (error) {
    return { ok: false, diagnostics: [{ file, line: 1, column: 1, path: '(file)', message: `cannot be read: ${(error as Error).message}` }] };
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      const last = path.at(-1);
      const written = map.sourceOf(path, source);
      const message =
        last === 'version' && issue.code === 'invalid_type' && written !== undefined
          ? `must be text: write it in quotes ("${written}"), or YAML reads ${written} as a number`
          : issue.code === 'unrecognized_keys'
            ? `unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')} (allowed: code, version, date, reason)`
            : issue.message;
      at(path, message);
    }
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }

  const entries = parsed.data.withdrawn.map((e, i): Withdrawal => ({ ...e, file, line: map.positionOf(['withdrawn', i]).line }));
  const seen = new Map<string, number>();
  entries.forEach((e, i) => {
    const key = `${e.code}\u0000${e.version}`;
    const first = seen.get(key);
    if (first !== undefined) at(['withdrawn', i], `lists ${e.code} version ${e.version} again (first at line ${entries[first]!.line})`);
    else seen.set(key, i);
  });
  return diagnostics.length ? { ok: false, diagnostics: sortDiagnostics(diagnostics) } : { ok: true, list: { file, entries } };
}

/** The withdrawal of this exact code and version, if any (codes compare case-sensitively, as printed). */
export function findWithdrawal(list: WithdrawalList, code: string, version: string): Withdrawal | undefined {
  return list.entries.find((e) => e.code === code.trim() && e.version === version.trim());
}
