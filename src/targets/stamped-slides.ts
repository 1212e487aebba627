/**
 * The slides as the audience sees them, for imposing (notes pages, slide
 * handouts): the deck's raw print (ctx.product('deck-pdf'), printed once per
 * build) with the deck's own footer drawn on, so an imposed slide keeps its
 * disclaimer, code and slide number instead of an empty footer band. Made
 * once per print, however many imposed targets ask for it, and handed on as
 * the pdf-lib document itself: imposing only reads it (embedPdf), so saving
 * it and parsing it again for each imposed target was wasted work.
 */
import type { PDFDocument } from 'pdf-lib';
import { FOOTER_BOXES } from '../pdf/footer-boxes.js';
import type { ProduceContext } from './target.js';

export interface StampedSlides {
  /** Decorated and flushed (the stamp font is embedded); not to be changed by its users. */
  doc: PDFDocument;
  reads: readonly string[];
}

const made = new WeakMap<Uint8Array, Promise<PDFDocument>>();

export async function stampedSlides(ctx: ProduceContext): Promise<StampedSlides> {
  const print = await ctx.product('deck-pdf');
  let doc = made.get(print.bytes);
  if (!doc) {
    doc = (async () => {
      const { decorate, openPdf } = await import('../pdf/decorate.js');
      const stamped = await openPdf(print.bytes);
      await decorate(stamped, { footer: ctx.stamp('deck-pdf').footer, footerBox: FOOTER_BOXES.deck });
      // Embeds the stamp font subset now, before two imposed targets read the document at once.
      await stamped.flush();
      return stamped;
    })();
    made.set(print.bytes, doc);
  }
  return { doc: await doc, reads: print.reads };
}
