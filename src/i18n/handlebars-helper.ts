/**
 * `{{t "faq.heading"}}` and `{{t "footer.pageOf" page=1 pages=4}}` for templates.
 *
 * Escaping: templates are compiled with noEscape and their view is already
 * escaped for the output (Markdown for the deck, HTML for the handout and the
 * deck shell; see render/escape.ts). So the helper
 * - escapes the catalogue's own text with the escaper of the template being rendered;
 * - escapes numbers it formats (locale digits and separators);
 * - inserts string params as given: they come from the view, already escaped
 *   (or are literals in the template, which is trusted code), and escaping them
 *   again would show `&amp;` or `\.` on the page.
 * The whole message is escaped in one piece, with each placeholder held by a
 * private-use marker, because escapeMarkdown collapses and trims whitespace:
 * escaping the pieces one by one would eat the spaces around params.
 *
 * The catalogue and escaper come per render, as Handlebars data
 * (`template(view, { data: translateData(catalogue, escapeHtml) })`), so one
 * Handlebars instance can serve the deck and the handout; `defaults` covers an
 * instance that only ever renders one kind. With neither, the helper throws:
 * printing unescaped text is never the fallback.
 */
import type { HelperOptions } from 'handlebars';
import { Catalogue, type Params } from './catalogue.js';

export type Escape = (text: string) => string;

export interface TranslateContext {
  catalogue: Catalogue;
  escape: Escape;
}

/** The Handlebars data key under which a render passes its TranslateContext. */
export const TRANSLATE_DATA_KEY = 'deckhandTranslate';

/** Handlebars `data` for one render: `template(view, { data: translateData(catalogue, escapeMarkdown) })`. */
export function translateData(catalogue: Catalogue, escape: Escape): Record<string, TranslateContext> {
  return { [TRANSLATE_DATA_KEY]: { catalogue, escape } };
}

const MARK_START = 0xe000;

/** Catalogue text escaped by `escape`, params inserted: numbers formatted and escaped, strings as given. */
export function translateEscaped(context: TranslateContext, key: string, params: Params = {}): string {
  const { catalogue, escape } = context;
  const values: string[] = [];
  const marked = catalogue
    .parts(key, params)
    .map((part) => {
      if ('text' in part) return part.text;
      const value = params[part.name];
      values.push(typeof value === 'number' ? escape(catalogue.param(key, part.name, params)) : catalogue.param(key, part.name, params));
      return String.fromCharCode(MARK_START + values.length - 1);
    })
    .join('');
  if (values.length > 0x1000) throw new RangeError(`interface text "${key}" has too many params`);
  return escape(marked).replace(/[\uE000-\uEFFF]/gu, (mark) => values[mark.charCodeAt(0) - MARK_START] ?? '');
}

/** The `t` helper: `hb.registerHelper('t', translateHelper())`. */
export function translateHelper(defaults?: Partial<TranslateContext>): (key: unknown, options: HelperOptions) => string {
  return function t(key: unknown, options: HelperOptions): string {
    const given = (options?.data as Record<string, unknown> | undefined)?.[TRANSLATE_DATA_KEY] as Partial<TranslateContext> | undefined;
    const catalogue = given?.catalogue ?? defaults?.catalogue;
    const escape = given?.escape ?? defaults?.escape;
    if (typeof key !== 'string') throw new TypeError('{{t}} needs a catalogue key in quotes, e.g. {{t "faq.heading"}}');
    if (!(catalogue instanceof Catalogue) || typeof escape !== 'function') {
      throw new Error(`{{t "${key}"}}: no catalogue or escaper for this render; pass translateData(catalogue, escape) as Handlebars data`);
    }
    const params: Record<string, string | number> = {};
    for (const [name, value] of Object.entries((options?.hash ?? {}) as Record<string, unknown>)) {
      if (typeof value === 'number' || typeof value === 'string') params[name] = value;
      else throw new TypeError(`{{t "${key}"}}: param ${name} must be text or a number`);
    }
    return translateEscaped({ catalogue, escape }, key, params);
  };
}
