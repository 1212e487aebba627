/**
 * The two drawn slides: the title slide (on the teal title master) and the
 * ladder, a staircase of native rectangles rising step by step, each labelled
 * with its number and title, as in the deck's `section.ladder` CSS.
 */
import { BODY_BOX, heading, run } from './layout-common.js';
import { largestFit, textShape, type Shape, type TextShape } from './layout.js';
import { lineCount } from './measure.js';
import type { PlannedSlide } from './slide-plan.js';
import type { Para } from './text-block.js';
import { COLOURS, CONTENT, pt, px, SLIDE } from './theme.js';

type Of<K extends PlannedSlide['kind']> = Extract<PlannedSlide, { kind: K }>;

/** `section.title`: 96px left padding, h1 at most 1000px wide, the stack centred between 48px and the white band. */
export function titleShapes(slide: Of<'title'>): Shape[] {
  const x = px(96);
  const w = px(1000);
  const top = px(48);
  const bottom = SLIDE.h - px(76) - px(20);
  return largestFit((s) => {
    const stack: { paras: Para[]; gap: number; title?: boolean }[] = [
      { paras: [{ runs: [run(slide.title, { bold: true })], size: pt(60) * s, lineHeight: 1.2, color: COLOURS.onAccent, align: 'left' }], gap: px(18), title: true },
      ...(slide.subtitle ? [{ paras: [{ runs: [run(slide.subtitle)], size: pt(32) * s, lineHeight: 1.25, color: COLOURS.onAccentSoft }], gap: px(40) }] : []),
      {
        paras: [
          ...slide.lines.map((line): Para => ({ runs: [run(line)], size: pt(24) * s, lineHeight: 1.38, after: pt(8) * s, color: COLOURS.onAccentText })),
          ...(slide.draft ? [{ runs: [run(slide.draft, { bold: true })], size: pt(24) * s, lineHeight: 1.38, color: COLOURS.onAccent }] : []),
        ],
        gap: 0,
      },
    ];
    const shapes = stack.map((part) => textShape({ x, y: 0, w, h: 0 }, part.paras, part.title ? { title: true } : {}));
    const total = shapes.reduce((sum, shape, i) => sum + shape.needs + (stack[i]?.gap ?? 0), 0);
    let y = top + Math.max(0, (bottom - top - total) / 2);
    const placed = shapes.map((shape, i): TextShape => {
      const out = { ...shape, y, h: shape.needs };
      y += shape.needs + (stack[i]?.gap ?? 0);
      return out;
    });
    return { result: placed, fits: total <= bottom - top };
  });
}

export function ladderShapes(slide: Of<'ladder'>): Shape[] {
  const intro = slide.intro
    ? textShape({ x: BODY_BOX.x, y: 0, w: BODY_BOX.w, h: 0 }, [{ runs: [run(slide.intro)], size: pt(19), lineHeight: 1.35, color: COLOURS.muted }])
    : undefined;
  const introH = intro ? intro.needs : 0;
  const stairs = BODY_BOX.h - (intro ? introH + px(20) : 0);
  const n = slide.steps.length;
  const gap = px(10);
  const barW = (BODY_BOX.w - gap * (n - 1)) / n;
  const inset = { l: px(12), r: px(12), t: px(12), b: px(8) };
  // Each bar's title at the largest size that fits its bar: the same size on every
  // bar unless one title is too long for its (short) bar.
  const bars = slide.steps.map((step, i) => {
    const h = (stairs * (34 + (66 * (i + 1)) / n)) / 100;
    const box = { x: BODY_BOX.x + i * (barW + gap), y: BODY_BOX.y + stairs - h, w: barW, h };
    return largestFit((s) => {
      const paras: Para[] = [
        { runs: [{ text: String(step.number), bold: true }], size: pt(34), lineHeight: 1.1, after: pt(6), color: COLOURS.stepNumber },
        { runs: [run(step.title, { bold: true })], size: pt(20) * s, lineHeight: 1.25, color: COLOURS.onAccent },
      ];
      // A plain rectangle: a rounded preset insets its text area by the corner radius.
      const bar = textShape(box, paras, { inset, fill: i % 2 === 0 ? COLOURS.accent : COLOURS.accentAlt, shape: 'rect', valign: 'top' });
      return { result: bar, fits: bar.needs <= h - inset.t - inset.b && wordsFit(step.title, barW - inset.l - inset.r, pt(20) * s) };
      // Step titles may be long (200 characters) and the first bar is the shortest.
    }, 0.4);
  });
  // The ground line the steps stand on.
  const ground = { kind: 'rect' as const, x: CONTENT.x, y: BODY_BOX.y + stairs, w: CONTENT.w, h: px(3), fill: COLOURS.rule };
  return [heading(slide.heading), ...bars, ground, ...(intro ? [{ ...intro, y: BODY_BOX.y + stairs + px(20), h: introH }] : [])];
}

/** No single word of a step title may be wider than its bar (it would break mid-word). */
function wordsFit(title: string, width: number, size: number): boolean {
  return title.split(/\s+/).every((word) => lineCount([{ text: word, bold: true }], width, size) === 1);
}
