/**
 * Dates and numbers for a locale, with Intl. Course dates are ISO calendar
 * dates ("2026-11-16") and are formatted in UTC, so a date never shifts by a
 * day with the machine's time zone and builds stay reproducible.
 */

export type DateStyle = 'long' | 'short';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>();
function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.PluralRules>(key: string, make: () => T): T {
  let value = cache.get(key) as T | undefined;
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

/** "16 November 2026" (en-GB), "16. November 2026" (de), "16 Kasım 2026" (tr); short: 16/11/2026, 16.11.2026. */
export function formatDate(date: string | Date, locale: string, style: DateStyle = 'long'): string {
  const value = toDate(date);
  const options: Intl.DateTimeFormatOptions =
    style === 'long' ? { dateStyle: 'long', timeZone: 'UTC' } : { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' };
  return cached(`d|${locale}|${style}`, () => new Intl.DateTimeFormat(locale, options)).format(value);
}

/** Date and time in UTC, 24-hour clock, e.g. "16 November 2026, 14:05" (for signature blocks that say "UTC"). */
export function formatDateTimeUtc(date: Date, locale: string): string {
  const format = cached(
    `dt|${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', hourCycle: 'h23', timeZone: 'UTC' }),
  );
  return format.format(date);
}

/** 12345.5 → "12,345.5" (en), "12.345,5" (de, tr). */
export function formatNumber(value: number, locale: string, options: Intl.NumberFormatOptions = {}): string {
  return cached(`n|${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options)).format(value);
}

/** The CLDR plural category of `count` in `locale` ("one", "other", …). */
export function pluralCategory(count: number, locale: string): Intl.LDMLPluralRule {
  return cached(`p|${locale}`, () => new Intl.PluralRules(locale)).select(count);
}

/** An ISO calendar date (YYYY-MM-DD, read as UTC midnight) or a Date; anything else is a programming error. */
function toDate(date: string | Date): Date {
  if (date instanceof Date) return date;
  const m = ISO_DATE.exec(date);
  const value = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : undefined;
  if (!value || value.toISOString().slice(0, 10) !== date) throw new RangeError(`"${date}" is not a calendar date (YYYY-MM-DD)`);
  return value;
}

/** A BCP 47 tag in canonical case ("de-DE"), or undefined if it is not one. */
export function canonicalLocale(tag: string): string | undefined {
  try {
    return Intl.getCanonicalLocales(tag)[0];
  } catch {
    return undefined;
  }
}
