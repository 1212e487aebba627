/**
 * The object-by-object checks of a personalisation update against its base
 * revision (see inspect.ts for the rules). Each broken rule is one problem
 * that names the object and what changed.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFRef, PDFStream, type PDFDocument, type PDFObject } from '../pdf/pdf-lib.js';
import { streamText, type Revision } from './revisions.js';
import { slotGeometry } from './slot-layout.js';
import type { SlotDeclaration } from '../render/slot-declaration.js';
import { SLOT_FONT_NAME } from './slot-font.js';
import { checkSlotStream } from './slot-stream-check.js';
import { qrOperators } from './qr-paths.js';
import { withoutPersonalisation, type PersonalisationRecord } from './xmp-personalization.js';

export interface UpdateObjects {
  found: Map<number, { ref: PDFRef; object: PDFObject; offset: number }>;
  pageNumber?: number;
  catalog?: PDFObject;
}

interface Input {
  bytes: Uint8Array;
  base: Revision;
  update: Revision;
  baseDoc: PDFDocument;
  objects: UpdateObjects;
  record: PersonalisationRecord;
  slot: SlotDeclaration | undefined;
  describe: (n: number) => string;
}

const str = (o: PDFObject | undefined) => (o === undefined ? '(none)' : o.toString());

export function checkUpdate({ base, update, baseDoc, objects, record, slot, describe }: Input): string[] {
  const problems: string[] = [];
  const ctx = baseDoc.context;
  const baseSize = Number(base.trailer.get(PDFName.of('Size'))?.toString() ?? 0);
  const isNew = (r: PDFObject | undefined): r is PDFRef => r instanceof PDFRef && r.objectNumber >= baseSize && objects.found.has(r.objectNumber);
  const root = ctx.trailerInfo.Root as PDFRef;

  // The trailer: same catalog, Info and permanent /ID, chained to the base.
  const t = update.trailer;
  if (str(t.get(PDFName.of('Root'))) !== root.toString()) problems.push('the update points the trailer at another catalog');
  if (str(t.get(PDFName.of('Info'))) !== str(ctx.trailerInfo.Info)) problems.push('the update changes the trailer /Info');
  if (t.get(PDFName.of('Encrypt'))) problems.push('the update adds encryption');
  if (Number(str(t.get(PDFName.of('Prev')))) !== base.xrefOffset) problems.push('the update does not chain to the base revision (/Prev)');
  const firstId = (o: PDFObject | undefined) => (o instanceof PDFArray ? (o.get(0) as PDFHexString | undefined)?.asString().toUpperCase() : undefined);
  if (firstId(t.get(PDFName.of('ID'))) !== firstId(ctx.trailerInfo.ID)) problems.push('the update changes the permanent part of the /ID');

  // Which base objects are redefined.
  const slotPage = slot?.page ?? 1;
  const pageRef = baseDoc.getPages()[slotPage - 1]?.ref;
  for (const n of objects.found.keys()) {
    if (n >= baseSize || n === root.objectNumber || n === pageRef?.objectNumber) continue;
    problems.push(`the update redefines ${describe(n)}`);
  }
  const accounted = new Set<number>();
  const xrefObject = [...objects.found.values()].find((o) => o.offset === update.xrefOffset);
  if (xrefObject) accounted.add(xrefObject.ref.objectNumber);

  // The catalog: only /Metadata may change, to a new stream holding the base packet plus the record.
  const catalog = objects.catalog;
  if (!(catalog instanceof PDFDict)) problems.push('the update does not redefine the catalog as a dictionary');
  else {
    problems.push(...dictChanges(catalog, baseDoc.catalog, ['Metadata'], 'the catalog'));
    const meta = catalog.get(PDFName.of('Metadata'));
    if (isNew(meta)) {
      accounted.add(meta.objectNumber);
      const baseMeta = baseDoc.catalog.lookup(PDFName.of('Metadata'));
      const xmp = objects.found.get(meta.objectNumber)?.object;
      if (!(xmp instanceof PDFStream) || !(baseMeta instanceof PDFStream) || withoutPersonalisation(streamText(xmp)) !== streamText(baseMeta)) problems.push('the update\'s XMP differs from the approved handout\'s in more than the personalisation record');
    } else problems.push('the catalog\'s /Metadata is not a new stream of the update');
  }

  // The slot page.
  const page = pageRef ? objects.found.get(pageRef.objectNumber)?.object : undefined;
  const basePage = baseDoc.getPages()[slotPage - 1]?.node;
  if (!(page instanceof PDFDict) || !basePage) problems.push(`the update does not redefine the slot page (page ${slotPage})`);
  else {
    problems.push(...dictChanges(page, basePage, ['Contents', 'Resources'], `page ${slotPage}`));
    const font = checkResources(page, basePage, isNew, slotPage, problems);
    const contents = page.get(PDFName.of('Contents'));
    const list = contents instanceof PDFArray ? contents.asArray() : [];
    const original = contentRefs(basePage.get(PDFName.of('Contents')), baseDoc);
    const guard = list[0];
    const stream = list[list.length - 1];
    const middle = list.slice(1, -1).map(str).join(' ');
    if (list.length !== original.length + 2 || middle !== original.map(str).join(' ') || !isNew(guard) || !isNew(stream)) {
      problems.push(`the update changes page ${slotPage}'s own content: its /Contents must be the guard, the original streams, then the slot stream`);
    } else {
      accounted.add(guard.objectNumber).add(stream.objectNumber);
      const g = objects.found.get(guard.objectNumber)?.object;
      if (!(g instanceof PDFStream) || streamText(g).trim() !== 'q') problems.push('the guard stream before the page\'s content holds more than "q"');
      const s = objects.found.get(stream.objectNumber)?.object;
      if (s instanceof PDFStream && font) problems.push(...slotStreamProblems(streamText(s), font, record, slot, baseDoc, slotPage, objects));
      else problems.push('the slot content is not a stream');
    }
    if (font) for (const n of fontObjects(font.ref, objects, baseSize, problems)) accounted.add(n);
  }
  for (const n of objects.found.keys()) if (n >= baseSize && !accounted.has(n)) problems.push(`the update adds object ${n}, which is not part of the slot`);
  if (slot && record.slot !== slot.id) problems.push(`the update fills slot "${record.slot}"; the approved slot is "${slot.id}"`);
  if (slot) for (const k of Object.keys(record.fields)) if (!slot.fields.some((f) => f.name === k)) problems.push(`the personalisation records a field "${k}" the slot does not allow`);
  return problems;
}

function dictChanges(next: PDFDict, before: PDFDict, allowed: string[], what: string): string[] {
  const keys = new Set([...next.keys(), ...before.keys()].map((k) => k.asString().slice(1)));
  return [...keys].filter((k) => !allowed.includes(k) && str(next.get(PDFName.of(k))) !== str(before.get(PDFName.of(k)))).map((k) => `the update changes /${k} of ${what}`);
}

function contentRefs(contents: PDFObject | undefined, doc: PDFDocument): PDFObject[] {
  const resolved = contents instanceof PDFRef ? doc.context.lookup(contents) : contents;
  if (resolved instanceof PDFArray) return resolved.asArray();
  return contents ? [contents] : [];
}

/** The page's resources must be the base page's plus one font: returns that font's resource name and ref. */
function checkResources(page: PDFDict, basePage: PDFDict & { Resources(): PDFDict | undefined }, isNew: (r: PDFObject | undefined) => r is PDFRef, n: number, problems: string[]) {
  const res = page.get(PDFName.of('Resources'));
  const before = basePage.Resources();
  if (!(res instanceof PDFDict) || !before) {
    problems.push(`the update replaces page ${n}'s resources`);
    return undefined;
  }
  problems.push(...dictChanges(res, before, ['Font'], `page ${n}'s resources`));
  const fonts = res.get(PDFName.of('Font'));
  const baseFonts = before.lookupMaybe(PDFName.of('Font'), PDFDict);
  if (!(fonts instanceof PDFDict)) {
    problems.push(`the update replaces page ${n}'s fonts`);
    return undefined;
  }
  const added = fonts.keys().filter((k) => !baseFonts?.has(k));
  for (const k of baseFonts?.keys() ?? []) if (str(fonts.get(k)) !== str(baseFonts?.get(k))) problems.push(`the update swaps page ${n}'s font ${k.asString()}`);
  const ref = added.length === 1 && added[0] ? fonts.get(added[0]) : undefined;
  if (!added[0] || added.length !== 1 || !isNew(ref)) {
    problems.push(`the update must add exactly one new font to page ${n}; it adds ${added.length}`);
    return undefined;
  }
  return { name: added[0].asString().slice(1), ref };
}

