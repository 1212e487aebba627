/**
 * `<course>.notes.pdf`: the trainer's notes pages. One A4/Letter portrait page
 * per slide: the slide from the deck's own print (vector, the same print the
 * deck PDF is made from, printed once per build, with the deck's footer) and its speaker notes under
 * an "internal use" band. Then decorated like a handout and sealed; the PDF
 * Subject says it is for internal use too.
 */
import { imposeLabels } from '../compile/labels.js';
import { FOOTER_BOXES } from '../pdf/footer-boxes.js';
import { stampFontBytes } from '../render/fonts.js';
import { stampedSlides } from './stamped-slides.js';
import type { Target } from './target.js';

export const notesPdf: Target = {
  kind: 'notes-pdf',
  suffix: 'notes.pdf',
  browser: true,
  options: (input) => JSON.stringify({ paper: input.paper }),
  async produce(ctx) {
    const [print, { imposeNotesPages }] = await Promise.all([stampedSlides(ctx), import('../pdf/impose/index.js')]);
    const bytes = await imposeNotesPages({
      deckPdf: print.doc,
      notes: ctx.deck().notes,
      paper: ctx.input.paper,
      labels: imposeLabels(ctx.input.catalogue),
      font: stampFontBytes(),
      documentCode: ctx.input.course.document.code,
    });
    return { bytes, reads: print.reads };
  },
  pdf: {
    phases: ['decorate', 'seal'],
    requests(ctx) {
      const stamp = ctx.stamp('notes-pdf');
      // Subject worded as the deck's (these are the deck's pages), marked for internal use.
      const subject = `${ctx.stamp('deck-pdf').metadata.subject} · ${imposeLabels(ctx.input.catalogue).internalUse}`;
      return {
        decorate: { footer: stamp.footer, footerBox: FOOTER_BOXES.handout, ...(stamp.watermark ? { watermark: stamp.watermark } : {}) },
        seal: { metadata: { ...stamp.metadata, subject } },
      };
    },
  },
};
