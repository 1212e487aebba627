/**
 * Pieces every content slide shares: the heading (one line, in the title
 * placeholder), the body area under it, and the theme's paragraph styles.
 * Sizes follow clinical.css (see theme.ts); `s` scales a style when a slide's
 * measured text would not fit at full size.
 */
import { textShape, type TextShape } from './layout.js';
import { lineCount } from './measure.js';
import { oneLine, type Para, type StyledRun } from './text-block.js';
import { BODY, COLOURS, CONTENT, HEADING, pt } from './theme.js';

export const BODY_BOX = { x: CONTENT.x, y: HEADING.bodyY, w: CONTENT.w, h: CONTENT.bottom - HEADING.bodyY } as const;

/** Course text as a run: whitespace collapsed so a stray newline cannot start a paragraph. */
export const run = (text: string, style: Omit<StyledRun, 'text'> = {}): StyledRun => ({ text: oneLine(text), ...style });

export const styles = {
  body: (runs: StyledRun[], s = 1, after = pt(14)): Para => ({ runs, size: BODY.size * s, lineHeight: BODY.lineHeight, after: after * s, color: COLOURS.text }),
  item: (runs: StyledRun[], s = 1, size = BODY.size, after = pt(6)): Para => ({ runs, size: size * s, lineHeight: BODY.lineHeight, after: after * s, color: COLOURS.text, bullet: 'bullet' }),
  label: (text: string, s = 1): Para => ({ runs: [{ text, bold: true, color: COLOURS.accent }], size: BODY.size * s, lineHeight: BODY.lineHeight, after: pt(6) * s, color: COLOURS.accent }),
};

/**
 * The slide heading: the largest size (down to 0.7) at which it sets on one
 * line; a heading too long even then sets on as many lines as its box holds,
 * down to half size.
 */
export function heading(text: string): TextShape {
  const box = { x: CONTENT.x, y: HEADING.y, w: CONTENT.w, h: HEADING.h };
  const runs = [run(text, { bold: true })];
  const at = (s: number) => textShape(box, [{ runs, size: HEADING.size * s, lineHeight: 1.2, color: COLOURS.accent, align: 'left' }], { title: true, valign: 'bottom' });
  let shape = at(1);
  for (let step = 0; step <= 10; step += 1) {
    const s = 1 - step * 0.05;
    shape = at(s);
    const lines = lineCount(runs, box.w, HEADING.size * s);
    if (lines === 1 || (s <= 0.7 + 1e-9 && shape.needs <= box.h)) return shape;
  }
  return shape;
}

/** A body text box from the top of the body area, as tall as its text. */
export function bodyText(paras: Para[], box: { x?: number; y?: number; w?: number } = {}): TextShape {
  const b = { x: box.x ?? BODY_BOX.x, y: box.y ?? BODY_BOX.y, w: box.w ?? BODY_BOX.w };
  const shape = textShape({ ...b, h: 0 }, paras);
  return { ...shape, h: shape.needs };
}

/** Does a stack of shapes, from the body's top, end within the body area? */
export const fitsBody = (bottom: number): boolean => bottom <= BODY_BOX.y + BODY_BOX.h + 1e-6;
