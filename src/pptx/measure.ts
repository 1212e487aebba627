/**
 * How tall a block of text sets in Noto Sans, from the font's own advance
 * widths (fontkit), with greedy word wrapping like PowerPoint's and
 * LibreOffice's. The slide plan decides which items share a slide; this
 * decides where each box goes and checks it fits, so no slide relies on
 * shrink-to-fit (which only happens once PowerPoint re-renders).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import fontkit from '../render/fontkit.js';

const require = createRequire(import.meta.url);

interface Face {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}

let faces: { regular: Face; bold: Face } | undefined;

function face(bold: boolean): Face {
  if (!faces) {
    const dir = dirname(require.resolve('@expo-google-fonts/noto-sans/package.json'));
    const load = (file: string) => fontkit.create(readFileSync(join(dir, file))) as unknown as Face;
    faces = { regular: load('400Regular/NotoSans_400Regular.ttf'), bold: load('700Bold/NotoSans_700Bold.ttf') };
  }
  return bold ? faces.bold : faces.regular;
}

const widthCache = new Map<string, number>();

/** Width in inches of `text` set at `size` points. */
export function textWidth(text: string, size: number, bold = false): number {
  const key = `${bold ? 'b' : 'r'}${text}`;
  let em = widthCache.get(key);
  if (em === undefined) {
    const f = face(bold);
    em = f.layout(text).advanceWidth / f.unitsPerEm;
    if (widthCache.size > 20_000) widthCache.clear();
    widthCache.set(key, em);
  }
  return (em * size) / 72;
}

export interface Run {
  text: string;
  bold?: boolean;
  /** Starts a new line (a soft line break) before this run. */
  breakBefore?: boolean;
}

/**
 * Lines a paragraph of runs wraps to within `width` inches. Breaks at spaces;
 * a word wider than the line breaks anywhere (the theme's
 * `overflow-wrap: anywhere`), costing as many lines as it needs.
 */
export function lineCount(runs: Run[], width: number, size: number): number {
  // Renderers differ a little in kerning and justification: wrap as if 3% narrower.
  width *= 0.97;
  const lines: Run[][] = [[]];
  for (const run of runs) {
    if (run.breakBefore) lines.push([]);
    lines.at(-1)?.push(run);
  }
  return lines.reduce((sum, line) => sum + wrappedLines(line, width, size), 0);
}

function wrappedLines(runs: Run[], width: number, size: number): number {
  // Words: pieces between spaces, each made of one or more run fragments.
  const words: { width: number }[] = [];
  let current = 0;
  let open = false;
  for (const run of runs) {
    const parts = run.text.split(/ +/);
    parts.forEach((part, i) => {
      if (i > 0 && open) {
        words.push({ width: current });
        current = 0;
        open = false;
      }
      if (part) {
        current += textWidth(part, size, run.bold);
        open = true;
      }
    });
  }
  if (open) words.push({ width: current });
  if (words.length === 0) return 1;
  const space = textWidth(' ', size);
  let lines = 1;
  let used = 0;
  for (const word of words) {
    if (used > 0 && used + space + word.width <= width) {
      used += space + word.width;
      continue;
    }
    if (used > 0) lines += 1;
    if (word.width <= width) {
      used = word.width;
    } else {
      lines += Math.ceil(word.width / width) - 1;
      used = word.width % width;
    }
  }
  return lines;
}