/** The slot font's objects: a Type0 font tree made only of new objects. */
function fontObjects(ref: PDFRef, objects: UpdateObjects, baseSize: number, problems: string[]): number[] {
  const seen = new Set<number>();
  const walk = (o: PDFObject | undefined): void => {
    if (o instanceof PDFRef) {
      if (o.objectNumber < baseSize) {
        problems.push(`the slot font refers to base object ${o.objectNumber}`);
        return;
      }
      if (seen.has(o.objectNumber)) return;
      seen.add(o.objectNumber);
      walk(objects.found.get(o.objectNumber)?.object);
    } else if (o instanceof PDFDict) for (const [, v] of o.entries()) walk(v);
    else if (o instanceof PDFArray) o.asArray().forEach(walk);
    else if (o instanceof PDFStream) walk(o.dict);
  };
  walk(ref);
  const root = objects.found.get(ref.objectNumber)?.object;
  if (!(root instanceof PDFDict) || str(root.get(PDFName.of('Subtype'))) !== '/Type0' || str(root.get(PDFName.of('BaseFont'))) !== `/${SLOT_FONT_NAME}`) {
    problems.push(`the slot font is not deckhand's ${SLOT_FONT_NAME}`);
  }
  return [...seen];
}

function slotStreamProblems(source: string, font: { name: string; ref: PDFRef }, record: PersonalisationRecord, slot: SlotDeclaration | undefined, baseDoc: PDFDocument, pageNumber: number, objects: UpdateObjects): string[] {
  const facts = checkSlotStream(source, font.name);
  const problems = [...facts.problems];
  if (!slot) return problems;
  const geometry = slotGeometry(slot);
  const trim = baseDoc.getPages()[pageNumber - 1]?.getTrimBox() ?? { x: 0, y: 0 };
  const want = [geometry.box.x + trim.x, geometry.box.y + trim.y, geometry.box.width, geometry.box.height];
  if (!facts.clip || facts.clip.some((v, i) => Math.abs(v - (want[i] ?? 0)) > 0.01)) problems.push(`the slot content is clipped to [${facts.clip?.map((v) => v.toFixed(1)).join(' ') ?? 'nothing'}], not to the declared slot box`);
  // What it says: the recorded label, then the recorded text fields in the declared order; the QR code is the recorded URL's.
  const unicode = toUnicode(font.ref, objects);
  const drawn = [...source.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) => (m[1]?.match(/.{4}/g) ?? []).map((g) => unicode.get(parseInt(g, 16)) ?? '\uFFFD').join(''));
  const expected = slot.fields.filter((f) => f.kind === 'text' && record.fields[f.name]).map((f) => record.fields[f.name]);
  if ([record.label, ...expected].join('\n') !== drawn.join('\n')) problems.push(`the slot shows text that is not the recorded personalisation: ${JSON.stringify(drawn)}`);
  const qrField = slot.fields.find((f) => f.kind === 'qr');
  const url = qrField ? record.fields[qrField.name] : undefined;
  if (url && geometry.qr && !source.includes(qrOperators(url, geometry.qr.x, geometry.qr.y, geometry.qr.side))) problems.push('the slot\'s QR code is not the recorded URL\'s');
  return problems;
}

/** Glyph id → text, from the slot font's ToUnicode CMap (bfchar and bfrange entries). */
function toUnicode(ref: PDFRef, objects: UpdateObjects): Map<number, string> {
  const map = new Map<number, string>();
  const font = objects.found.get(ref.objectNumber)?.object;
  const cmapRef = font instanceof PDFDict ? font.get(PDFName.of('ToUnicode')) : undefined;
  const cmap = cmapRef instanceof PDFRef ? objects.found.get(cmapRef.objectNumber)?.object : undefined;
  if (!(cmap instanceof PDFStream)) return map;
  const text = streamText(cmap);
  const utf16 = (hex: string) => String.fromCharCode(...(hex.match(/.{4}/g) ?? []).map((h) => parseInt(h, 16)));
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) map.set(parseInt(m[1] ?? '0', 16), utf16(m[2] ?? ''));
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of (block[1] ?? '').matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const [from, to, start] = [parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16)];
      for (let g = from; g <= to && g - from < 65536; g++) map.set(g, String.fromCodePoint(start + g - from));
    }
  }
  return map;
}
