/** `<course>.deck.html`: one offline file with slides, fonts, navigation and presenter view. */
import type { Target } from './target.js';

export const deckHtml: Target = {
  kind: 'deck-html',
  suffix: 'deck.html',
  browser: false,
  async produce(ctx) {
    const deck = ctx.deck();
    return { bytes: Buffer.from(deck.html), pages: deck.slideCount, reads: deck.reads.html };
  },
};
