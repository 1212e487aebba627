/**
 * The editable PowerPoint (`<id>.deck.pptx`): the deck's slides rebuilt from
 * the course model with pptxgenjs, as real text boxes, lists, tables and
 * shapes, with speaker notes, on masters that carry the footer and, for a
 * deck that is not approved, the DRAFT marking. Pure: bytes out, no files, no
 * browser; the same input gives the same bytes.
 */
import type { Course } from '../content/schema.js';
import type { CourseView } from '../render/course-view.js';
import type { Catalogue } from '../i18n/index.js';
import { fillLabel, type PptxLabels } from './labels.js';
import type { SlideLayout } from './layout.js';
import { agendaShapes, disclaimerShapes, faqShapes, stepShapes, teamShapes, technologyShapes } from './layout-text-slides.js';
import { documentControlShapes, procedureShapes } from './layout-tables.js';
import { ladderShapes, titleShapes } from './layout-title-ladder.js';
import { imageSize } from './image-size.js';
import { withDraftMark } from './draft-mark.js';
import { defineMasters } from './masters.js';
import { repack } from './repack.js';
import { PptxGenJS } from './pptxgen.js';
import { planSlides, type PlannedSlide } from './slide-plan.js';
import { FONT } from './theme.js';
import { writeSlides } from './write-slides.js';

export interface PptxInput {
  /** The validated course (or edition): section notes, audience and metadata. */
  course: Course;
  /**
   * The view the Marp deck is planned from: courseView(course, state, builtOn,
   * assets). Its technology images are the resolved image bytes (data URIs).
   */
  view: CourseView;
  /** Every word deckhand adds (headings, footer, table heads, the DRAFT mark). */
  labels: PptxLabels;
  /** The edition's interface-text catalogue (deck paging headings). */
  catalogue: Catalogue;
  /** False puts the DRAFT marking on every slide (via both masters). */
  approved: boolean;
  /** Build date (SOURCE_DATE_EPOCH): document created/modified and zip timestamps. */
  date: Date;
  /** Application name for the file's properties, e.g. "deckhand 0.1.0". */
  generator?: string;
}

/** Each planned slide laid out: exported for tests, which check every text box fits. */
export function layoutPptx(input: Pick<PptxInput, 'course' | 'view' | 'labels' | 'catalogue'>): SlideLayout[] {
  return planSlides(input).map((slide) => ({ master: slide.kind === 'title' ? 'title' : 'content', shapes: shapesFor(slide), notes: slide.notes }));
}

function shapesFor(slide: PlannedSlide): SlideLayout['shapes'] {
  switch (slide.kind) {
    case 'title':
      return titleShapes(slide);
    case 'agenda':
      return agendaShapes(slide);
    case 'ladder':
      return ladderShapes(slide);
    case 'step':
      return stepShapes(slide);
    case 'team':
      return teamShapes(slide);
    case 'procedures':
      return procedureShapes(slide);
    case 'technologies':
      return technologyShapes(slide, (image) => imageSize(image.data));
    case 'faq':
      return faqShapes(slide);
    case 'disclaimer':
      return disclaimerShapes(slide);
    case 'documentControl':
      return documentControlShapes(slide);
  }
}

export async function renderPptx(input: PptxInput): Promise<Uint8Array> {
  const { course, view, labels, catalogue } = input;
  const pptx = new PptxGenJS();
  pptx.layout = 'LAYOUT_WIDE';
  pptx.title = view.title;
  pptx.subject = view.subtitle ?? view.title;
  pptx.author = view.organisation;
  pptx.company = view.organisation;
  pptx.revision = '1';
  pptx.theme = { headFontFace: FONT, bodyFontFace: FONT };
  const layouts = layoutPptx({ course, view, labels, catalogue });
  const title = layouts[0]?.shapes.find((shape) => shape.kind === 'text' && shape.title);
  defineMasters(pptx, {
    titleBox: title ? { x: title.x, y: title.y, w: title.w, h: title.h } : { x: 1, y: 1, w: 10, h: 1.5 },
    footer: fillLabel(labels.footer, { disclaimer: view.disclaimer.short, code: view.document.code, version: view.document.version }),
    ...(input.approved ? {} : { draft: { message: view.draft?.message ?? labels.draftMark } }),
    lang: view.lang,
  });
  writeSlides(pptx, input.approved ? layouts : withDraftMark(layouts, labels.draftMark), view.lang);
  const bytes = (await pptx.write({ outputType: 'uint8array', compression: true })) as Uint8Array;
  return repack(bytes, input.date);
}
