/** Course view → handout HTML (templates/handout.html.hbs). Pure: no files written, no browser. */
import type { CourseView } from '../render/course-view.js';
import { escapeHtml, escapeView, trusted } from '../render/escape.js';
import type { TemplateSet } from '../render/template-set.js';
import type { PaperId } from '../stamp/page-boxes.js';
import { ladderSvg } from './ladder-svg.js';

const CSS_SIZES: Record<PaperId, string> = { a4: 'A4', letter: 'letter' };

export function renderHandout(templates: TemplateSet, view: CourseView, paper: PaperId, fontCss: string): string {
  const handout = {
    ...view,
    paper: { id: paper, cssSize: CSS_SIZES[paper] },
    fontCss: trusted(fontCss),
    themeCss: trusted(templates.text('themes/handout.css')),
    ladderSvg: trusted(ladderSvg(view.steps.map((s) => ({ number: s.number, title: s.title })))),
  };
  return templates.render('handout.html.hbs', escapeView(handout, escapeHtml));
}
