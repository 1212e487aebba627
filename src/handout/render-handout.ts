/** Course view → handout HTML (templates/handout.html.hbs). Pure: no files written, no browser. */
import type { CourseView } from '../render/course-view.js';
import { escapeHtml, escapeView, trusted } from '../render/escape.js';
import type { FontCss } from '../render/fonts.js';
import type { TemplateSet } from '../render/template-set.js';
import type { PaperId } from '../render/paper.js';
import { slotReservationCssOf } from '../render/slot-declaration.js';
import { ladderSvg } from './ladder-svg.js';

const CSS_SIZES: Record<PaperId, string> = { a4: 'A4', letter: 'letter' };

/** Stands in for the font CSS until the document's text is known. */
const FONTS_PLACEHOLDER = '/* deckhand:font-faces */';

export function renderHandout(templates: TemplateSet, view: CourseView, paper: PaperId, fonts: FontCss): string {
  const handout = {
    ...view,
    paper: { id: paper, cssSize: CSS_SIZES[paper] },
    fontCss: trusted(FONTS_PLACEHOLDER),
    themeCss: trusted(templates.text('themes/handout.css')),
    // Keeps the personalisation slot (templates/personalization.yaml) free of content.
    slotCss: trusted(slotReservationCssOf(templates)),
    ladderSvg: trusted(ladderSvg(view.steps.map((s) => ({ number: s.number, title: s.title })))),
  };
  const html = templates.render('handout.html.hbs', escapeView(handout, escapeHtml));
  return html.replace(FONTS_PLACEHOLDER, () => fonts(html));
}
