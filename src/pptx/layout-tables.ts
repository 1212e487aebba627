/**
 * Slides that are native tables: procedures (name | type and step | purpose)
 * and document control (field | value). Row heights are measured cell by
 * cell; the whole table must end inside the body area.
 */
import { BODY_BOX, heading, run } from './layout-common.js';
import { largestFit, type Shape, type TableCell, type TableShape } from './layout.js';
import { blockHeight, type Para, type StyledRun } from './text-block.js';
import { COLOURS, pt, px } from './theme.js';
import type { PlannedSlide } from './slide-plan.js';

type Of<K extends PlannedSlide['kind']> = Extract<PlannedSlide, { kind: K }>;

const PAD = { x: px(14), y: px(8) };

function table(rows: TableCell[][], fractions: number[]): TableShape {
  const colW = fractions.map((f) => f * BODY_BOX.w);
  const rowH = rows.map((cells) => Math.max(...cells.map((cell, i) => blockHeight(cell.paras, (colW[i] ?? 0) - 2 * PAD.x))) + 2 * PAD.y);
  return {
    kind: 'table',
    x: BODY_BOX.x,
    y: BODY_BOX.y,
    w: BODY_BOX.w,
    h: rowH.reduce((a, b) => a + b, 0),
    colW,
    rows,
    rowH,
    pad: PAD,
    headerRule: COLOURS.accent,
    rowRule: COLOURS.tableRule,
  };
}

const cell = (runs: StyledRun[], size: number, color: string = COLOURS.text): TableCell => ({ paras: [{ runs, size, lineHeight: 1.3, color } satisfies Para] });

export function procedureShapes(slide: Of<'procedures'>): Shape[] {
  const shape = largestFit((s) => {
    const size = pt(22) * s;
    const rows: TableCell[][] = [
      slide.columns.map((c) => cell([run(c, { bold: true })], size, COLOURS.accent)),
      ...slide.rows.map((r) => [
        cell([run(r.name, { bold: true })], size, COLOURS.strong),
        cell([run(r.kind, { color: COLOURS.accent }), run(r.step, { breakBefore: true, color: COLOURS.muted })], size),
        cell([run(r.purpose), ...(r.confirms ? [run(r.confirms.label, { breakBefore: true, bold: true, color: COLOURS.strong }), run(` ${r.confirms.text}`)] : [])], size),
      ]),
    ];
    const t = table(rows, [0.24, 0.24, 0.52]);
    return { result: t, fits: t.h <= BODY_BOX.h + 1e-6 };
    // The deck never splits one procedure, so a very long one may need small type.
  }, 0.5);
  return [heading(slide.heading), shape];
}

export function documentControlShapes(slide: Of<'documentControl'>): Shape[] {
  const shape = largestFit((s) => {
    const size = pt(21) * s;
    const rows: TableCell[][] = [
      slide.columns.map((c) => cell([run(c, { bold: true })], size, COLOURS.accent)),
      ...slide.rows.map(([field, value]) => [cell([run(field, { bold: true })], size, COLOURS.strong), cell([run(value)], size)]),
    ];
    const t = table(rows, [0.3, 0.7]);
    return { result: t, fits: t.h <= BODY_BOX.h + 1e-6 };
  });
  return [heading(slide.heading), shape];
}
