/**
 * A loaded interface-text catalogue for one language: look-up by dotted key,
 * interpolation of `{name}` params, plural choice by `count`, and Intl
 * formatting for the catalogue's locale. Results are plain text: the caller
 * escapes them for its output (or uses the Handlebars helper, which does).
 */
import { formatDate, formatDateTimeUtc, formatNumber, pluralCategory, type DateStyle } from './locale-format.js';
import type { Message, Part } from './message.js';

export type Params = Readonly<Record<string, string | number>>;

/** Thrown for a key or param the code asks for that the catalogue lacks: a bug in a template or in deckhand. */
export class CatalogueKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CatalogueKeyError';
  }
}

export class Catalogue {
  constructor(
    /** The language as the course or edition gives it (BCP 47), used for Intl and `lang` attributes. */
    readonly locale: string,
    /** The catalogue file it came from, as shown in messages. */
    readonly file: string,
    private readonly messages: ReadonlyMap<string, Message>,
  ) {}

  /** Every key, sorted. */
  get keys(): string[] {
    return [...this.messages.keys()].sort();
  }

  has(key: string): boolean {
    return this.messages.has(key);
  }

  /** `t('footer.pageOf', { page: 1, pages: 4 })` → "page 1 of 4". Numbers are formatted for the locale. */
  t(key: string, params: Params = {}): string {
    return this.parts(key, params)
      .map((p) => ('text' in p ? p.text : this.param(key, p.name, params)))
      .join('');
  }

  /**
   * The message for `key` as parts, the plural form already chosen: for callers
   * that must escape the catalogue's text and the params differently (see handlebars-helper.ts).
   */
  parts(key: string, params: Params = {}): Part[] {
    const message = this.messages.get(key);
    if (!message) throw new CatalogueKeyError(`interface text "${key}" is not in ${this.file}`);
    if (message.kind === 'text') return message.parts;
    const count = params.count;
    if (typeof count !== 'number') throw new CatalogueKeyError(`interface text "${key}" needs a number "count" to choose its plural form`);
    const category = pluralCategory(count, this.locale);
    return message.forms[category] ?? message.forms.other;
  }

  /** A param's text: numbers formatted for the locale, strings as given. */
  param(key: string, name: string, params: Params): string {
    const value = params[name];
    if (value === undefined) throw new CatalogueKeyError(`interface text "${key}" needs the param "${name}"`);
    return typeof value === 'number' ? this.number(value) : value;
  }

  date(date: string | Date, style: DateStyle = 'long'): string {
    return formatDate(date, this.locale, style);
  }

  dateTimeUtc(date: Date): string {
    return formatDateTimeUtc(date, this.locale);
  }

  number(value: number, options?: Intl.NumberFormatOptions): string {
    return formatNumber(value, this.locale, options);
  }
}
