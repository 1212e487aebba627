/**
 * The pure compile step: a validated edition and a loaded template set →
 * everything that needs no browser. Deck Markdown, deck HTML and the deck's
 * print HTML; the handout HTML; outline and speaker notes per slide; the text
 * the PDF phases stamp. No I/O: the template set holds its files in memory and
 * records which of them each product read; fonts are passed in.
 * The build, the tests and the benchmark all compile through here.
 */
import type { Asset } from '../content/assets.js';
import { brandCss } from '../render/brand-css.js';
import { noteBrand, type Brand } from '../render/brand.js';
import type { Edition } from '../content/edition.js';
import type { Course } from '../content/schema.js';
import { deckHtml, deckPrintHtml, speakerNotes } from '../deck/deck-html.js';
import { deckView, sectionNotes } from '../render/deck-view.js';
import { renderMarp } from '../deck/marp.js';
import { deckOutline, type OutlineEntry } from '../deck/outline.js';
import { renderHandout } from '../handout/render-handout.js';
import { courseView, type CourseView } from '../render/course-view.js';
import { escapeMarkdown, escapeView, trusted } from '../render/escape.js';
import { translateData } from '../i18n/index.js';
import type { FontCss } from '../render/fonts.js';
import type { PaperId } from '../render/paper.js';
import type { TemplateSet } from '../render/template-set.js';
import type { ApprovalState } from '../review/approval-state.js';
import type { Catalogue } from '../i18n/index.js';
import { interfaceText, type InterfaceText } from './interface-text.js';
import { hyphenateView } from './hyphenate-view.js';
import { documentStamp, type DocumentStamp } from './stamp-text.js';

/** A validated edition, as the compile step needs it. */
export interface CompileInput {
  edition: Edition;
  /** The interface-text catalogue for the edition's language (templates/i18n/<lang>.yaml). */
  catalogue: Catalogue;
  course: Course;
  state: ApprovalState;
  assets: Map<string, Asset>;
  /** The source date (SOURCE_DATE_EPOCH, git, mtime) and its YYYY-MM-DD. */
  date: Date;
  day: string;
  theme: string;
  /** Colours, logo and font (render/brand.ts); undefined leaves the stylesheets' own values. */
  brand?: Brand;
  paper: PaperId;
  fingerprint: string;
  sourceSha256: string;
}

export interface CompileOptions {
  /** @font-face CSS for a document's text (render/fonts.ts fontFaceCss; tests may pass () => ''). */
  fonts: FontCss;
  /** Interface strings; by default made from the input's catalogue. */
  text?: InterfaceText;
}

export interface CompiledDeck {
  markdown: string;
  html: string;
  printHtml: string;
  slideCount: number;
  /** Bookmarks: one per section, 0-based page. */
  outline: OutlineEntry[];
  /** Speaker notes, one entry per slide ('' when none). */
  notes: string[];
  /** Template files (rel paths) each product read. */
  reads: { markdown: string[]; html: string[]; print: string[] };
  /** The audience copy (deck.public.html): no speaker notes, no presenter view; made on first call. */
  audience(): { html: string; reads: string[] };
}

export interface CompiledHandout {
  html: string;
  reads: string[];
}

export interface Compiled {
  edition: Edition;
  view: CourseView;
  deck: CompiledDeck;
  handout: CompiledHandout;
  /** What the PDF phases draw and record, per printed document. */
  stamp: { deck: DocumentStamp; handout: DocumentStamp };
}

/** The catalogue of an edition's compile input: every label a target adds comes from it. */
export const catalogueOf = (input: CompileInput): Catalogue => input.catalogue;

/** The interface text a compile uses: the override, else the edition's catalogue. */
export const textOf = (input: CompileInput, text?: InterfaceText): InterfaceText => text ?? interfaceText(input.catalogue);

/** The course view, with soft hyphens in its running text for the edition's language (never in codes, ids, URLs or numbers). */
export const compileView = (input: CompileInput, text?: InterfaceText): CourseView =>
  hyphenateView(courseView(input.course, input.state, input.day, input.assets, textOf(input, text), input.catalogue), input.edition.language);

export { sectionNotes };

export function compileDeck(input: CompileInput, templates: TemplateSet, options: CompileOptions, view = compileView(input, options.text)): CompiledDeck {
  const { theme, brand } = input;
  const deck = { ...deckView(view, theme, sectionNotes(input.course), input.catalogue), langYaml: trusted(JSON.stringify(view.lang)), themeYaml: trusted(JSON.stringify(theme)), brand: brandView(brand) };
  const md = templates.record(() => (noteBrand(templates, brand), templates.render('deck.md.hbs', escapeView(deck, escapeMarkdown), translateData(input.catalogue, escapeMarkdown))));
  const marp = templates.record(() => (noteBrand(templates, brand), renderMarp(md.value, templates.text(`themes/${theme}.css`) + (brand ? brandCss(brand.colours, brand.font, 'section', brand.logo?.dataUri) : ''))));
  const meta = { lang: view.lang, title: view.title };
  const fontCss = options.fonts(`${view.title} ${marp.value.html} ${marp.value.comments.flat().join(' ')}`);
  const html = templates.record(() => deckHtml(templates, marp.value, meta, fontCss, input.catalogue));
  const print = union(md.reads, marp.reads);
  let audience: { html: string; reads: string[] } | undefined;
  return {
    markdown: md.value,
    html: html.value,
    printHtml: deckPrintHtml(marp.value, meta, fontCss),
    slideCount: marp.value.slideCount,
    outline: deckOutline(marp.value.html),
    notes: speakerNotes(marp.value),
    reads: { markdown: md.reads, html: union(print, html.reads), print },
    audience: () => {
      if (!audience) {
        // Fonts for the slide text alone: not even the glyph set of the notes goes into this copy.
        const copy = templates.record(() => deckHtml(templates, marp.value, meta, options.fonts(`${view.title} ${marp.value.html}`), input.catalogue, 'audience'));
        audience = { html: copy.value, reads: union(print, copy.reads) };
      }
      return audience;
    },
  };
}

/** What templates see of the brand: `brand.logo` (a data: URL, or '' for none) and `brand.name`. */
export const brandView = (brand: Brand | undefined) => ({ logo: trusted(brand?.logo?.dataUri ?? ''), name: brand?.name ?? '' });

export function compileHandout(input: CompileInput, templates: TemplateSet, options: CompileOptions, view = compileView(input, options.text)): CompiledHandout {
  const { value, reads } = templates.record(() => (noteBrand(templates, input.brand), renderHandout(templates, view, input.paper, options.fonts, input.catalogue, input.brand)));
  return { html: value, reads };
}

/** Everything at once (tests, bench, the JSON dump); the build compiles the parts it needs. */
export function compile(input: CompileInput, templates: TemplateSet, options: CompileOptions): Compiled {
  const text = textOf(input, options.text);
  const view = compileView(input, text);
  return {
    edition: input.edition,
    view,
    deck: compileDeck(input, templates, options, view),
    handout: compileHandout(input, templates, options, view),
    stamp: { deck: documentStamp(input, 'deck-pdf', text), handout: documentStamp(input, 'handout-pdf', text) },
  };
}

const union = (a: string[], b: string[]): string[] => [...new Set([...a, ...b])].sort();
