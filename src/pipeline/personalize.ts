/**
 * `personalize`: one copy of an edition's approved, built handout per rep in
 * a CSV, each the handout's bytes unchanged plus an incremental update that
 * fills the approved slot (src/personalize). Nothing is re-rendered and no
 * browser runs. A refused row writes nothing; the other rows still go. Core
 * logic only: results carry the diagnostics, the CLI prints them.
 */
import { readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../content/diagnostic.js';
import { BASE_EDITION } from '../content/edition.js';
import { displayPath } from '../content/load-course.js';
import { usageError } from '../errors.js';
import { BaseHandoutError, prepareBatch, writeCopies } from '../personalize/index.js';
import { slotLabel } from '../personalize/slot-label.js';
import { slotDeclarationOf } from '../render/slot-declaration.js';
import { parseEpoch, reviewDay } from './dates.js';
import { approvedHandout } from './personalisation-base.js';
import { recordPersonalised, type PersonalisedEntry } from './personalisation-manifest.js';
import { prepareCourse } from './prepare-course.js';

export interface PersonalizeOptions {
  /** The course folder (holding course.yaml). */
  courseDir: string;
  /** The reps CSV: one row per copy, one column per slot field. */
  reps: string;
  /** Edition id (default "base"). */
  edition?: string;
  /** The build's output folder, where the approved handout is (default "output"). Copies go to <out>/<course>/personalised/<edition>/. */
  outDir?: string;
  /** CSV column that names the files (default: the slot's id field). */
  nameBy?: string;
  /** Worker threads (default: the cores, when the batch is large enough to pay for them). */
  workers?: number;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export interface PersonalisedCopy {
  rep: string;
  /** As shown to the user (relative to cwd when inside it). */
  path: string;
  sha256: string;
  bytes: number;
}

export interface PersonalizeResult {
  /** True only when every row was written. */
  ok: boolean;
  copies: PersonalisedCopy[];
  /** Refused rows and cells (`reps.csv:ROW:COL  column  message`), or why nothing could be made. */
  errors: Diagnostic[];
  /** Data rows in the CSV (0 when it could not be read). */
  records: number;
  base?: { path: string; sha256: string };
  /** The personalisation date recorded in every copy (ISO 8601 UTC). */
  date?: string;
  manifest?: string;
}

export async function personalize(options: PersonalizeOptions): Promise<PersonalizeResult> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir ?? 'output');
  const csvPath = resolve(cwd, options.reps);
  const csvShown = displayPath(csvPath, cwd);
  const edition = options.edition ?? BASE_EDITION;
  const fail = (errors: Diagnostic[]): PersonalizeResult => ({ ok: false, copies: [], errors, records: 0 });

  let csv: Buffer;
  try {
    csv = readFileSync(csvPath);
  } catch (error) {
    throw usageError(`cannot read the reps CSV ${csvShown}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const today = reviewDay(env);
  const prepared = prepareCourse(resolve(cwd, options.courseDir), { today, env, cwd });
  if (!prepared.ok) return fail(prepared.diagnostics);
  const { course } = prepared;
  // Editions other than the base are prepared by the editions work; until then only the base exists.
  if (edition !== course.edition.edition) {
    return fail([{ file: course.loaded.file, line: 1, column: 1, path: '(edition)', message: `has no edition "${edition}" to personalise; this deckhand prepares only its "${BASE_EDITION}" edition` }]);
  }

  const declared = slotDeclarationOf(course.templates, (f) => displayPath(f, cwd));
  if (!declared.ok) return fail(declared.diagnostics);
  const found = await approvedHandout(course, outDir, cwd, today);
  if (!found.ok) return fail(found.diagnostics);
  const { handout } = found;

  const date = personalisationDate(csvPath, env);
  let batch;
  try {
    batch = await prepareBatch({
      base: handout.bytes,
      slot: declared.slot,
      label: slotLabel(declared.slot.labelKey, course.edition.language),
      csv,
      csvFile: csvShown,
      ...(options.nameBy ? { nameBy: options.nameBy } : {}),
      date,
    });
  } catch (error) {
    if (!(error instanceof BaseHandoutError)) throw error;
    return fail([{ file: displayPath(handout.file, cwd), line: 1, column: 1, path: '(handout)', message: `cannot be personalised: ${error.message}` }]);
  }
  const errors = [...batch.fatal, ...batch.diagnostics];
  if (batch.rows.length === 0) return { ok: errors.length === 0, copies: [], errors, records: batch.records, base: { path: displayPath(handout.file, cwd), sha256: handout.sha256 }, date: batch.date };

  const copiesDir = personalisedDir(outDir, course.id, edition);
  const written = await writeCopies(batch, { outDir: copiesDir, ...(options.workers !== undefined ? { workers: options.workers } : {}) });
  const inOut = (file: string) => relative(outDir, file).split(sep).join('/');
  const entries: PersonalisedEntry[] = written.map((w) => ({
    course: course.id,
    edition,
    rep: w.rep,
    path: inOut(w.path),
    sha256: w.sha256,
    bytes: w.bytes,
    base: { path: inOut(handout.file), sha256: handout.sha256 },
    date: batch.date,
    slot: declared.slot.id,
  }));
  const manifest = await recordPersonalised(outDir, entries);
  return {
    ok: errors.length === 0,
    copies: written.map((w) => ({ rep: w.rep, path: displayPath(w.path, cwd), sha256: w.sha256, bytes: w.bytes })),
    errors,
    records: batch.records,
    base: { path: displayPath(handout.file, cwd), sha256: handout.sha256 },
    date: batch.date,
    manifest: displayPath(manifest, cwd),
  };
}

/**
 * The date every copy records: SOURCE_DATE_EPOCH when set, else the time the
 * reps CSV was last changed (to the second). Never the clock, so the same
 * inputs give the same bytes.
 */
export function personalisationDate(csvPath: string, env: NodeJS.ProcessEnv): Date {
  if (env.SOURCE_DATE_EPOCH) return parseEpoch(env.SOURCE_DATE_EPOCH);
  return new Date(Math.floor(statSync(csvPath).mtimeMs / 1000) * 1000);
}

/** Where an edition's copies go: <out>/<course>/personalised/<edition>/. */
export const personalisedDir = (outDir: string, courseId: string, edition: string) => join(outDir, courseId, 'personalised', edition);
