/**
 * Market profiles: templates/markets/<MARKET>.yaml says what every edition for
 * that market must carry (statements, a date of preparation), the longest
 * review period, and which kinds of item must cite a reference. The loader
 * reads one with source positions and reports every problem at
 * file:line:column and field, like a course.
 */
import { citingKinds, type CitingKind } from '../content/schema.js';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { formatPath, sortDiagnostics, type Diagnostic } from '../content/diagnostic.js';
import { messageFor } from '../content/issue-messages.js';
import { displayPath } from '../content/load-course.js';
import { closest } from '../content/suggest.js';
import { SourceMap, type FieldPath } from '../content/yaml-positions.js';

export const MARKETS_DIR = 'markets';
const MAX_PROFILE_BYTES = 64 * 1024;

/** What a profile can require, and where each lives in a resolved course. */
export const REQUIREMENTS = {
  adverseEvents: { path: ['statements', 'adverseEvents'], what: 'an adverse-event reporting line' },
  prescribingInformation: { path: ['statements', 'prescribingInformation'], what: 'a prescribing-information or IFU reference' },
  localContact: { path: ['statements', 'localContact'], what: 'a local contact' },
  datePrepared: { path: ['document', 'prepared'], what: 'a date of preparation' },
} as const satisfies Record<string, { path: readonly string[]; what: string }>;
export type Requirement = keyof typeof REQUIREMENTS;

/** Kinds of item a reference policy can name: the same as a course's policy.requireReferences (content/schema.ts). */
export type ReferenceSection = CitingKind;

const requirement = z.enum(Object.keys(REQUIREMENTS) as [Requirement, ...Requirement[]]);
const referenceSection = z.enum(citingKinds);

export const marketProfileSchema = z.strictObject({
  schemaVersion: z.literal(1),
  market: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 code in capitals, e.g. GB, TR, DE'),
  name: z.string().min(1).max(200),
  /** Shipped profiles are examples; a team that adopts one sets this to false after its own review. */
  example: z.boolean(),
  notice: z.string().min(1).max(2000).optional(),
  requires: z.array(requirement).default([]),
  maxReviewMonths: z.number().int().min(1).max(120).optional(),
  requireReferences: z.array(referenceSection).default([]),
});

export type MarketProfile = z.infer<typeof marketProfileSchema> & {
  /** The profile file as shown in messages. */
  file: string;
  sourceMap: SourceMap;
};

export type MarketProfileResult = { ok: true; profile: MarketProfile | undefined } | { ok: false; diagnostics: Diagnostic[] };

/** Markets with a profile in any root, sorted. */
export function marketProfiles(templatesRoots: readonly string[]): string[] {
  const found = new Set<string>();
  for (const root of templatesRoots) {
    const dir = join(root, MARKETS_DIR);
    if (existsSync(dir)) for (const name of readdirSync(dir)) if (/^[A-Z]{2}\.yaml$/.test(name)) found.add(name.slice(0, 2));
  }
  return [...found].sort();
}

/**
 * The profile for `market` from the first root that has one; `profile: undefined`
 * when no root has one (the market then has no rules; the caller may warn).
 */
export function loadMarketProfile(templatesRoots: readonly string[], market: string, cwd = process.cwd()): MarketProfileResult {
  if (!/^[A-Z]{2}$/.test(market)) return { ok: true, profile: undefined };
  const path = templatesRoots.map((root) => join(root, MARKETS_DIR, `${market}.yaml`)).find((p) => existsSync(p));
  if (!path) return { ok: true, profile: undefined };
  return readMarketProfile(path, displayPath(path, cwd), market);
}

export function readMarketProfile(path: string, file: string, market: string): MarketProfileResult {
  const fail = (message: string, line = 1, column = 1, field = '(file)'): MarketProfileResult => ({ ok: false, diagnostics: [{ file, line, column, path: field, message }] });
  const size = statSync(path).size;
  if (size > MAX_PROFILE_BYTES) return fail(`is ${size} bytes; a market profile may be at most ${MAX_PROFILE_BYTES} bytes`);
  const text = readFileSync(path, 'utf8');
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true, merge: false, logLevel: 'silent' });
  const sourceMap = new SourceMap(doc, lines);
  const diagnostics: Diagnostic[] = [];
  const at = (field: FieldPath, message: string, options?: { key?: boolean }) => {
    const pos = sourceMap.positionOf(field, options);
    diagnostics.push({ file, ...pos, path: formatPath(field), message });
  };
  for (const error of doc.errors) {
    const pos = sourceMap.at(error.pos[0]);
    diagnostics.push({ file, ...pos, path: formatPath(sourceMap.pathAt(error.pos[0])), message: `YAML syntax error: ${error.message.split('\n')[0] ?? ''}` });
  }
  if (diagnostics.length) return { ok: false, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 10 });
  } catch (error) {
    return fail(`cannot be read: ${(error as Error).message}`);
  }
  const parsed = marketProfileSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const known = Object.keys(marketProfileSchema.shape);
        for (const key of issue.keys) {
          const guess = closest(key, known);
          at([...field, key], `unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ` (allowed here: ${known.join(', ')})`}`, { key: true });
        }
      } else if (issue.code === 'invalid_value' && field[0] === 'requires') {
        const written = String(valueAt(data, field));
        const guess = closest(written, Object.keys(REQUIREMENTS));
        at(field, `"${written}" is not a requirement deckhand knows${guess ? `; did you mean "${guess}"?` : ''} (known: ${Object.keys(REQUIREMENTS).join(', ')})`);
      } else {
        at(field, messageFor(issue, { value: valueAt(data, field) }));
      }
    }
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  if (parsed.data.market !== market) at(['market'], `is "${parsed.data.market}" but the file is ${market}.yaml; they must match`);
  if (diagnostics.length) return { ok: false, diagnostics };
  return { ok: true, profile: { ...parsed.data, file, sourceMap } };
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let value = data;
  for (const part of path) value = typeof value === 'object' && value !== null ? (value as Record<string | number, unknown>)[part] : undefined;
  return value;
}
