/**
 * A slide laid out as plain shapes with positions in inches: what the writer
 * hands to pptxgenjs, and what tests check for fit. Each text shape records the
 * height its text needs (`needs`), measured with the font, next to the height
 * it was given.
 */
import { blockHeight, type Para } from './text-block.js';

interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface TextShape extends Box {
  kind: 'text';
  paras: Para[];
  /** Height the text sets at, inches (without insets). */
  needs: number;
  /** Inner padding, inches. */
  inset?: { l: number; r: number; t: number; b: number };
  valign?: 'top' | 'middle' | 'bottom';
  fill?: string;
  shape?: 'rect' | 'round2SameRect';
  /** The slide title: written into the layout's title placeholder. */
  title?: boolean;
  rotate?: number;
}

export interface RectShape extends Box {
  kind: 'rect';
  fill: string;
}

export interface TableCell {
  paras: Para[];
  fill?: string;
}

export interface TableShape extends Box {
  kind: 'table';
  colW: number[];
  rows: TableCell[][];
  rowH: number[];
  /** Cell padding, inches. */
  pad: { x: number; y: number };
  /** Rule under the header row and under each body row. */
  headerRule: string;
  rowRule: string;
}

export interface ImageShape extends Box {
  kind: 'image';
  data: string;
  alt: string;
}

export type Shape = TextShape | RectShape | TableShape | ImageShape;

export interface SlideLayout {
  master: 'title' | 'content';
  shapes: Shape[];
  notes: string;
}

export function textShape(box: Box, paras: Para[], extra: Partial<Omit<TextShape, 'kind' | 'paras' | 'needs'>> = {}): TextShape {
  const inset = extra.inset ?? { l: 0, r: 0, t: 0, b: 0 };
  return { kind: 'text', ...box, paras, needs: blockHeight(paras, box.w - inset.l - inset.r), ...extra };
}

/** Room a text shape has for its text, inches. */
export function room(shape: TextShape): number {
  return shape.h - (shape.inset ? shape.inset.t + shape.inset.b : 0);
}

/**
 * The largest scale (1, 0.95, … down to `min`) at which `build` reports a fit.
 * The plan normally leaves every slide fitting at 1; this is the measured
 * fallback for text the plan's character estimate under-counts, or an item
 * the plan cannot split (one very long procedure), decided here rather than by
 * shrink-to-fit in the viewer.
 */
export function largestFit<T>(build: (scale: number) => { result: T; fits: boolean }, min = 0.7): T {
  let last: T | undefined;
  for (let scale = 1; scale >= min - 1e-9; scale -= 0.05) {
    const { result, fits } = build(Math.round(scale * 100) / 100);
    if (fits) return result;
    last = result;
  }
  return last as T;
}
