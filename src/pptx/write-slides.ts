/**
 * Laid-out slides → pptxgenjs calls. Positions are inches; pptxgenjs takes
 * text-box and cell margins in points, and text-box margins in the order
 * [left, right, bottom, top] (see genXmlSlide in pptxgenjs 4.0.1).
 */
import type { Pptx, Slide, TableCell, TableRow, TextPropsOptions } from './pptxgen.js';
import type { Shape, SlideLayout, TableShape, TextShape } from './layout.js';
import { MASTER } from './masters.js';
import { textRuns } from './text-block.js';

const PT = 72;

export function writeSlides(pptx: Pptx, layouts: SlideLayout[], lang: string): void {
  for (const layout of layouts) {
    const slide = pptx.addSlide({ masterName: MASTER[layout.master] });
    for (const shape of layout.shapes) writeShape(slide, shape, lang);
    if (layout.notes) slide.addNotes(layout.notes);
  }
}

function writeShape(slide: Slide, shape: Shape, lang: string): void {
  const at = { x: shape.x, y: shape.y, w: shape.w, h: shape.h };
  switch (shape.kind) {
    case 'text':
      slide.addText(textRuns(shape.paras, lang), textOptions(shape));
      return;
    case 'rect':
      // A shape with an empty text body: pptxgenjs writes text-less shapes without one.
      slide.addText('', { ...at, shape: 'rect', fill: { color: shape.fill }, line: { type: 'none' }, margin: 0 });
      return;
    case 'image':
      slide.addImage({ ...at, data: shape.data, altText: shape.alt });
      return;
    case 'table':
      slide.addTable(tableRows(shape, lang), { ...at, colW: shape.colW, rowH: shape.rowH, autoPage: false });
      return;
  }
}

function textOptions(shape: TextShape): TextPropsOptions {
  const inset = shape.inset ?? { l: 0, r: 0, t: 0, b: 0 };
  return {
    x: shape.x,
    y: shape.y,
    w: shape.w,
    h: shape.h,
    margin: [inset.l * PT, inset.r * PT, inset.b * PT, inset.t * PT],
    valign: shape.valign ?? 'top',
    fit: 'none',
    wrap: true,
    ...(shape.title ? { placeholder: 'title' } : {}),
    ...(shape.fill ? { fill: { color: shape.fill } } : {}),
    ...(shape.shape ? { shape: shape.shape } : {}),
    ...(shape.rotate ? { rotate: shape.rotate } : {}),
  };
}

function tableRows(shape: TableShape, lang: string): TableRow[] {
  const pad: [number, number, number, number] = [shape.pad.y * PT, shape.pad.x * PT, shape.pad.y * PT, shape.pad.x * PT];
  const none = { type: 'none' as const };
  return shape.rows.map((cells, r) =>
    cells.map((cell): TableCell => ({
      text: textRuns(cell.paras, lang),
      options: {
        margin: pad,
        valign: 'top',
        ...(cell.fill ? { fill: { color: cell.fill } } : {}),
        border: [none, none, { type: 'solid', pt: r === 0 ? 1.5 : 0.75, color: r === 0 ? shape.headerRule : shape.rowRule }, none],
      },
    })),
  );
}
