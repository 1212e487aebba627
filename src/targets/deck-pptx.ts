/**
 * `<course>.deck.pptx`: an editable PowerPoint drawn from the same slide plan
 * as the deck (pptxgenjs; real text, native table and shapes, notes on every
 * slide), reproducible byte for byte. It reads no template file.
 */
import { GENERATOR } from '../compile/stamp-text.js';
import { pptxLabels } from '../compile/labels.js';
import type { Target } from './target.js';

export const deckPptx: Target = {
  kind: 'deck-pptx',
  suffix: 'deck.pptx',
  browser: false,
  async produce(ctx) {
    const { renderPptx } = await import('../pptx/render-pptx.js');
    const { input } = ctx;
    const bytes = await renderPptx({ course: input.course, view: ctx.view(), labels: pptxLabels(input.catalogue, ctx.view().steps.length), catalogue: input.catalogue, approved: input.state.approved, date: input.date, generator: GENERATOR });
    return { bytes, reads: [] };
  },
};
