/**
 * The approved personalisation slot, read from templates/personalization.yaml.
 *
 * That file is the single source of truth for the slot: the handout template
 * keeps its box free of content on the declared page, and `personalize`
 * draws only inside it, only the declared fields, each within its maximum
 * length. Problems are reported at file:line:column and field.
 */
import { readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { formatPath, sortDiagnostics, type Diagnostic } from '../content/diagnostic.js';
import { SourceMap } from '../content/yaml-positions.js';
import { SLOT_STYLE } from './slot-style.js';
import type { TemplateSet } from './template-set.js';

export const SLOT_DECLARATION_FILE = 'personalization.yaml';

export type SlotFieldKind = 'id' | 'text' | 'qr';

export interface SlotField {
  name: string;
  /** `id` names the copy and is recorded, not drawn; `text` is one drawn line; `qr` an https URL drawn as a QR code. */
  kind: SlotFieldKind;
  maxLength: number;
  required: boolean;
  /** Type size in points for `text` fields, and the floor it may shrink to before the value is refused. */
  size: number;
  floor: number;
  format?: 'email' | 'phone';
}

export interface SlotBox {
  /** Millimetres from the trim's bottom-left corner. */
  left: number;
  bottom: number;
  width: number;
  height: number;
}

export interface SlotDeclaration {
  id: string;
  /** 1-based page number. */
  page: number;
  box: SlotBox;
  labelKey: string;
  /** In the order they are drawn. */
  fields: SlotField[];
}

const mm = z.number().min(0).max(1000);
const fieldSchema = z.strictObject({
  kind: z.enum(['id', 'text', 'qr']),
  maxLength: z.number().int().min(1).max(500),
  required: z.boolean().optional(),
  size: z.number().min(4).max(24).optional(),
  floor: z.number().min(4).max(24).optional(),
  format: z.enum(['email', 'phone']).optional(),
});

const declarationSchema = z.strictObject({
  schemaVersion: z.literal(1),
  slot: z.strictObject({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be lower-case letters, digits and hyphens'),
    // The handout CSS can reserve a box on the first page only (@page :first).
    page: z.literal(1, 'must be 1: the handout keeps the box free on its first page only'),
    box: z.strictObject({ left: mm, bottom: mm, width: mm.min(20), height: mm.min(10) }),
    labelKey: z.string().regex(/^[A-Za-z][\w.-]*$/, 'must be a dotted interface-text key'),
    fields: z.record(z.string().regex(/^[a-z][a-zA-Z0-9]*$/, 'field names are letters and digits, starting lower-case'), fieldSchema),
  }),
});

export type DeclarationResult = { ok: true; slot: SlotDeclaration } | { ok: false; diagnostics: Diagnostic[] };

export function loadSlotDeclaration(file: string, shownAs = file): DeclarationResult {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, diagnostics: [{ file: shownAs, line: 1, column: 1, path: '(file)', message: `cannot be read: ${(error as Error).message}` }] };
  }
  return parseSlotDeclaration(text, shownAs);
}

/**
 * The slot of a template set: its personalization.yaml (the course's own
 * templates folder first, then deckhand's), read through the set so the build
 * cache records it as a dependency of whatever reads it.
 */
export function slotDeclarationOf(templates: TemplateSet, shownAs: (file: string) => string = (f) => f): DeclarationResult {
  return parseSlotDeclaration(templates.text(SLOT_DECLARATION_FILE), shownAs(templates.locate(SLOT_DECLARATION_FILE)));
}

