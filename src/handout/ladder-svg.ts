/**
 * The "care ladder" figure for the handout: an ascending staircase drawn as a
 * standalone inline SVG (step 1 bottom-left, last step top-right).
 *
 * - Pure and deterministic: the same input always gives the same string
 *   (coordinates are rounded, nothing depends on time, locale or randomness).
 * - Every string from the course is XML-escaped; the output is safe to insert
 *   into HTML with a triple-stash.
 * - viewBox-based with no fixed width or height, so it scales to the width of
 *   its container and stays crisp in print (text stays text, the font is the
 *   page's Noto Sans).
 * - Titles are wrapped over at most three lines with a simple width estimate
 *   (per-character advances of bold Noto Sans for ASCII, a safe default for
 *   everything else; no text measurement is available here). Words that do
 *   not fit are split after a hyphen or hyphenated; anything longer is cut
 *   with an ellipsis. The full titles stay in the accessible name, and the
 *   handout repeats them as text below the figure.
 */
import { graphemes } from '../render/graphemes.js';

export interface LadderSvgStep {
  number: number;
  title: string;
}

export interface LadderSvgOptions {
  /** Width of the viewBox in user units (default 640). Only the proportions change; the SVG always fills its container. */
  width?: number;
  /** Accessible name (svg <title> and aria-label). Defaults to the numbered step titles, e.g. "1. Conservative care, 2. …". */
  label?: string;
  /** The palette, from the brand (render/brand-css.ts ladderColours); each a validated #rrggbb. Defaults to deckhand's teal. */
  colours?: Partial<LadderColours>;
}

/** The figure's colours: title text, the riser ramp (first step light, last dark) and the tread line. */
export interface LadderColours {
  ink: string;
  rampLight: string;
  rampDark: string;
  tread: string;
}

const DEFAULT_WIDTH = 640;
const MIN_WIDTH = 240;
const MAX_WIDTH = 2400;
const MAX_TITLE_LINES = 3;
/** Widest a single step may be, as a share of the whole width (matters for one to three steps). */
const MAX_COLUMN_SHARE = 0.25;
/**
 * Advance widths of bold Noto Sans for U+0020..U+007E in hundredths of an em
 * (read from the font). Letters with diacritics use their base letter.
 */
const BOLD_ASCII_EM = [
  26, 28, 48, 65, 57, 90, 75, 27, 34, 34, 54, 57, 28, 32, 28, 42, 57, 57, 57, 57, 57, 57, 57, 57, 57, 57, 28, 28, 57, 57, 57, 48,
  90, 69, 67, 64, 73, 56, 55, 72, 77, 39, 33, 66, 56, 94, 81, 79, 62, 79, 66, 55, 58, 76, 65, 97, 67, 63, 58, 33, 42, 33, 57, 41,
  37, 60, 63, 52, 63, 60, 39, 63, 65, 30, 30, 62, 30, 98, 65, 63, 63, 63, 45, 50, 43, 65, 57, 86, 58, 57, 49, 39, 55, 39, 57,
];
const SPECIAL_EM: Readonly<Record<string, number>> = { 'ß': 0.7, 'ı': 0.3, '…': 0.86, '–': 0.5, '—': 1 };
/** Fallback for scripts without a table entry (Greek and Cyrillic run close to this). */
const DEFAULT_EM = 0.66;
/** Headroom for kerning and rounding in the estimate. */
const SAFETY = 1.04;

/** Default palette (the default brand's): a deep-teal ramp that stays distinct in greyscale. */
const DEFAULT_COLOURS: LadderColours = { ink: '#1c2329', rampLight: '#cfe2e6', rampDark: '#0b5563', tread: '#083f49' };
const GROUND = '#8a979d';
const FONT_FAMILY = "'Noto Sans', sans-serif";

type Rgb = [number, number, number];

