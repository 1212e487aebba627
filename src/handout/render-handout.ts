/** Course view → handout HTML (templates/handout.html.hbs). Pure: no files written, no browser. */
import type { Catalogue } from '../i18n/index.js';
import { translateData } from '../i18n/index.js';
import { numberCitations } from '../render/citations.js';
import type { CourseView } from '../render/course-view.js';
import { escapeHtml, escapeView, trusted } from '../render/escape.js';
import type { FontCss } from '../render/fonts.js';
import type { TemplateSet } from '../render/template-set.js';
import type { PaperId } from '../render/paper.js';
import { slotReservationCssOf } from '../render/slot-declaration.js';
import { ladderSvg } from './ladder-svg.js';
import { brandCss, ladderColours } from '../render/brand-css.js';
import type { Brand } from '../render/brand.js';
import { withoutBreakHints } from '../render/break-hints.js';

const CSS_SIZES: Record<PaperId, string> = { a4: 'A4', letter: 'letter' };

/**
 * The view with citations numbered in handout order (steps, procedures, team,
 * technologies, FAQ): each citing item gets its `cite`, and `referenceEntries`
 * is the list for partials/handout/references.hbs.
 */
export function citedHandoutView(view: CourseView) {
  const citations = numberCitations(
    view.referenceList,
    [...view.steps, ...view.procedures, ...view.team.members, ...view.technologies, ...view.faq].map((item) => item.references),
    view.referenceText,
  );
  const cited = <T extends { references?: string[] }>(item: T) => {
    const cite = citations.cite(item.references);
    return cite ? { ...item, cite } : item;
  };
  return {
    ...view,
    steps: view.steps.map(cited),
    procedures: view.procedures.map(cited),
    team: { ...view.team, members: view.team.members.map(cited) },
    technologies: view.technologies.map(cited),
    faq: view.faq.map(cited),
    referenceEntries: citations.entries,
  };
}

/**
 * The font CSS depends on the document's text (which unicode ranges it uses),
 * so the handout is rendered once without fonts to learn that text, then again
 * with the font CSS in the template context. No string substitution ever runs
 * on output that holds course text, so no placeholder in the content can pull
 * trusted CSS into the page.
 */
export function renderHandout(templates: TemplateSet, view: CourseView, paper: PaperId, fonts: FontCss, catalogue: Catalogue, brand?: Brand): string {
  // The figure wraps its own labels; soft hyphens are for the HTML text only.
  const steps = view.steps.map((s) => ({ number: s.number, title: withoutBreakHints(s.title) }));
  const cited = citedHandoutView(view);
  const handout = (fontCss: string) => ({
    ...cited,
    paper: { id: paper, cssSize: CSS_SIZES[paper] },
    fontCss: trusted(fontCss),
    themeCss: trusted(templates.text('themes/handout.css') + (brand ? brandCss(brand.colours, brand.font, ':root') : '')),
    brand: { logo: trusted(brand?.logo?.dataUri ?? ''), name: brand?.name ?? '' },
    // Keeps the personalisation slot (templates/personalization.yaml) free of content.
    slotCss: trusted(slotReservationCssOf(templates)),
    ladderSvg: trusted(
      ladderSvg(steps, {
        label: steps.map((s) => catalogue.t('ladder.figureStep', { number: s.number, title: s.title })).join(', '),
        ...(brand ? { colours: ladderColours(brand.colours) } : {}),
      }),
    ),
  });
  const data = translateData(catalogue, escapeHtml);
  const draft = templates.render('handout.html.hbs', escapeView(handout(''), escapeHtml), data);
  return templates.render('handout.html.hbs', escapeView(handout(fonts(draft)), escapeHtml), data);
}
