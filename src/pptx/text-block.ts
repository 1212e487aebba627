/**
 * One text box's paragraphs, described once and used twice: measured (how
 * tall it sets, measure.ts) and written (pptxgenjs text runs), so the size
 * we check is the size we write.
 */
import type { TextProps, TextPropsOptions } from './pptxgen.js';
import { lineCount, type Run } from './measure.js';
import { FONT } from './theme.js';

export interface StyledRun extends Run {
  italic?: boolean;
  color?: string;
}

export interface Para {
  runs: StyledRun[];
  /** Points. */
  size: number;
  /** Line height as a multiple of the size; written as exact line spacing. */
  lineHeight: number;
  /** Space after the paragraph, points. */
  after?: number;
  bullet?: 'bullet' | 'number';
  color: string;
  align?: 'left' | 'center';
  /** Text transparency, percent. */
  transparency?: number;
}

/** Hanging indent of a bulleted paragraph, inches: about one em plus a little. */
export const bulletIndent = (size: number): number => (size * 1.25) / 72;

/** Course text on one line: whitespace runs (newlines included) collapse to one space, as in the deck. */
export const oneLine = (text: string): string => text.replace(/\s+/g, ' ');

/** Height in inches of the paragraphs set `width` inches wide. */
export function blockHeight(paras: Para[], width: number): number {
  return paras.reduce((sum, p, i) => {
    const w = p.bullet ? width - bulletIndent(p.size) : width;
    const lines = lineCount(p.runs, w, p.size);
    const after = i < paras.length - 1 ? (p.after ?? 0) : 0;
    return sum + (lines * p.size * p.lineHeight + after) / 72;
  }, 0);
}

/** The paragraphs as pptxgenjs text runs; paragraph options ride on each paragraph's first run. */
export function textRuns(paras: Para[], lang: string): TextProps[] {
  return paras.flatMap((p, pi) =>
    p.runs.map((run, ri): TextProps => {
      const first = ri === 0;
      const last = ri === p.runs.length - 1;
      const options: TextPropsOptions = {
        fontFace: FONT,
        fontSize: p.size,
        color: run.color ?? p.color,
        bold: run.bold ?? false,
        italic: run.italic ?? false,
        lang,
        lineSpacing: round(p.size * p.lineHeight),
        ...(p.after ? { paraSpaceAfter: round(p.after) } : {}),
        ...(p.align ? { align: p.align } : {}),
        ...(p.transparency ? { transparency: p.transparency } : {}),
        ...(first && p.bullet ? { bullet: p.bullet === 'number' ? { type: 'number', indent: round(bulletIndent(p.size) * 72) } : { indent: round(bulletIndent(p.size) * 72) } } : {}),
        ...(run.breakBefore && !first ? { softBreakBefore: true } : {}),
        ...(last && pi < paras.length - 1 ? { breakLine: true } : {}),
      };
      return { text: run.text, options };
    }),
  );
}

const round = (v: number) => Math.round(v * 100) / 100;
