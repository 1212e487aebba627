/**
 * A personalisation batch: read the reps CSV, refuse the rows that cannot be
 * drawn, subset the font for the union of what the good rows draw, and plan
 * the update on the base handout once. `copyBytes` then makes any one copy;
 * `writeCopies` (write-copies.ts) makes them all on a worker pool.
 */
import type { Diagnostic } from '../content/diagnostic.js';
import { firstFreeObject, planBase, type BasePlan } from './base-plan.js';
import { copyTail } from './copy-writer.js';
import { concat } from './pdf-bytes.js';
import { readRepsCsv, type RepRow } from './reps-csv.js';
import type { SlotDeclaration } from '../render/slot-declaration.js';
import { prepareSlotFont, slotFontMetrics } from './slot-font.js';
import { drawProblem } from './slot-layout.js';

export interface BatchRequest {
  /** The sealed, approved handout (one revision). */
  base: Uint8Array;
  slot: SlotDeclaration;
  /** The box's label in the edition's language, e.g. "Your contact" (interface text). */
  label: string;
  csv: string | Uint8Array;
  /** How the CSV is named in diagnostics. */
  csvFile?: string;
  /** Column that names the files; the slot's id field by default. */
  nameBy?: string;
  /** The personalisation date recorded in every copy (from the input, never the clock). */
  date: Date;
}

export interface Batch {
  plan: BasePlan;
  base: Uint8Array;
  /** ISO 8601 UTC, seconds. */
  date: string;
  /** The rows that will be written. */
  rows: RepRow[];
  /** Refused cells: each refuses its row. */
  diagnostics: Diagnostic[];
  /** Problems with the CSV as a whole: when present, `rows` is empty. */
  fatal: Diagnostic[];
  records: number;
}

export const isoSeconds = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export async function prepareBatch(request: BatchRequest): Promise<Batch> {
  const { slot } = request;
  const table = readRepsCsv(request.csv, slot, { file: request.csvFile ?? 'reps.csv', ...(request.nameBy ? { nameBy: request.nameBy } : {}) });
  const metrics = await slotFontMetrics();
  const diagnostics = [...table.diagnostics];
  const rows = table.rows.filter((row) => {
    let ok = true;
    for (const f of slot.fields) {
      const problem = drawProblem(slot, f.name, row.values[f.name] ?? '', metrics);
      if (!problem) continue;
      const at = row.cells[f.name] ?? { line: row.line, column: 1 };
      diagnostics.push({ file: request.csvFile ?? 'reps.csv', ...at, path: f.name, message: problem });
      ok = false;
    }
    return ok;
  });
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  const drawn = new Set<number>();
  const label = [...request.label].filter((c) => metrics.has(c.codePointAt(0) ?? 0)).join('');
  for (const c of label) drawn.add(c.codePointAt(0) ?? 0);
  for (const row of rows) for (const f of slot.fields) if (f.kind === 'text') for (const c of row.values[f.name] ?? '') drawn.add(c.codePointAt(0) ?? 0);
  const font = await prepareSlotFont(drawn, firstFreeObject(request.base));
  const plan = await planBase({ base: request.base, slot, label, font });
  return { plan, base: request.base, date: isoSeconds(request.date), rows, diagnostics, fatal: table.fatal, records: table.records };
}

/** One copy, whole. */
export function copyBytes(batch: Batch, row: RepRow): Uint8Array {
  return concat([batch.base, batch.plan.prefix, copyTail(batch.plan, { rep: row.id, values: row.values }, batch.date)]);
}
