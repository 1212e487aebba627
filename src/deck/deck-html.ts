/**
 * The two HTML documents made from one Marp render:
 * - the self-contained presentation (`*.deck.html`): slides, fonts, keyboard
 *   navigation and presenter view with the speaker notes, all inline;
 * - the print page for the deck PDF: the same slides, one per 16:9 page.
 */
import type { Catalogue } from '../i18n/index.js';
import { translateData } from '../i18n/index.js';
import { escapeHtml, escapeView, trusted } from '../render/escape.js';
import type { TemplateSet } from '../render/template-set.js';
import { noteText } from '../render/deck-view.js';
import type { MarpOutput } from './marp.js';

/** JSON that is safe inside a <script> element. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function speakerNotes(marp: MarpOutput): string[] {
  return marp.comments.map((list) => list.map(noteText).filter(Boolean).join('\n\n'));
}

/** The presenter view's words, placeholders kept for shell.js to fill ({current}, {total}, {title}). */
function presenterWords(catalogue: Catalogue): Record<string, string> {
  const raw = (key: string, params: Record<string, string | number>) => catalogue.t(`presenter.${key}`, params);
  return {
    slideOf: raw('slideOf', { current: '{current}', total: '{total}' }),
    slideCounter: raw('slideCounter', { current: '{current}', total: '{total}' }),
    windowTitle: raw('windowTitle', { title: '{title}' }),
    endOfDeck: raw('endOfDeck', {}),
  };
}

/** `copy: 'audience'` leaves out the speaker notes and the presenter view (the copy handed to clients). */
export function deckHtml(templates: TemplateSet, marp: MarpOutput, meta: { lang: string; title: string }, fontCss: string, catalogue: Catalogue, copy: 'presenter' | 'audience' = 'presenter'): string {
  const audienceCopy = copy === 'audience';
  const view = escapeView(
    {
      lang: meta.lang,
      title: meta.title,
      fontCss: trusted(fontCss),
      marpCss: trusted(marp.css),
      marpHtml: trusted(marp.html),
      audienceCopy,
      notesJson: trusted(audienceCopy ? '[]' : scriptJson(speakerNotes(marp))),
      uiJson: trusted(scriptJson(presenterWords(catalogue))),
      shellCss: trusted(templates.text('deck-shell/shell.css')),
      shellJs: trusted(templates.text('deck-shell/shell.js')),
    },
    escapeHtml,
  );
  return templates.render('deck-shell/shell.html.hbs', view, translateData(catalogue, escapeHtml));
}

/** One slide per page at the slide's own size; footer and slide number are left to the PDF stamp. */
export function deckPrintHtml(marp: MarpOutput, meta: { lang: string; title: string }, fontCss: string): string {
  return `<!DOCTYPE html>
<html lang="${escapeHtml(meta.lang)}"><head><meta charset="utf-8"><title>${escapeHtml(meta.title)}</title>
<style>${fontCss}</style>
<style>${marp.css}</style>
<style>
@page { size: 1280px 720px; margin: 0; }
html, body { margin: 0; padding: 0; background: #fff; }
div.marpit > svg[data-marpit-svg] { display: block; width: 1280px; height: 720px; break-after: page; }
div.marpit > svg[data-marpit-svg]:last-child { break-after: auto; }
div.marpit > svg > foreignObject > section > footer,
div.marpit > svg > foreignObject > section::after { display: none !important; }
</style></head>
<body>${marp.html}</body></html>`;
}