/** Escapes the five XML special characters and drops characters XML 1.0 cannot carry. */
export function escapeXml(value: string): string {
  return (
    value
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
      .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      .replace(/'/g, '&#39;')
  );
}

/** Rounds to at most two decimals and prints without exponent or trailing zeros. */
function n(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

function charEm(ch: string): number {
  const special = SPECIAL_EM[ch];
  if (special !== undefined) return special;
  const base = ch.normalize('NFD').codePointAt(0) ?? 0x20;
  if (base >= 0x20 && base < 0x7f) return (BOLD_ASCII_EM[base - 0x20] ?? 57) / 100;
  if (base >= 0x2e80) return 1; // CJK and other full-width scripts
  return DEFAULT_EM;
}

/** Estimated width of `text` set in bold Noto Sans, in em. */
export function estimateWidthEm(text: string): number {
  let sum = 0;
  for (const ch of text) sum += charEm(ch);
  return sum * SAFETY;
}

function isVowel(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  return ch === 'ı' || /^[aeiouyæøœ]/iu.test(ch.normalize('NFD'));
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && /^\p{L}$/u.test(ch);
}

/** Pairs of letters that spell one sound and are not split. */
const UNSPLIT_PAIRS = new Set(['ch', 'ck', 'gh', 'ph', 'sh', 'th', 'sc', 'qu']);

/**
 * Rough syllable boundaries for a hyphenation guess (no dictionary): before a
 * consonant that sits between two vowels (me-di-ca-tion) and between two
 * consonants that sit between vowels (con-ser-va-tive). Works tolerably for
 * English, German and Turkish; it is only a fallback for very narrow columns.
 */
function syllableCuts(chars: readonly string[]): number[] {
  const cuts: number[] = [];
  for (let i = 2; i <= chars.length - 3; i++) {
    const [a, b, c, d] = [chars[i - 2], chars[i - 1], chars[i], chars[i + 1]];
    if (![b, c, d].every(isLetter)) continue;
    if (UNSPLIT_PAIRS.has(`${b}${c}`.toLowerCase())) continue;
    const vCv = isVowel(b) && !isVowel(c) && isVowel(d);
    const vcCv = isVowel(a) && !isVowel(b) && !isVowel(c) && isVowel(d);
    if (vCv || vcCv) cuts.push(i);
  }
  return cuts;
}

/**
 * Splits a word that is too wide: after an existing hyphen if possible, then at
 * a guessed syllable boundary, otherwise wherever it fits, adding a hyphen.
 */
function splitWord(word: string, maxEm: number): [string, string] {
  const chars = graphemes(word);
  const fits = (head: string): boolean => estimateWidthEm(head) <= maxEm;
  for (let i = chars.length - 1; i > 0; i--) {
    const head = chars.slice(0, i).join('');
    if ((chars[i - 1] === '-' || chars[i - 1] === '\u2010') && fits(head)) return [head, chars.slice(i).join('')];
  }
  const syllable = syllableCuts(chars)
    .reverse()
    .find((i) => fits(`${chars.slice(0, i).join('')}-`));
  if (syllable !== undefined) return [`${chars.slice(0, syllable).join('')}-`, chars.slice(syllable).join('')];
  const maxCut = Math.max(1, chars.length - 2); // never leave a single letter behind
  let cut = 1;
  while (cut < maxCut && fits(`${chars.slice(0, cut + 1).join('')}-`)) cut++;
  return [`${chars.slice(0, cut).join('')}-`, chars.slice(cut).join('')];
}

/**
 * Greedy word wrap to lines at most `maxEm` wide (in em of the title font).
 * Text beyond `maxLines` is cut with "…".
 */
export function wrapTitle(title: string, maxEm: number, maxLines: number = MAX_TITLE_LINES): string[] {
  const fits = (text: string): boolean => estimateWidthEm(text) <= maxEm;
  const words = title.trim().split(/\s+/u).filter((w) => w.length > 0);
  const lines: string[] = [];
  let current = '';
  for (const word of words) {
    const candidate = current === '' ? word : `${current} ${word}`;
    if (fits(candidate)) {
      current = candidate;
      continue;
    }
    if (current !== '') lines.push(current);
    let rest = word;
    while (!fits(rest) && graphemes(rest).length > 1) {
      const [head, tail] = splitWord(rest, maxEm);
      lines.push(head);
      rest = tail;
    }
    current = rest;
  }
  if (current !== '') lines.push(current);
  const limit = Math.max(1, Math.floor(maxLines));
  if (lines.length <= limit) return lines;
  const kept = lines.slice(0, limit);
  let last = graphemes(kept[limit - 1] ?? '');
  const ellipsised = (): string => `${last.join('').replace(/[\s\-\u2010.,;:]+$/u, '')}…`;
  while (last.length > 1 && !fits(ellipsised())) last = last.slice(0, -1);
  kept[limit - 1] = ellipsised();
  return kept;
}

function mix(a: Rgb, b: Rgb, t: number): Rgb {
  return [0, 1, 2].map((i) => Math.round((a[i] ?? 0) + ((b[i] ?? 0) - (a[i] ?? 0)) * t)) as Rgb;
}

function hex([r, g, b]: Rgb): string {
  return `#${[r, g, b].map((c) => c.toString(16).padStart(2, '0')).join('')}`;
}

function luminance(rgb: Rgb): number {
  const [r, g, b] = rgb.map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const NUMERAL_DARK: Rgb = [0x0b, 0x1f, 0x26];
const WHITE: Rgb = [0xff, 0xff, 0xff];

/**
 * Fill and numeral colour for one riser. The numeral is dark or white,
 * whichever contrasts more; a mid-tone fill where neither reaches WCAG AA
 * (4.5:1, since numerals may be small with many steps) is darkened until
 * white does.
 */
function riserColours(t: number, light: Rgb, dark: Rgb): { fill: Rgb; numeral: string } {
  let fill = mix(light, dark, t);
  if (contrast(fill, NUMERAL_DARK) >= 4.5) return { fill, numeral: hex(NUMERAL_DARK) };
  // A light brand colour may never reach 4.5:1 with white: darken towards black then.
  for (let k = 1; k <= 20 && contrast(fill, WHITE) < 4.5; k++) fill = mix(fill, contrast(dark, WHITE) >= 4.5 ? dark : [0, 0, 0], 0.1);
  return { fill, numeral: '#ffffff' };
}

/** `value` when it is #rrggbb (the brand validates it; this keeps the SVG safe on its own), else the default. */
function hexColour(value: string, fallback: string): string {
  return /^#[0-9a-f]{6}$/i.test(value) ? value.toLowerCase() : fallback;
}

function rgbOf(value: string): Rgb {
  return [1, 3, 5].map((i) => parseInt(value.slice(i, i + 2), 16)) as Rgb;
}

function defaultLabel(steps: readonly LadderSvgStep[]): string {
  return steps.map((s) => `${formatNumber(s.number)}. ${s.title.trim().replace(/\s+/gu, ' ')}`).join(', ');
}

function formatNumber(value: number): string {
  return Number.isFinite(value) ? String(value) : '';
}

/** The care ladder as a standalone inline SVG string. */
export function ladderSvg(steps: readonly LadderSvgStep[], options: LadderSvgOptions = {}): string {
  const width = Number.isFinite(options.width) ? clamp(options.width as number, MIN_WIDTH, MAX_WIDTH) : DEFAULT_WIDTH;
  const count = steps.length;
  const label = escapeXml(options.label ?? defaultLabel(steps));
  const colours = { ...DEFAULT_COLOURS, ...options.colours };
  const [ink, tread] = [hexColour(colours.ink, DEFAULT_COLOURS.ink), hexColour(colours.tread, DEFAULT_COLOURS.tread)];
  const [rampLight, rampDark] = [rgbOf(hexColour(colours.rampLight, DEFAULT_COLOURS.rampLight)), rgbOf(hexColour(colours.rampDark, DEFAULT_COLOURS.rampDark))];

  const pad = 4;
  // Few steps would make very wide blocks: cap the column width and centre the staircase.
  const colW = Math.min(MAX_COLUMN_SHARE * width, count > 0 ? (width - 2 * pad) / count : width - 2 * pad);
  const left = (width - colW * Math.max(count, 1)) / 2;
  const gap = clamp(colW * 0.05, 2, 6);
  const blockW = colW - gap;

  // Type scale: comfortable at six steps on a handout page, smaller (to a
  // floor) as the columns get narrower, and small enough that the longest
  // word (or hyphen-separated part) fits on a line where possible.
  const textWidth = blockW - 3;
  const longestEm = Math.max(
    0.5,
    ...steps.flatMap((s) => s.title.split(/\s+/u).flatMap((w) => w.split(/(?<=[-\u2010])/u))).map(estimateWidthEm),
  );
  const titleSize = clamp(Math.min(13 - Math.max(0, count - 5) * 0.6, textWidth / longestEm), 9, 13);
  const lineHeight = titleSize * 1.2;
  const numeralSize = clamp(colW * 0.2, 12, 20);

  const wrapped = steps.map((s) => wrapTitle(s.title, textWidth / titleSize));
  const maxLines = Math.max(1, ...wrapped.map((l) => l.length));
  const labelSpace = maxLines * lineHeight + 8;
  const baseHeight = numeralSize + 14;
  const totalRise = count > 1 ? clamp(24 * (count - 1), 0, 96) : 0;
  const rise = count > 1 ? totalRise / (count - 1) : 0;
  const height = pad + labelSpace + baseHeight + totalRise + pad + 2;
  const groundY = height - pad - 2;

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="care-ladder" viewBox="0 0 ${n(width)} ${n(height)}" ` +
      `preserveAspectRatio="xMidYMid meet" role="img" aria-label="${label}" ` +
      `style="display:block;width:100%;height:auto" font-family="${escapeXml(FONT_FAMILY)}">`,
  );
  parts.push(`<title>${label}</title>`);
  parts.push(`<line class="ladder-ground" x1="${n(left)}" y1="${n(groundY)}" x2="${n(width - left)}" y2="${n(groundY)}" stroke="${GROUND}" stroke-width="1"/>`);

  steps.forEach((step, i) => {
    const t = count > 1 ? i / (count - 1) : 1;
    const { fill, numeral } = riserColours(t, rampLight, rampDark);
    const blockH = baseHeight + i * rise;
    const x = left + i * colW + gap / 2;
    const top = groundY - blockH;
    const lines = wrapped[i] ?? [];

    parts.push(`<g class="ladder-step" data-step="${escapeXml(formatNumber(step.number))}">`);
    parts.push(`<rect class="ladder-riser" x="${n(x)}" y="${n(top)}" width="${n(blockW)}" height="${n(blockH)}" fill="${hex(fill)}"/>`);
    parts.push(`<rect class="ladder-tread" x="${n(x)}" y="${n(top)}" width="${n(blockW)}" height="3" fill="${tread}"/>`);
    parts.push(
      `<text class="ladder-number" x="${n(x + blockW / 2)}" y="${n(top + 7 + numeralSize * 0.9)}" text-anchor="middle" ` +
        `font-size="${n(numeralSize)}" font-weight="700" fill="${numeral}">${escapeXml(formatNumber(step.number))}</text>`,
    );
    const firstBaseline = top - 7 - (lines.length - 1) * lineHeight;
    const tspans = lines
      .map((line, j) => `<tspan x="${n(x + 1)}" y="${n(firstBaseline + j * lineHeight)}">${escapeXml(line)}</tspan>`)
      .join('');
    parts.push(`<text class="ladder-title" font-size="${n(titleSize)}" font-weight="700" fill="${ink}">${tspans}</text>`);
    parts.push('</g>');
  });

  parts.push('</svg>');
  return parts.join('');
}
