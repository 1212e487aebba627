/**
 * The project font: Noto Sans from npm packages, never from the machine.
 *
 * - For HTML/print: @fontsource/noto-sans WOFF2 files, split by unicode-range
 *   (Latin, Latin Extended, Greek, Cyrillic), inlined as data: URIs
 *   so every document is self-contained and no request leaves the page.
 * - For the pdf-lib stamp: the full Noto Sans TTF (see stampFontBytes).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const FONT_FAMILY = 'Noto Sans';

/** Builds the @font-face CSS a document needs, given the document's text. */
export type FontCss = (text: string) => string;

const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;
/** Weight/style variants the templates use: regular, bold, italic. */
const VARIANTS = ['400', '700', '400-italic'] as const;

function fontsourceDir(): string {
  return dirname(require.resolve('@fontsource/noto-sans/package.json'));
}

interface FaceRule {
  css: string;
  ranges: [number, number][];
}

let cachedRules: FaceRule[] | undefined;

function faceRules(): FaceRule[] {
  if (cachedRules) return cachedRules;
  const dir = fontsourceDir();
  const rules: FaceRule[] = [];
  for (const variant of VARIANTS) {
    // The combined file (e.g. 400.css) has one rule per subset, each with its unicode-range.
    const blocks = readFileSync(join(dir, `${variant}.css`), 'utf8').split(/(?=\/\* noto-sans-)/);
    for (const subset of SUBSETS) {
      const block = blocks.find((b) => b.startsWith(`/* noto-sans-${subset}-${variant.includes('italic') ? variant.replace('-italic', '') : variant}-${variant.includes('italic') ? 'italic' : 'normal'} */`));
      if (!block) throw new Error(`@fontsource/noto-sans has no ${subset} subset for ${variant}`);
      const css = inlineWoff2(block.trim(), dir);
      rules.push({ css, ranges: unicodeRanges(css) });
    }
  }
  cachedRules = rules;
  return rules;
}

/** `unicode-range: U+0000-00FF,U+0131` → [[0, 255], [305, 305]]. */
function unicodeRanges(css: string): [number, number][] {
  const list = /unicode-range:\s*([^;]+);/.exec(css)?.[1] ?? '';
  return list.split(',').map((part): [number, number] => {
    const [from, to] = part.trim().replace(/^U\+/i, '').split('-');
    const start = parseInt(from ?? '0', 16);
    return [start, to ? parseInt(to, 16) : start];
  });
}

/**
 * @font-face rules for the project font, every file inlined as a data: URI.
 * Given the document's text, only the unicode-range subsets it uses are
 * included (Latin always), which keeps HTML small and printing fast.
 */
export function fontFaceCss(usedText?: string): string {
  const rules = faceRules();
  if (usedText === undefined) return rules.map((r) => r.css).join('\n');
  const codes = new Set<number>();
  for (const c of usedText) {
    const code = c.codePointAt(0) ?? 0;
    if (code > 0x7f) codes.add(code);
  }
  const used = (r: FaceRule) => r.ranges.some(([a, b]) => a <= 0x41 && 0x41 <= b) || [...codes].some((code) => r.ranges.some(([a, b]) => a <= code && code <= b));
  return rules.filter(used).map((r) => r.css).join('\n');
}

/** Keeps only the woff2 source of each rule and inlines it; drops font-display so print never races a swap. */
function inlineWoff2(css: string, dir: string): string {
  return css
    .replace(/src:\s*url\(\.\/files\/([^)]+\.woff2)\)\s*format\('woff2'\)[^;]*;/g, (_m, file: string) => {
      const data = readFileSync(join(dir, 'files', file)).toString('base64');
      return `src: url(data:font/woff2;base64,${data}) format('woff2');`;
    })
    .replace(/\s*font-display:\s*swap;/g, '');
}

let cachedTtf: Uint8Array | undefined;

/** The regular-weight Noto Sans TTF that the stamp embeds (subset) through fontkit. */
export function stampFontBytes(): Uint8Array {
  if (cachedTtf !== undefined) return cachedTtf;
  const dir = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
  cachedTtf = new Uint8Array(readFileSync(join(dir, '400Regular', 'NotoSans_400Regular.ttf')));
  return cachedTtf;
}
