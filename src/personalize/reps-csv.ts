/**
 * The reps CSV: one row per personalised copy, one column per slot field.
 *
 * Parsed with csv-parse (UTF-8, BOM, quoted fields, embedded line breaks).
 * Problems that concern the whole file (an unknown or missing column, broken
 * quoting) stop the batch; a problem in a cell refuses that row only, and the
 * other rows still go. Every problem is `reps.csv:LINE:COLUMN  column  message`,
 * LINE being where the cell starts.
 */
import { parse } from 'csv-parse/sync';
import type { Diagnostic } from '../content/diagnostic.js';
import { printable } from '../content/issue-messages.js';
import { closest } from '../content/suggest.js';
import { cellProblem } from './cell-rules.js';
import { cellPositions, type CellPosition } from './cell-positions.js';
import { clashKey, safeFileName } from './file-names.js';
import type { SlotDeclaration } from '../render/slot-declaration.js';

export const MAX_REPS_CSV_BYTES = 16 * 1024 * 1024;
export const MAX_REPS = 100_000;

export interface RepRow {
  /** Line the record starts on. */
  line: number;
  /** The value of the slot's id field. */
  id: string;
  /** File-system-safe name from the --name-by column. */
  fileName: string;
  /** Every declared field, trimmed; '' when absent. */
  values: Record<string, string>;
  /** Where each field's cell starts, for layout problems found later. */
  cells: Record<string, CellPosition>;
}

export interface RepsTable {
  /** Rows that may be written. */
  rows: RepRow[];
  /** Problems in cells: their rows are refused. */
  diagnostics: Diagnostic[];
  /** Problems with the file as a whole: nothing may be written. */
  fatal: Diagnostic[];
  /** Number of data records read (good and bad). */
  records: number;
}

interface Record_ {
  record: string[];
  raw: string;
  info: { lines: number };
}

