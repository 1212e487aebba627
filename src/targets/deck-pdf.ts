/** `<course>.deck.pdf`: 16:9, one page per slide, bookmarks per section, decorated and sealed. */
import { CERTIFICATION_BOXES, FOOTER_BOXES } from '../pdf/footer-boxes.js';
import type { Target } from './target.js';

export const deckPdf: Target = {
  kind: 'deck-pdf',
  suffix: 'deck.pdf',
  browser: true,
  async produce(ctx) {
    const deck = ctx.deck();
    return { bytes: await ctx.print(deck.printHtml, `${ctx.edition.course} deck`), reads: deck.reads.print };
  },
  pdf: {
    phases: ['decorate', 'seal'],
    requests(ctx) {
      const stamp = ctx.stamp('deck-pdf');
      return {
        decorate: { footer: stamp.footer, footerBox: FOOTER_BOXES.deck, certification: ctx.certification(CERTIFICATION_BOXES.deck), ...(stamp.watermark ? { watermark: stamp.watermark } : {}), bookmarks: ctx.deck().outline },
        seal: { metadata: stamp.metadata },
      };
    },
  },
};
