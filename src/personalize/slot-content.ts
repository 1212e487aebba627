/**
 * The per-rep content stream for the slot page. It begins with `Q`, closing
 * the `q` of the shared guard stream that now comes before the page's own
 * content, so whatever state the page's content leaves behind, the slot is
 * drawn from the page's default state. Everything is clipped to the slot box
 * and marked as an Artifact, like the stamp: the tagged structure of the
 * approved page is not touched.
 */
import { num } from './pdf-bytes.js';
import { qrOperators } from './qr-paths.js';
import type { SlotLayout } from './slot-layout.js';

/** The shared stream put before the page's original content. */
export const GUARD_STREAM = 'q\n';

const COLOURS = {
  tint: '0.91 0.945 0.953',
  label: '0.043 0.333 0.388',
  name: '0.031 0.247 0.286',
  text: '0.11 0.137 0.161',
} as const;

export type GlyphTable = Map<number, [number, number]>;

function hexGlyphs(text: string, glyphs: GlyphTable): string {
  let hex = '';
  for (const c of text) hex += (glyphs.get(c.codePointAt(0) ?? 0)?.[0] ?? 0).toString(16).padStart(4, '0');
  return `<${hex}>`;
}

/** The stream's text; `origin` is the trim's lower-left corner on the page, `font` the resource name of the slot font. */
export function slotContent(layout: SlotLayout, glyphs: GlyphTable, font: string, origin: { x: number; y: number }): string {
  const { box } = layout;
  const ops = [
    'Q',
    '/Artifact BMC',
    'q',
    `1 0 0 1 ${num(origin.x)} ${num(origin.y)} cm`,
    `${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)} re W n`,
    `${COLOURS.tint} rg`,
    `${num(box.x)} ${num(box.y)} ${num(box.width)} ${num(box.height)} re f`,
  ];
  for (const line of layout.lines) {
    ops.push(`BT /${font} ${num(line.size)} Tf ${COLOURS[line.role === 'label' ? 'label' : line.role]} rg 1 0 0 1 ${num(line.x)} ${num(line.y)} Tm ${hexGlyphs(line.text, glyphs)} Tj ET`);
  }
  if (layout.qr) ops.push(qrOperators(layout.qr.value, layout.qr.x, layout.qr.y, layout.qr.side));
  ops.push('Q', 'EMC', '');
  return ops.join('\n');
}