export function readRepsCsv(text: string | Uint8Array, slot: SlotDeclaration, options: { file?: string; nameBy?: string } = {}): RepsTable {
  const file = options.file ?? 'reps.csv';
  const empty = (fatal: Diagnostic[]): RepsTable => ({ rows: [], diagnostics: [], fatal, records: 0 });
  const size = typeof text === 'string' ? Buffer.byteLength(text) : text.byteLength;
  if (size > MAX_REPS_CSV_BYTES) return empty([{ file, line: 1, column: 1, path: '(file)', message: `is ${size} bytes; at most ${MAX_REPS_CSV_BYTES} are read` }]);
  // One kind of line break: csv-parse counts a CRLF inside a quoted field as two lines, which would shift every later position.
  const source = (typeof text === 'string' ? text : new TextDecoder('utf-8', { fatal: false }).decode(text)).replace(/\r\n?/g, '\n');

  let records: Record_[];
  try {
    records = parse(source, { bom: true, info: true, raw: true, relax_column_count: true, skip_empty_lines: true }) as unknown as Record_[];
  } catch (error) {
    const e = error as Error & { lines?: number; column?: number };
    return empty([{ file, line: e.lines ?? 1, column: (e.column ?? 0) + 1, path: '(file)', message: `is not valid CSV: ${e.message}` }]);
  }
  const [header, ...data] = records;
  if (!header) return empty([{ file, line: 1, column: 1, path: '(file)', message: 'is empty; the first line must name the columns' }]);
  if (data.length > MAX_REPS) return empty([{ file, line: 1, column: 1, path: '(file)', message: `has ${data.length} rows; at most ${MAX_REPS} are read` }]);

  const fatal: Diagnostic[] = [];
  const headerCells = cellPositions(header.raw, header.info.lines);
  const names = header.record.map((c) => c.trim());
  const known = slot.fields.map((f) => f.name);
  const seen = new Map<string, number>();
  names.forEach((name, i) => {
    const pos = headerCells[i] ?? { line: 1, column: 1 };
    const shown = printable(name, 40) || '(empty)';
    if (!known.includes(name)) {
      const hint = closest(name, known);
      fatal.push({ file, ...pos, path: shown, message: `is not a field of the "${slot.id}" slot${hint ? `; did you mean "${hint}"?` : ''} (allowed: ${known.join(', ')})` });
    } else if (seen.has(name)) {
      fatal.push({ file, ...pos, path: shown, message: `is named twice (first in column ${(seen.get(name) ?? 0) + 1})` });
    }
    if (!seen.has(name)) seen.set(name, i);
  });
  for (const f of slot.fields) {
    if (f.required && !names.includes(f.name)) fatal.push({ file, line: header.info.lines, column: 1, path: f.name, message: 'is a required column and missing from the header' });
  }
  const nameBy = options.nameBy ?? slot.fields.find((f) => f.kind === 'id')?.name ?? 'id';
  if (!known.includes(nameBy)) fatal.push({ file, line: 1, column: 1, path: nameBy, message: `cannot name the files: it is not a field of the slot (allowed: ${known.join(', ')})` });
  else if (!names.includes(nameBy)) fatal.push({ file, line: 1, column: 1, path: nameBy, message: 'cannot name the files: the CSV has no such column' });
  if (fatal.length) return empty(fatal);

  const idField = slot.fields.find((f) => f.kind === 'id')?.name ?? 'id';
  const diagnostics: Diagnostic[] = [];
  const candidates: { row: RepRow; bad: boolean }[] = [];
  for (const rec of data) {
    const positions = cellPositions(rec.raw, rec.info.lines);
    const line = positions[0]?.line ?? rec.info.lines;
    let bad = false;
    const values: Record<string, string> = {};
    const cells: Record<string, CellPosition> = {};
    rec.record.forEach((cell, i) => {
      const pos = positions[i] ?? { line, column: 1 };
      const name = names[i];
      if (name === undefined) {
        if (cell.trim() === '') return;
        diagnostics.push({ file, ...pos, path: `(column ${i + 1})`, message: `has a value, but the header names only ${names.length} columns` });
        bad = true;
        return;
      }
      cells[name] = pos;
      // NFC, so that "é" typed either way is one character, one glyph and one length.
      values[name] = cell.trim().normalize('NFC');
    });
    for (const field of slot.fields) {
      const value = values[field.name] ?? '';
      values[field.name] = value;
      const pos = cells[field.name] ?? { line, column: positions.length + 1 };
      cells[field.name] = pos;
      const problem = cellProblem(field, value);
      if (problem) {
        diagnostics.push({ file, ...pos, path: field.name, message: problem });
        bad = true;
      }
    }
    const fileName = safeFileName(values[nameBy] ?? '');
    if (!fileName && !bad) {
      diagnostics.push({ file, ...(cells[nameBy] ?? { line, column: 1 }), path: nameBy, message: 'gives no usable file name (no letter or digit)' });
      bad = true;
    }
    candidates.push({ row: { line, id: values[idField] ?? '', fileName: fileName ?? '', values, cells }, bad });
  }

  // A clash refuses every row involved: which of them is meant cannot be known.
  const byName = new Map<string, RepRow[]>();
  for (const { row, bad } of candidates) {
    if (bad) continue;
    const key = clashKey(row.fileName);
    byName.set(key, [...(byName.get(key) ?? []), row]);
  }
  const clashing = new Set<RepRow>();
  for (const group of byName.values()) {
    if (group.length < 2) continue;
    for (const row of group) {
      clashing.add(row);
      const others = group.filter((o) => o !== row).map((o) => o.line);
      diagnostics.push({ file, ...(row.cells[nameBy] ?? { line: row.line, column: 1 }), path: nameBy, message: `gives the file name "${row.fileName}", as do the rows on line ${others.join(', ')}; names must be unique` });
    }
  }
  const rows = candidates.filter((c) => !c.bad && !clashing.has(c.row)).map((c) => c.row);
  diagnostics.sort((a, b) => a.line - b.line || a.column - b.column);
  return { rows, diagnostics, fatal: [], records: data.length };
}
