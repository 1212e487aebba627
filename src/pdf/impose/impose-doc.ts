/**
 * What both impositions share: a new, metadata-free PDF of portrait A4/Letter
 * pages, the deck's pages embedded as Form XObjects (vectors, not pictures),
 * the project font as a fixed-name subset, and drawing helpers whose resource
 * names are counters, not pdf-lib's random suffixes, so output is byte-stable.
 */
import {
  PDFDocument,
  degrees,
  drawPage,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  rgb,
  setFillingColor,
  setLineWidth,
  setStrokingColor,
  stroke,
  type Color,
  type PDFEmbeddedPage,
  type PDFPage,
  IN_ONE_GO,
} from '../pdf-lib.js';
import { PAPER_SIZES, type PaperId } from '../../render/paper.js';
import { stampFontkit } from '../stamp-font.js';
import { StampText } from '../stamp-text.js';

/** Subset name of the imposition font: fixed, so output does not vary. */
const FONT_NAME = 'DHIMPO+NotoSans-Regular';

const zero = degrees(0);

export const INK = rgb(0.12, 0.14, 0.17);
export const MUTED = rgb(0.36, 0.4, 0.46);
export const RULE = rgb(0.72, 0.75, 0.79);

export interface ImposeDoc {
  doc: PDFDocument;
  text: StampText;
  slides: PDFEmbeddedPage[];
  size: { width: number; height: number };
  addPage(): PDFPage;
}

/** `deckPdf`: the deck's bytes, or a document already parsed (only read, never changed). */
export async function openImposition(deckPdf: Uint8Array | PDFDocument, paper: PaperId, font: Uint8Array): Promise<ImposeDoc> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(stampFontkit);
  const deck = deckPdf instanceof Uint8Array ? await PDFDocument.load(deckPdf, { updateMetadata: false, parseSpeed: IN_ONE_GO }) : deckPdf;
  const slides = deck.getPageCount() ? await doc.embedPdf(deck, deck.getPageIndices()) : [];
  const embedded = await doc.embedFont(font, { subset: true, customName: FONT_NAME });
  const size = PAPER_SIZES[paper];
  return { doc, text: new StampText(doc, embedded), slides, size, addPage: () => doc.addPage([size.width, size.height]) };
}

/** Draws a slide scaled into the box, with a hairline frame (white slides would melt into the paper). */
export function drawSlide(page: PDFPage, slide: PDFEmbeddedPage, box: { x: number; y: number; width: number; height: number }): void {
  const name = page.node.newXObject('Slide', slide.ref);
  page.pushOperators(
    pushGraphicsState(),
    ...drawPage(name, { x: box.x, y: box.y, xScale: box.width / slide.width, yScale: box.height / slide.height, rotate: zero, xSkew: zero, ySkew: zero }),
    popGraphicsState(),
  );
  strokeRect(page, box, RULE, 0.6);
}

export function strokeRect(page: PDFPage, box: { x: number; y: number; width: number; height: number }, color: Color, thickness: number): void {
  page.pushOperators(pushGraphicsState(), setLineWidth(thickness), setStrokingColor(color), rectangle(box.x, box.y, box.width, box.height), stroke(), popGraphicsState());
}

export function fillRect(page: PDFPage, box: { x: number; y: number; width: number; height: number }, color: Color): void {
  page.pushOperators(pushGraphicsState(), setFillingColor(color), rectangle(box.x, box.y, box.width, box.height), fill(), popGraphicsState());
}

/** pdf-lib's save, with settings that keep the bytes the same for the same input. */
export function saveImposition(doc: PDFDocument): Promise<Uint8Array> {
  return doc.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false, objectsPerTick: IN_ONE_GO });
}
