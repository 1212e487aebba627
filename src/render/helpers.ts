/**
 * Handlebars helpers available to every template. They only shape values that
 * are already escaped for the output language; none of them un-escapes.
 */
import type HandlebarsNs from 'handlebars';
import { translateHelper } from '../i18n/index.js';

export function registerHelpers(hb: typeof HandlebarsNs): void {
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  hb.registerHelper('gt', (a: number, b: number) => a > b);
  hb.registerHelper('add', (a: number, b: number) => a + b);
  /** `{{join list ", "}}` */
  hb.registerHelper('join', (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : ', ') : ''));
  /** `{{#if (isLast @index list)}}` */
  /** `{{t "faq.heading"}}`: interface text from the render's catalogue, escaped for the output (i18n/handlebars-helper.ts). */
  hb.registerHelper('t', translateHelper());
  hb.registerHelper('isLast', (index: number, list: unknown) => Array.isArray(list) && index === list.length - 1);
}
