/** `<course>.deck.md`: the Marp Markdown. */
import type { Target } from './target.js';

export const deckMd: Target = {
  kind: 'deck-md',
  suffix: 'deck.md',
  browser: false,
  async produce(ctx) {
    const deck = ctx.deck();
    return { bytes: Buffer.from(deck.markdown), reads: deck.reads.markdown };
  },
};
