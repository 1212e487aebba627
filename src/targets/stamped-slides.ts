/**
 * The slides as the audience sees them, for imposing (notes pages, slide
 * handouts): the deck's raw print (ctx.product('deck-pdf'), printed once per
 * build) with the deck's own footer drawn on, so an imposed slide keeps its
 * disclaimer, code and slide number instead of an empty footer band. Made
 * once per print, however many imposed targets ask for it.
 */
import { FOOTER_BOXES } from '../pdf/footer-boxes.js';
import type { ProduceContext, Product } from './target.js';

const made = new WeakMap<Uint8Array, Promise<Uint8Array>>();

export async function stampedSlides(ctx: ProduceContext): Promise<Product> {
  const print = await ctx.product('deck-pdf');
  let bytes = made.get(print.bytes);
  if (!bytes) {
    bytes = (async () => {
      const { decorate, openPdf } = await import('../pdf/decorate.js');
      const doc = await openPdf(print.bytes);
      await decorate(doc, { footer: ctx.stamp('deck-pdf').footer, footerBox: FOOTER_BOXES.deck });
      return doc.save({ useObjectStreams: false });
    })();
    made.set(print.bytes, bytes);
  }
  return { ...print, bytes: await bytes };
}
