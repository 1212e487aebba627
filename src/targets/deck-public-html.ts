/** `<course>.deck.public.html`: the audience copy of the HTML deck, without speaker notes or presenter view. */
import type { Target } from './target.js';

export const deckPublicHtml: Target = {
  kind: 'deck-public-html',
  suffix: 'deck.public.html',
  browser: false,
  async produce(ctx) {
    const deck = ctx.deck();
    const copy = deck.audience();
    return { bytes: Buffer.from(copy.html), pages: deck.slideCount, reads: copy.reads };
  },
};
