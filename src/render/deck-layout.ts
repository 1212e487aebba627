/**
 * How tall each deck slide's parts are, in px, for pagination (paginate.ts).
 * The faces and spacings mirror the built-in theme, templates/themes/clinical.css
 * (keep in step): a change there that makes text larger or wider must change
 * these numbers too. Every height errs on the tall side: margins are summed
 * (slide children are flex items, so their margins do not collapse), and a
 * page's heading is measured with its longest "(n/N)" suffix.
 */
import { textHeight, type Face, type SlideMetrics, type Span } from './paginate.js';

const face = (size: number, lineHeight: number, bold = false): Face => ({ size, lineHeight, bold });

/** Faces of clinical.css. */
export const FACES = {
  body: face(26, 1.38),
  bodyBold: face(26, 1.38, true),
  /** h2: 42px bold, line-height 1.2. */
  heading: face(42, 1.2, true),
  /** FAQ question (h3, 26px bold). */
  question: face(26, 1.2, true),
  /** blockquote: 24px. */
  quote: face(24, 1.38),
  /** Procedure and technology list items: 24px. */
  dense: face(24, 1.38),
  denseBold: face(24, 1.38, true),
  /** The italic-turned-regular line under a procedure or technology name: 21px. */
  denseMeta: face(21, 1.38),
  agenda: face(30, 1.38),
  ladderIntro: face(19, 1.35),
  disclaimer: face(23, 1.38),
  /** The document-control table: 18px. */
  table: face(18, 1.38),
} as const;

/** Vertical spacing of clinical.css, px. */
export const SPACE = {
  /** h2: padding-bottom 10, border 2, margin-bottom 22. */
  heading: 34,
  paragraph: 14,
  list: 14,
  item: 6,
  denseItem: 12,
  agendaItem: 12,
  /** h3 in the FAQ: margin 14 above, 4 below; its answer paragraph: 10 below. */
  question: 18,
  answer: 10,
  /** blockquote: margin-top 10, padding 14 above and below. */
  quote: 38,
  /** The staircase: ol 400px high, 14 below. */
  staircase: 414,
  /** A technology image, h:96px on its own line. */
  image: 104,
} as const;

/** List indent: padding-left 1.2em of the list's font. */
export const indent = (f: Face): number => Math.ceil(1.2 * f.size);
/** blockquote: 8px border, 22px padding each side. */
export const QUOTE_INSET = 52;

export interface Layout {
  metrics: SlideMetrics;
  /** Height of `text` in `f`, `inset` px narrower than the content box. */
  text(text: string | Span[], f: Face, inset?: number): number;
  /** Height of a slide heading (h2 with its rule and margin). */
  heading(text: string): number;
  /** Room left under `heading`. */
  room(heading: string): number;
}

export function layout(metrics: SlideMetrics): Layout {
  const text = (t: string | Span[], f: Face, inset = 0) => textHeight(t, f, metrics.width - inset, metrics);
  const heading = (t: string) => text(t, FACES.heading) + SPACE.heading;
  return { metrics, text, heading, room: (t) => metrics.height - heading(t) };
}
