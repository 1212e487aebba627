/**
 * `<course>.slides-<n>up.pdf`: slide handouts, the deck's slides tiled 1, 2, 3
 * or 6 to an A4/Letter page (3-up with ruled lines for the audience's notes),
 * imposed from the deck's own print (vector; printed once per build; with
 * the deck's footer), then
 * stamped and sealed like every PDF. The document code is on every page.
 *
 * One target per layout, made by one factory: each layout is its own file, so
 * it gets its own kind, and with it its own cache entry, manifest row, report
 * line, shard key and XMP kind. One target whose file name varied with a
 * setting would key two different files by one kind. Only 3-up is built by
 * default; `--layout n` picks another, `--only slides-6up` names one.
 */
import { imposeLabels } from '../compile/labels.js';
import { FOOTER_BOXES } from '../pdf/footer-boxes.js';
import type { HandoutLayout } from '../pdf/impose/index.js';
import { stampFontBytes } from '../render/fonts.js';
import { stampedSlides } from './stamped-slides.js';
import type { Target } from './target.js';

export const SLIDE_LAYOUTS: readonly HandoutLayout[] = [1, 2, 3, 6];
export const DEFAULT_SLIDE_LAYOUT: HandoutLayout = 3;

export const slidesKind = (layout: HandoutLayout) => `slides-${layout}up`;
const SLIDES_KIND = /^slides-\d+up$/;

function slidesHandout(layout: HandoutLayout): Target {
  const kind = slidesKind(layout);
  return {
    kind,
    suffix: `${kind}.pdf`,
    browser: true,
    ...(layout === DEFAULT_SLIDE_LAYOUT ? {} : { onRequest: true }),
    options: (input) => JSON.stringify({ paper: input.paper }),
    async produce(ctx) {
      const [print, { imposeSlides }] = await Promise.all([stampedSlides(ctx), import('../pdf/impose/index.js')]);
      const c = ctx.input.course;
      const bytes = await imposeSlides({ deckPdf: print.doc, layout, paper: ctx.input.paper, labels: imposeLabels(ctx.input.catalogue), font: stampFontBytes(), documentCode: c.document.code, title: c.title });
      return { bytes, reads: print.reads };
    },
    pdf: {
      phases: ['decorate', 'seal'],
      requests(ctx) {
        const stamp = ctx.stamp(kind);
        return {
          decorate: { footer: stamp.footer, footerBox: FOOTER_BOXES.handout, ...(stamp.watermark ? { watermark: stamp.watermark } : {}) },
          seal: { metadata: stamp.metadata },
        };
      },
    },
  };
}

export const SLIDE_HANDOUTS: readonly Target[] = SLIDE_LAYOUTS.map(slidesHandout);

/** `--layout n`: the slide handout in `kinds` becomes the n-up one (kinds without a slide handout are left alone). */
export function withSlideLayout(kinds: readonly string[], layout: HandoutLayout | undefined): string[] {
  if (layout === undefined) return [...kinds];
  return [...new Set(kinds.map((k) => (SLIDES_KIND.test(k) ? slidesKind(layout) : k)))];
}
