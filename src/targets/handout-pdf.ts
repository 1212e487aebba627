/** `<course>.handout.pdf`: A4 or Letter, exact page boxes, optional bleed, decorated and sealed. */
import { CERTIFICATION_BOXES, FOOTER_BOXES } from '../pdf/footer-boxes.js';
import type { Target } from './target.js';

export const handoutPdf: Target = {
  kind: 'handout-pdf',
  suffix: 'handout.pdf',
  browser: true,
  variant(input, settings) {
    const parts = [input.paper !== (input.course.presentation?.paper ?? 'a4') ? input.paper : '', settings.bleed ? `bleed${Math.round((settings.bleed * 25.4) / 72 * 10) / 10}mm` : ''];
    return parts.filter(Boolean).join('-') || undefined;
  },
  options: (input, settings) => JSON.stringify({ paper: input.paper, bleed: settings.bleed ?? 0 }),
  async produce(ctx) {
    const handout = ctx.handout();
    return { bytes: await ctx.print(handout.html, `${ctx.edition.course} handout`), reads: handout.reads };
  },
  pdf: {
    phases: ['decorate', 'seal'],
    requests(ctx) {
      const stamp = ctx.stamp('handout-pdf');
      const { bleed } = ctx.settings;
      return {
        decorate: { footer: stamp.footer, footerBox: FOOTER_BOXES.handout, certification: ctx.certification(CERTIFICATION_BOXES.handout), ...(stamp.watermark ? { watermark: stamp.watermark } : {}), paper: ctx.input.paper, ...(bleed ? { bleed } : {}) },
        seal: { metadata: stamp.metadata },
      };
    },
  },
};
