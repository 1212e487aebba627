/**
 * The batch's plan: the sealed handout parsed once, and every object the
 * copies share written once. pdf-lib reads the handout (once, ~40 ms); the
 * update itself is written by hand, because pdf-lib has no incremental save:
 * its save() rewrites the whole file, which would make each copy a new,
 * unreviewed document and cost ~38 ms per copy.
 *
 * The update of every copy holds, in this order: the redefined slot page, the
 * redefined catalog (only /Metadata changes), the slot font's objects, the
 * guard stream (`q`), then per rep the slot content stream, the XMP stream
 * and the xref section. Everything up to the per-rep part is `prefix`.
 */
import { createHash } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFRef, PDFStream, decodePDFRawStream, IN_ONE_GO, type PDFObject } from '../pdf/pdf-lib.js';
import { ascii, concat, indirect, objectBytes, streamObject } from './pdf-bytes.js';
import { readRevisions, RevisionError } from './revisions.js';
import { GUARD_STREAM, type GlyphTable } from './slot-content.js';
import type { SlotDeclaration } from '../render/slot-declaration.js';
import type { SlotFont } from './slot-font.js';
import { splitBasePacket } from './xmp-personalization.js';

export class BaseHandoutError extends Error {}

export interface PlannedObject {
  number: number;
  generation: number;
  /** Absolute byte offset in every copy. */
  offset: number;
}

/** Plain data (no class instances but Uint8Array and Map), so it can be posted to workers. */
export interface BasePlan {
  slot: SlotDeclaration;
  label: string;
  baseSha256: string;
  baseLength: number;
  /** The same in every copy: an end-of-line if the base lacks one, then the shared objects. */
  prefix: Uint8Array;
  shared: PlannedObject[];
  slotNumber: number;
  xmpNumber: number;
  xrefNumber: number;
  xrefKind: 'table' | 'stream';
  prevXref: number;
  /** `/Root … /Info …`, written into every new trailer. */
  trailerRefs: string;
  firstId: string;
  xmpHead: string;
  xmpTail: string;
  fontResource: string;
  glyphs: GlyphTable;
  /** The trim's lower-left corner on the slot page. */
  origin: { x: number; y: number };
}

export interface PlanInput {
  base: Uint8Array;
  slot: SlotDeclaration;
  label: string;
  font: SlotFont;
}

/** The first object number the update may use (the base's /Size). */
export function firstFreeObject(base: Uint8Array): number {
  const revision = singleRevision(base);
  const size = revision.trailer.get(PDFName.of('Size'));
  const n = size ? Number(size.toString()) : NaN;
  if (!Number.isInteger(n) || n < 1) throw new BaseHandoutError('its trailer has no valid /Size');
  return n;
}

function singleRevision(base: Uint8Array) {
  let revisions;
  try {
    revisions = readRevisions(base);
  } catch (error) {
    if (error instanceof RevisionError) throw new BaseHandoutError(`its cross-reference data cannot be followed: ${error.message}`);
    throw error;
  }
  const [only, ...more] = revisions;
  if (!only || more.length) throw new BaseHandoutError(`it already has ${revisions.length} revisions; personalise the sealed handout as built, not a copy`);
  if (!/^\s*$/.test(Buffer.from(base.subarray(only.end)).toString('latin1'))) throw new BaseHandoutError('it has bytes after its %%EOF');
  return only;
}

