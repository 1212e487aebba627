/**
 * The large diagonal DRAFT marking, the top shape of every slide of a deck
 * that is not approved: on the slide itself, not the master, so no picture or
 * table can cover it, translucent so the slide stays readable.
 */
import { textShape, type SlideLayout, type TextShape } from './layout.js';
import { run } from './layout-common.js';
import { textWidth } from './measure.js';
import { COLOURS, px } from './theme.js';

export function draftMark(mark: string, master: SlideLayout['master']): TextShape {
  const box = { x: px(140), y: px(200), w: px(1000), h: px(300) };
  // 150 pt, or smaller if the word (in the caller's language) is longer than the box.
  const size = Math.min(150, Math.floor((150 * box.w * 0.9) / Math.max(0.01, textWidth(mark, 150, true))));
  const shape = textShape(box, [
    { runs: [run(mark, { bold: true })], size, lineHeight: 1, color: master === 'title' ? COLOURS.white : COLOURS.draft, align: 'center', transparency: master === 'title' ? 70 : 75 },
  ]);
  return { ...shape, rotate: -24, valign: 'middle' };
}

export function withDraftMark(layouts: SlideLayout[], mark: string): SlideLayout[] {
  return layouts.map((layout) => ({ ...layout, shapes: [...layout.shapes, draftMark(mark, layout.master)] }));
}
