/** Course view → Marp Markdown → presentation HTML and print HTML. Pure: no files written, no browser. */
import type { SectionNotes } from './deck-view.js';
import { deckView } from './deck-view.js';
import { deckHtml, deckPrintHtml } from './deck-html.js';
import { renderMarp } from './marp.js';
import { deckOutline, type OutlineEntry } from './outline.js';
import type { CourseView } from '../render/course-view.js';
import { escapeMarkdown, escapeView, trusted } from '../render/escape.js';
import type { FontCss } from '../render/fonts.js';
import type { TemplateSet } from '../render/template-set.js';

export interface RenderedDeck {
  markdown: string;
  html: string;
  printHtml: string;
  slideCount: number;
  outline: OutlineEntry[];
}

export function renderDeck(templates: TemplateSet, view: CourseView, theme: string, notes: SectionNotes, fonts: FontCss): RenderedDeck {
  const deck = { ...deckView(view, theme, notes), langYaml: trusted(JSON.stringify(view.lang)), themeYaml: trusted(JSON.stringify(theme)) };
  const markdown = templates.render('deck.md.hbs', escapeView(deck, escapeMarkdown));
  const marp = renderMarp(markdown, templates.text(`themes/${theme}.css`));
  const meta = { lang: view.lang, title: view.title };
  const fontCss = fonts(`${view.title} ${marp.html} ${marp.comments.flat().join(' ')}`);
  return {
    markdown,
    html: deckHtml(templates, marp, meta, fontCss),
    printHtml: deckPrintHtml(marp, meta, fontCss),
    slideCount: marp.slideCount,
    outline: deckOutline(marp.html),
  };
}