/** The reservation CSS of a template set's slot; a broken declaration stops the render with its diagnostics. */
export function slotReservationCssOf(templates: TemplateSet): string {
  const declared = slotDeclarationOf(templates);
  if (!declared.ok) throw new Error(`the personalisation slot declaration is invalid: ${declared.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}  ${d.path}  ${d.message}`).join('; ')}`);
  return slotReservationCss(declared.slot);
}

export function parseSlotDeclaration(text: string, file: string): DeclarationResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, logLevel: 'silent' });
  const map = new SourceMap(doc, lines);
  const at = (path: (string | number)[], message: string, key = false): Diagnostic => ({ file, ...map.positionOf(path, { key }), path: formatPath(path), message });
  if (doc.errors.length > 0) {
    return { ok: false, diagnostics: doc.errors.map((e) => ({ file, ...map.at(e.pos[0]), path: formatPath(map.pathAt(e.pos[0])), message: `is not valid YAML: ${e.message.split('\n')[0]}` })) };
  }
  const parsed = declarationSchema.safeParse(doc.toJS());
  if (!parsed.success) {
    return {
      ok: false,
      diagnostics: sortDiagnostics(parsed.error.issues.map((issue) => {
        const keys = issue.code === 'unrecognized_keys' ? issue.keys : [];
        const path = [...issue.path].map((p) => (typeof p === 'symbol' ? String(p) : p));
        return keys.length ? at([...path, keys[0] ?? ''], `is not a known field (${keys.join(', ')})`, true) : at(path, issue.message);
      })),
    };
  }
  const raw = parsed.data.slot;
  const fields: SlotField[] = Object.entries(raw.fields).map(([name, f]) => ({
    name,
    kind: f.kind,
    maxLength: f.maxLength,
    required: f.required ?? false,
    size: f.size ?? 9,
    floor: f.floor ?? Math.min(f.size ?? 9, 7),
    ...(f.format ? { format: f.format } : {}),
  }));
  const diagnostics: Diagnostic[] = [];
  const ids = fields.filter((f) => f.kind === 'id');
  if (ids.length !== 1) diagnostics.push(at(['slot', 'fields'], `needs exactly one field of kind "id" (the rep id that names each copy); found ${ids.length}`));
  if (fields.filter((f) => f.kind === 'qr').length > 1) diagnostics.push(at(['slot', 'fields'], 'may have at most one field of kind "qr"'));
  for (const f of fields) {
    if (f.floor > f.size) diagnostics.push(at(['slot', 'fields', f.name, 'floor'], `must not be larger than size (${f.size})`));
    if (f.kind !== 'text' && f.format) diagnostics.push(at(['slot', 'fields', f.name, 'format'], 'applies to text fields only'));
  }
  if (raw.box.bottom < FOOTER_BAND_MM) diagnostics.push(at(['slot', 'box', 'bottom'], `must be at least ${FOOTER_BAND_MM} mm: the bottom 16 mm of the page belong to the stamped footer`));
  const slot: SlotDeclaration = { id: raw.id, page: raw.page, box: raw.box, labelKey: raw.labelKey, fields };
  const room = slotHeightProblem(slot);
  if (room) diagnostics.push(at(['slot', 'box', 'height'], room));
  return diagnostics.length ? { ok: false, diagnostics: sortDiagnostics(diagnostics) } : { ok: true, slot };
}

const FOOTER_BAND_MM = 18;
/** Space between the reserved box and the page content above it. */
const RESERVE_GAP_MM = 4;

/**
 * The CSS the handout template must add (trusted, inline) so that nothing is
 * laid out where the slot goes: page 1's bottom margin grows to cover the box.
 * The box spans the full content width, so no horizontal reservation is needed.
 */
export function slotReservationCss(slot: SlotDeclaration): string {
  const bottom = slot.box.bottom + slot.box.height + RESERVE_GAP_MM;
  return `@page :first { margin-bottom: ${bottom}mm; }`;
}

const MM_PT = 72 / 25.4;

/** The label and every text field at full size must fit the box height, and a QR code needs room beside the text. */
function slotHeightProblem(slot: SlotDeclaration): string | undefined {
  const textPt = slot.fields.filter((f) => f.kind === 'text').reduce((sum, f) => sum + f.size * SLOT_STYLE.leading, SLOT_STYLE.labelSize * SLOT_STYLE.leading);
  const available = (slot.box.height - 2 * SLOT_STYLE.paddingMm) * MM_PT;
  if (textPt > available) return `is too small for the label and the text fields at full size: they need ${(textPt / MM_PT + 2 * SLOT_STYLE.paddingMm).toFixed(1)} mm`;
  if (slot.fields.some((f) => f.kind === 'qr') && slot.box.width < slot.box.height + 40) return 'leaves no room for text beside the QR code: the box must be at least 40 mm wider than high';
  return undefined;
}
