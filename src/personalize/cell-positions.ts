/**
 * Where each field of a CSV record starts, as line and character column.
 *
 * csv-parse reports the line a record ends on and its raw text, not where
 * each field begins; this walks that raw text once (quotes and line breaks
 * only, the parsing itself stays csv-parse's) so a problem can point at the
 * exact cell, even after quoted fields with embedded line breaks.
 */
export interface CellPosition {
  line: number;
  column: number;
}

/** `raw` is the record's text as csv-parse gives it; `endLine` its info.lines. */
export function cellPositions(raw: string, endLine: number, delimiter = ','): CellPosition[] {
  const body = raw.replace(/^[\r\n]+/, '').replace(/(\r\n|\n|\r)$/, '');
  const breaks = body.match(/\r\n|\n|\r/g)?.length ?? 0;
  let line = endLine - breaks;
  let column = 1;
  let quoted = false;
  let fieldStart = true;
  const cells: CellPosition[] = [];
  const chars = [...body];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    if (fieldStart) {
      // A quoted field's value starts after its opening quote.
      cells.push(c === '"' ? { line, column: column + 1 } : { line, column });
      fieldStart = false;
    }
    if (c === '"') quoted = !quoted;
    else if (c === delimiter && !quoted) fieldStart = true;
    if (c === '\r' || c === '\n') {
      if (c === '\r' && chars[i + 1] === '\n') i++;
      line++;
      column = 1;
      continue;
    }
    column++;
  }
  if (fieldStart) cells.push({ line, column });
  return cells;
}
