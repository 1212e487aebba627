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

const SUBSETS = ['latin', 'latin-ext', 'greek', 'cyrillic'] as const;
/** Weight/style variants the templates use: regular, bold, italic. */
const VARIANTS = ['400', '700', '400-italic'] as const;

function fontsourceDir(): string {
  return dirname(require.resolve('@fontsource/noto-sans/package.json'));
}

let cachedCss: string | undefined;

/** @font-face rules for the project font, with every file inlined as a data: URI. */
export function fontFaceCss(): string {
  if (cachedCss !== undefined) return cachedCss;
  const dir = fontsourceDir();
  const rules: string[] = [];
  for (const variant of VARIANTS) {
    for (const subset of SUBSETS) {
      const css = readFileSync(join(dir, `${subset}-${variant}.css`), 'utf8');
      rules.push(inlineWoff2(css, dir));
    }
  }
  cachedCss = rules.join('\n');
  return cachedCss;
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
