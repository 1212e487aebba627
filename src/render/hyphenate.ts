/**
 * Hyphenation at render time: inserts soft hyphens (U+00AD) into the words of
 * a text, so a narrow column breaks "Belastungs-/aufnahme" with a visible
 * hyphen instead of "Belastungsaufnah/me". Chromium here has no hyphenation
 * dictionaries (`hyphens: auto` does nothing), so the patterns come from the
 * `hyphen` package (TeX/Liang patterns). Used inside the pure compile step:
 * synchronous, patterns loaded once per language.
 *
 * Never hyphenated, and (for codes) made unbreakable at their own hyphens with
 * U+2060 WORD JOINER, which a browser honours and text extraction drops:
 * - document codes and ids: tokens with a digit, or two or more upper-case
 *   letters joined by - _ . / (INV-PM-TRN-0142, OLG-KOA-SCH);
 * - URLs (scheme:// or www.), e-mail addresses, anything with @ or a dot inside;
 * - numbers and words with digits (COVID-19, 10 mg, 2026-11-16);
 * - acronyms (NSAID), words that already have a soft hyphen, and short words.
 * The library's own tokeniser is not used: its lower-casing is not locale-aware
 * (Turkish "İ" becomes two code units and shifts every later break), so each
 * word is lower-cased here per character with the language's rules and the
 * breaks are mapped back, keeping only those on grapheme boundaries.
 */
import { createRequire } from 'node:module';

import { SOFT_HYPHEN, WORD_JOINER } from './break-hints.js';

export { SOFT_HYPHEN, WORD_JOINER };

export interface HyphenateOptions {
  /** Words with fewer letters are left whole (default 6). */
  minWordLength?: number;
}

type HyphenateSync = (word: string, options?: { hyphenChar?: string; minWordLength?: number }) => string;

/** Pattern module per language; English defaults to British patterns (the sample's audience), en-US has its own. */
const PATTERNS: Record<string, string> = { de: 'hyphen/de', en: 'hyphen/en-gb', 'en-us': 'hyphen/en-us', 'en-gb': 'hyphen/en-gb', tr: 'hyphen/tr' };
/** Letters kept before and after a break (TeX's lefthyphenmin / righthyphenmin for each language). */
const MARGINS: Record<string, [number, number]> = { de: [2, 2], en: [2, 3], tr: [2, 2] };

const require = createRequire(import.meta.url);
const hyphenators = new Map<string, HyphenateSync | null>();
/**
 * Words already hyphenated, per language and minimum length: the result is a pure function of
 * those, and a course repeats its vocabulary (and a build's courses share it), so each word is
 * worked out once per process. Bounded, so a long-running `deckhand dev` cannot grow without end.
 */
const wordCache = new Map<string, Map<string, string>>();
const WORD_CACHE_LIMIT = 50_000;
/** Intl.Segmenter costs more to make than to use: one pair per language. */
const segmenters = new Map<string, { words: Intl.Segmenter; graphemes: Intl.Segmenter }>();

function segmentersFor(lang: string): { words: Intl.Segmenter; graphemes: Intl.Segmenter } {
  let pair = segmenters.get(lang);
  if (!pair) segmenters.set(lang, (pair = { words: new Intl.Segmenter(lang, { granularity: 'word' }), graphemes: new Intl.Segmenter(lang, { granularity: 'grapheme' }) }));
  return pair;
}

function patternKey(lang: string): string | undefined {
  const tag = lang.toLowerCase();
  return PATTERNS[tag] ? tag : PATTERNS[tag.split('-')[0] ?? ''] ? tag.split('-')[0] : undefined;
}

function hyphenatorFor(lang: string): HyphenateSync | undefined {
  const key = patternKey(lang);
  if (!key) return undefined;
  let fn = hyphenators.get(key);
  if (fn === undefined) {
    fn = (require(PATTERNS[key] as string) as { hyphenateSync: HyphenateSync }).hyphenateSync;
    hyphenators.set(key, fn);
  }
  return fn ?? undefined;
}

/** Languages with hyphenation patterns ("de", "en", "en-gb", "en-us", "tr"). */
export function canHyphenate(lang: string): boolean {
  return patternKey(lang) !== undefined;
}

const URL_LIKE = /^(?:[a-z][a-z0-9+.-]*:\/\/|www\.)|@/i;
const HAS_DIGIT = /\p{Nd}/u;
const INNER_DOT = /\p{L}[./_]\p{L}/u;
const CODE = /^[\p{Lu}\p{Nd}]+(?:[-_./][\p{Lu}\p{Nd}]+)+$/u;
const ACRONYM = /^\p{Lu}{2,}$/u;
const WORD = /^[\p{L}\p{M}]+$/u;

/** `text` with soft hyphens at the language's break points; unchanged for a language without patterns. */
export function hyphenate(text: string, lang: string, options: HyphenateOptions = {}): string {
  const fn = hyphenatorFor(lang);
  const primary = lang.toLowerCase().split('-')[0] ?? 'en';
  const minLength = options.minWordLength ?? 6;
  const { words, graphemes } = segmentersFor(lang);
  const cacheKey = `${lang}\u0000${minLength}`;
  let cache = wordCache.get(cacheKey);
  if (!cache) wordCache.set(cacheKey, (cache = new Map()));
  const word = (segment: string, hyphenator: HyphenateSync): string => {
    let done = cache.get(segment);
    if (done === undefined) {
      done = hyphenateWord(segment, hyphenator, primary, minLength, graphemes);
      if (cache.size >= WORD_CACHE_LIMIT) cache.clear();
      cache.set(segment, done);
    }
    return done;
  };
  return text
    .split(/(\s+)/u)
    .map((token) => {
      if (token === '' || /^\s+$/u.test(token)) return token;
      const core = token.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, '');
      if (CODE.test(core) && /[-_./]/.test(core)) return token.replace(/([-_./])(?=[\p{Lu}\p{Nd}])/gu, `$1${WORD_JOINER}`);
      if (!fn || HAS_DIGIT.test(token) || URL_LIKE.test(token) || INNER_DOT.test(core) || token.includes(SOFT_HYPHEN)) return token;
      let out = '';
      for (const { segment, isWordLike } of words.segment(token)) {
        out += isWordLike && WORD.test(segment) && !ACRONYM.test(segment) ? word(segment, fn) : segment;
      }
      return out;
    })
    .join('');
}

function hyphenateWord(word: string, fn: HyphenateSync, lang: string, minLength: number, graphemes: Intl.Segmenter): string {
  const clusters = [...graphemes.segment(word)];
  if (clusters.length < minLength) return word;
  // Lower-case per code point with the language's rules, remembering where each lower-case unit came from.
  let lower = '';
  const origin: number[] = [];
  let offset = 0;
  for (const c of word) {
    const l = c.toLocaleLowerCase(lang);
    for (let i = 0; i < l.length; i++) origin.push(offset);
    lower += l;
    offset += c.length;
  }
  origin.push(word.length);
  const marked = fn(lower, { hyphenChar: SOFT_HYPHEN, minWordLength: minLength });
  const breaks = new Set<number>();
  let index = 0;
  for (const c of marked) {
    if (c === SOFT_HYPHEN) breaks.add(origin[index] ?? word.length);
    else index += c.length;
  }
  const [left, right] = MARGINS[lang] ?? [2, 2];
  const starts = clusters.map((s) => s.index);
  let out = '';
  clusters.forEach((cluster, i) => {
    if (i >= left && clusters.length - i >= right && breaks.has(cluster.index) && starts.includes(cluster.index)) out += SOFT_HYPHEN;
    out += cluster.segment;
  });
  return out;
}
