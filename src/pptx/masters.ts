/**
 * The two slide masters (pptxgenjs writes each as a slide layout under one
 * master): "content" (white, accent rule along the top) and "title" (teal,
 * white band at the bottom). Both carry the footer (short disclaimer,
 * document code and version), the slide number, the title placeholder and,
 * for a deck that is not approved, the draft line, so a trainer cannot lose
 * them by editing a slide.
 */
import type { Pptx, SlideMasterProps, SlideNumberProps } from './pptxgen.js';
import { COLOURS, CONTENT, FONT, FOOTER, HEADING, pt, px, SLIDE } from './theme.js';

export const MASTER = { content: 'DECKHAND_CONTENT', title: 'DECKHAND_TITLE' } as const;

export interface MasterText {
  footer: string;
  /** The draft line shown along the top of every slide; absent when approved. */
  draft?: { message: string };
  lang: string;
  /**
   * Where the title slide's title sits. pptxgenjs writes a placeholder at its
   * layout's position, whatever the slide asks, so the title master takes it.
   */
  titleBox: { x: number; y: number; w: number; h: number };
}

type MasterObject = NonNullable<SlideMasterProps['objects']>[number];

/** A filled rectangle as a shape with an empty text body (pptxgenjs leaves text-less shapes without one). */
function band(x: number, y: number, w: number, h: number, color: string): MasterObject {
  return { text: { text: '', options: { shape: 'rect', x, y, w, h, fill: { color }, line: { type: 'none' }, margin: 0 } } };
}

function footerObjects(text: MasterText, onColour: string): MasterObject[] {
  return [
    {
      text: {
        text: text.footer,
        options: { x: CONTENT.x, y: FOOTER.y, w: FOOTER.rightX - CONTENT.x, h: FOOTER.h, fontFace: FONT, fontSize: FOOTER.size, color: onColour, lang: text.lang, margin: 0, valign: 'bottom', fit: 'none' },
      },
    },
  ];
}

/** The draft line along the top edge; the large DRAFT marking is drawn on each slide (draft-mark.ts). */
function draftObjects(text: MasterText, headerColour: string): MasterObject[] {
  if (!text.draft) return [];
  return [
    {
      text: {
        text: text.draft.message,
        options: { x: CONTENT.x, y: px(14), w: CONTENT.w, h: px(24), fontFace: FONT, fontSize: FOOTER.size, bold: true, charSpacing: 0.5, color: headerColour, lang: text.lang, margin: 0, valign: 'top', fit: 'none' },
      },
    },
  ];
}

const slideNumber = (colour: string): SlideNumberProps => ({
  x: SLIDE.w - px(72) - px(120), y: FOOTER.y, w: px(120), h: FOOTER.h, fontFace: FONT, fontSize: FOOTER.size, color: colour, align: 'right', margin: 0, valign: 'bottom',
});

export function defineMasters(pptx: Pptx, text: MasterText): void {
  pptx.defineSlideMaster({
    title: MASTER.content,
    objects: [
      band(0, 0, SLIDE.w * 0.7, px(10), COLOURS.accent),
      band(SLIDE.w * 0.7, 0, SLIDE.w * 0.3, px(10), COLOURS.accentLight),
      // The rule under the heading (h2 border-bottom).
      band(CONTENT.x, HEADING.ruleY, CONTENT.w, px(2), COLOURS.rule),
      ...draftObjects(text, COLOURS.draft),
      ...footerObjects(text, COLOURS.footer),
      { placeholder: { options: { name: 'title', type: 'title', x: CONTENT.x, y: HEADING.y, w: CONTENT.w, h: HEADING.h, fontFace: FONT, fontSize: HEADING.size, bold: true, color: COLOURS.accent, margin: 0, valign: 'bottom' }, text: '' } },
    ],
    slideNumber: slideNumber(COLOURS.footer),
  });
  pptx.defineSlideMaster({
    title: MASTER.title,
    objects: [
      band(0, 0, SLIDE.w, SLIDE.h - px(76), COLOURS.accent),
      band(0, 0, SLIDE.w, px(14), COLOURS.accentLight),
      ...draftObjects(text, COLOURS.onAccentSoft),
      ...footerObjects(text, COLOURS.footer),
      { placeholder: { options: { name: 'title', type: 'title', ...text.titleBox, fontFace: FONT, fontSize: pt(60), bold: true, color: COLOURS.onAccent, margin: 0, valign: 'top' }, text: '' } },
    ],
    slideNumber: slideNumber(COLOURS.footer),
  });
}