export async function planBase({ base, slot, label, font }: PlanInput): Promise<BasePlan> {
  const revision = singleRevision(base);
  const doc = await PDFDocument.load(base, { updateMetadata: false, parseSpeed: IN_ONE_GO });
  const ctx = doc.context;
  if (revision.trailer.get(PDFName.of('Encrypt'))) throw new BaseHandoutError('it is encrypted');
  const page = doc.getPages()[slot.page - 1];
  if (!page) throw new BaseHandoutError(`it has ${doc.getPageCount()} pages; the slot is on page ${slot.page}`);

  const xmp = readMetadata(doc);
  const parts = xmp === undefined ? undefined : splitBasePacket(xmp);
  if (!parts) throw new BaseHandoutError('it has no deckhand XMP record (or is already personalised): personalise the sealed handout deckhand built');
  const id = ctx.trailerInfo.ID;
  const first = id instanceof PDFArray ? id.get(0) : undefined;
  if (!(first instanceof PDFHexString)) throw new BaseHandoutError('its trailer has no /ID');

  const last = Math.max(...font.objects.map((o) => o.number));
  const guardNumber = last + 1;
  const slotNumber = guardNumber + 1;
  const xmpNumber = slotNumber + 1;
  const xrefNumber = xmpNumber + 1;

  // The page: its own content between the guard's `q` and the slot's `Q`, and its resources plus the slot font.
  const contents = [PDFRef.of(guardNumber), ...contentRefs(doc, page.node.get(PDFName.of('Contents'))), PDFRef.of(slotNumber)];
  const resources = (page.node.Resources() ?? ctx.obj({})).clone(ctx);
  const fonts = (resources.lookupMaybe(PDFName.of('Font'), PDFDict) ?? ctx.obj({})).clone(ctx);
  let fontResource = 'DHSlot';
  for (let i = 2; fonts.has(PDFName.of(fontResource)); i++) fontResource = `DHSlot${i}`;
  fonts.set(PDFName.of(fontResource), PDFRef.of(font.fontNumber));
  resources.set(PDFName.of('Font'), fonts);
  const pageDict = page.node.clone(ctx);
  pageDict.set(PDFName.of('Contents'), ctx.obj(contents));
  pageDict.set(PDFName.of('Resources'), resources);

  const catalog = doc.catalog.clone(ctx);
  catalog.set(PDFName.of('Metadata'), PDFRef.of(xmpNumber));
  const catalogRef = ctx.trailerInfo.Root as PDFRef;

  const eol = base[base.length - 1] === 0x0a || base[base.length - 1] === 0x0d ? '' : '\n';
  const pieces: { number: number; generation: number; bytes: Uint8Array }[] = [
    { number: page.ref.objectNumber, generation: page.ref.generationNumber, bytes: indirect(page.ref.objectNumber, page.ref.generationNumber, objectBytes(pageDict)) },
    { number: catalogRef.objectNumber, generation: catalogRef.generationNumber, bytes: indirect(catalogRef.objectNumber, catalogRef.generationNumber, objectBytes(catalog)) },
    ...font.objects.map((o) => ({ number: o.number, generation: 0, bytes: o.bytes })),
    { number: guardNumber, generation: 0, bytes: streamObject(guardNumber, ascii(GUARD_STREAM)) },
  ];
  let offset = base.length + eol.length;
  const shared: PlannedObject[] = pieces.map((p) => {
    const placed = { number: p.number, generation: p.generation, offset };
    offset += p.bytes.length;
    return placed;
  });
  const info = ctx.trailerInfo.Info;
  const trim = page.getTrimBox();
  return {
    slot,
    label,
    baseSha256: createHash('sha256').update(base).digest('hex'),
    baseLength: base.length,
    prefix: concat([ascii(eol), ...pieces.map((p) => p.bytes)]),
    shared,
    slotNumber,
    xmpNumber,
    xrefNumber,
    xrefKind: revision.kind,
    prevXref: revision.xrefOffset,
    trailerRefs: `/Root ${catalogRef.toString()}${info instanceof PDFRef ? ` /Info ${info.toString()}` : ''}`,
    firstId: first.asString(),
    xmpHead: parts.head,
    xmpTail: parts.tail,
    fontResource,
    glyphs: font.glyphs,
    origin: { x: trim.x, y: trim.y },
  };
}

function contentRefs(doc: PDFDocument, contents: PDFObject | undefined): PDFRef[] {
  if (contents === undefined) return [];
  if (contents instanceof PDFRef) {
    const target = doc.context.lookup(contents);
    if (target instanceof PDFArray) return contentRefs(doc, target);
    return [contents];
  }
  if (contents instanceof PDFArray) return contents.asArray().filter((o): o is PDFRef => o instanceof PDFRef);
  throw new BaseHandoutError('the slot page has direct content (not a stream reference)');
}

function readMetadata(doc: PDFDocument): string | undefined {
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFStream)) return undefined;
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return Buffer.from(bytes).toString('utf8');
}
