/**
 * Where everything goes inside the slot box, in points from the trim's
 * bottom-left corner: the label, one line per text field (shrunk towards its
 * floor size until it fits the column; refused when it does not fit even
 * then) and the QR code's square on the right.
 */
import type { SlotDeclaration } from '../render/slot-declaration.js';
import type { FontMetrics } from './font-metrics.js';
import { SLOT_STYLE } from '../render/slot-style.js';

const MM = 72 / 25.4;
const STEP = 0.25;

export interface PlacedLine {
  field: string;
  text: string;
  size: number;
  x: number;
  y: number;
  role: 'label' | 'name' | 'text';
}

export interface SlotLayout {
  box: { x: number; y: number; width: number; height: number };
  lines: PlacedLine[];
  qr?: { field: string; value: string; x: number; y: number; side: number };
}

export interface SlotGeometry {
  box: SlotLayout['box'];
  /** The text column. */
  column: { x: number; width: number; top: number };
  qr?: { x: number; y: number; side: number };
}

export function slotGeometry(slot: SlotDeclaration): SlotGeometry {
  const box = { x: slot.box.left * MM, y: slot.box.bottom * MM, width: slot.box.width * MM, height: slot.box.height * MM };
  const pad = SLOT_STYLE.paddingMm * MM;
  const hasQr = slot.fields.some((f) => f.kind === 'qr');
  const side = box.height - 2 * pad;
  const qr = hasQr ? { x: box.x + box.width - pad - side, y: box.y + pad, side } : undefined;
  const columnWidth = box.width - 2 * pad - (qr ? side + pad : 0);
  return { box, column: { x: box.x + pad, width: columnWidth, top: box.y + box.height - pad }, ...(qr ? { qr } : {}) };
}

export const textWidth = (text: string, size: number, font: FontMetrics) => {
  let w = 0;
  for (const c of text) w += font.width(c.codePointAt(0) ?? 0);
  return w * size;
};

/** The largest size from `size` down to `floor` at which `text` fits `width`, or undefined. */
export function fitSize(text: string, size: number, floor: number, width: number, font: FontMetrics): number | undefined {
  const unit = textWidth(text, 1, font);
  for (let s = size; s >= floor - 1e-9; s -= STEP) if (unit * s <= width) return Math.round(s * 100) / 100;
  return undefined;
}

/** Why a text value cannot be drawn in the slot (a character the font lacks, too wide at the floor), or undefined. */
export function drawProblem(slot: SlotDeclaration, field: string, value: string, font: FontMetrics): string | undefined {
  const f = slot.fields.find((x) => x.name === field);
  if (!f || f.kind !== 'text' || value === '') return undefined;
  const missing = [...new Set([...value].filter((c) => !font.has(c.codePointAt(0) ?? 0)))];
  if (missing.length) return `contains ${missing.map((c) => `"${c}" (U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}, which the slot font cannot draw`;
  const width = slotGeometry(slot).column.width;
  if (fitSize(value, f.size, f.floor, width, font) === undefined) {
    const needed = textWidth(value, f.floor, font) / MM;
    return `does not fit the slot even at ${f.floor} pt: it needs ${needed.toFixed(1)} mm, the box has ${(width / MM).toFixed(1)} mm; shorten it`;
  }
  return undefined;
}

/** Lays out one rep's values (already checked with drawProblem). The block of lines is centred in the box's height. */
export function layoutSlot(slot: SlotDeclaration, label: string, values: Record<string, string>, font: FontMetrics): SlotLayout {
  const g = slotGeometry(slot);
  const labelSize = fitSize(label, SLOT_STYLE.labelSize, 5, g.column.width, font) ?? 5;
  const lines: PlacedLine[] = [{ field: '(label)', text: label, size: labelSize, x: g.column.x, y: 0, role: 'label' }];
  // Baselines relative to the block's top; the first line sits a little further from the label than the rest from each other.
  let baseline = -SLOT_STYLE.labelSize * 0.95;
  let previous: number = SLOT_STYLE.labelSize;
  let first = true;
  lines[0] = { ...(lines[0] as PlacedLine), y: baseline };
  for (const f of slot.fields) {
    const value = values[f.name] ?? '';
    if (f.kind !== 'text' || value === '') continue;
    const size = fitSize(value, f.size, f.floor, g.column.width, font) ?? f.floor;
    baseline -= first ? previous * 0.45 + size * SLOT_STYLE.leading * 0.85 : size * SLOT_STYLE.leading;
    lines.push({ field: f.name, text: value, size, x: g.column.x, y: baseline, role: first ? 'name' : 'text' });
    previous = size;
    first = false;
  }
  // Block height: from the top down to the last line's descender (~0.25 em).
  const height = -baseline + previous * 0.25;
  const available = g.column.top - (g.box.y + SLOT_STYLE.paddingMm * MM);
  const top = g.column.top - Math.max(0, (available - height) / 2);
  for (const line of lines) line.y = Math.round((top + line.y) * 100) / 100;
  const qrField = slot.fields.find((f) => f.kind === 'qr');
  const qrValue = qrField ? values[qrField.name] ?? '' : '';
  return { box: g.box, lines, ...(qrField && g.qr && qrValue ? { qr: { field: qrField.name, value: qrValue, ...g.qr } } : {}) };
}
