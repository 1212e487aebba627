/**
 * Nothing overflows: every text box holds the text measured for it, every
 * table ends above the footer, on the sample and on a course stretched to its
 * limits, and the slides stay the Marp deck's slides.
 */
import { describe, expect, it } from 'vitest';
import { room, type SlideLayout } from '../../src/pptx/layout.js';
import { BODY_BOX } from '../../src/pptx/layout-common.js';
import { layoutPptx } from '../../src/pptx/render-pptx.js';
import { planSlides } from '../../src/pptx/slide-plan.js';
import { FOOTER, SLIDE } from '../../src/pptx/theme.js';
import { inputFor, loadSample, marpDeck, stretch } from './pptx-fixtures.js';

const loaded = loadSample();
const EPS = 1e-6;

/** Where a layout breaks its boxes: text taller than its box, shapes past the footer or the slide. */
function problems(layouts: SlideLayout[]): string[] {
  return layouts.flatMap((layout, i) =>
    layout.shapes.flatMap((shape) => {
      const at = `slide ${i + 1} ${shape.kind}`;
      const out: string[] = [];
      if (shape.kind === 'text' && shape.needs > room(shape) + EPS) out.push(`${at} "${shape.paras[0]?.runs[0]?.text.slice(0, 30)}" needs ${shape.needs.toFixed(2)} in, has ${room(shape).toFixed(2)}`);
      if (shape.kind === 'table' && shape.y + shape.h > BODY_BOX.y + BODY_BOX.h + EPS) out.push(`${at} ends at ${(shape.y + shape.h).toFixed(2)} in`);
      if (shape.x < -EPS || shape.x + shape.w > SLIDE.w + EPS) out.push(`${at} leaves the slide sideways`);
      if (shape.y + shape.h > FOOTER.y + EPS) out.push(`${at} reaches the footer`);
      return out;
    }),
  );
}

describe('fitting the slides', () => {
  it('the sample fits at full size, on the deck\'s slide plan', () => {
    const input = inputFor(loaded);
    const layouts = layoutPptx(input);
    expect(problems(layouts)).toEqual([]);
    expect(layouts.length).toBe(marpDeck(input).slideCount);
    // The plan already splits the sample so that no body text needs shrinking.
    const sizes = layouts.slice(1).flatMap((l) => l.shapes.flatMap((s) => (s.kind === 'text' && !s.title ? s.paras.map((p) => p.size) : [])));
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(11.25);
  });

  it('a course stretched to its limits still fits every box, with the Marp deck\'s slide count', () => {
    const input = inputFor(loaded, stretch);
    const layouts = layoutPptx(input);
    expect(problems(layouts)).toEqual([]);
    expect(layouts.length).toBe(marpDeck(input).slideCount);
    expect(layouts.length).toBeGreaterThan(40);
  });

  it('the detector finds a box that is too small', () => {
    const layouts = layoutPptx(inputFor(loaded));
    const broken = layouts.map((l) => ({ ...l, shapes: l.shapes.map((s) => (s.kind === 'text' && !s.title ? { ...s, h: s.h / 3 } : s)) }));
    expect(problems(broken).length).toBeGreaterThan(0);
  });

  it('splits a long FAQ answer and marks the follow-on question with the catalogue\'s label', () => {
    const input = inputFor(loaded, (c) => {
      const f = c.faq[0];
      if (f) f.answer = Array.from({ length: 40 }, (_, i) => `Sentence number ${i + 1} of a long answer.`).join(' ');
    });
    const faq = planSlides(input).flatMap((s) => (s.kind === 'faq' ? s.items : []));
    const first = input.course.faq[0]?.question ?? '';
    expect(faq.filter((f) => f.question === first)).toHaveLength(1);
    expect(faq.filter((f) => f.question === input.catalogue.t('faq.continued', { question: first })).length).toBeGreaterThan(0);
    expect(faq.map((f) => f.answer).join(' ')).toBe(input.course.faq.map((f) => f.answer.replace(/\s+/g, ' ')).join(' '));
  });
});
