/**
 * Slide handouts: the deck's slides tiled on portrait A4/Letter, 1, 2, 3 or 6
 * to a page, each the deck PDF's own page embedded as a vector Form XObject.
 * The 3-up layout puts ruled lines beside each slide for the audience's notes,
 * like PowerPoint's. Every page carries the document code at the top; the
 * bottom band stays free for the decorate phase's footer.
 */
import type { PDFDocument } from 'pdf-lib';
import type { PaperId } from '../../render/paper.js';
import { MM } from '../../render/paper.js';
import { drawSlide, fillRect, INK, MUTED, openImposition, RULE, saveImposition } from './impose-doc.js';
import { fillLabel, type ImposeLabels } from './labels.js';
import { drawFrame, type Box } from './page-frame.js';

export type HandoutLayout = 1 | 2 | 3 | 6;
export const HANDOUT_LAYOUTS: readonly HandoutLayout[] = [1, 2, 3, 6];

export interface SlideHandoutRequest {
  /** The printed deck (bytes, or a document already parsed, only read). */
  deckPdf: Uint8Array | PDFDocument;
  layout: HandoutLayout;
  paper: PaperId;
  labels: ImposeLabels;
  font: Uint8Array;
  /** Printed at the top right of every page. */
  documentCode: string;
  /** Printed at the top left of every page, e.g. the course title. */
  title?: string;
}

const CAPTION_SIZE = 7;
const LINE_PITCH = 8 * MM;
const GAP = 6 * MM;

interface Grid {
  columns: number;
  rows: number;
  /** Share of the cell width the slide takes; the rest is ruled (3-up). */
  slideShare: number;
}

const GRIDS: Record<HandoutLayout, Grid> = {
  1: { columns: 1, rows: 1, slideShare: 1 },
  2: { columns: 1, rows: 2, slideShare: 1 },
  3: { columns: 1, rows: 3, slideShare: 0.6 },
  6: { columns: 2, rows: 3, slideShare: 1 },
};

export async function imposeSlides(request: SlideHandoutRequest): Promise<Uint8Array> {
  const grid = GRIDS[request.layout];
  if (!grid) throw new Error(`imposeSlides: layout must be one of ${HANDOUT_LAYOUTS.join(', ')}, not ${String(request.layout)}`);
  const { doc, text, slides, addPage } = await openImposition(request.deckPdf, request.paper, request.font);
  const perPage = grid.columns * grid.rows;
  const header = { ...(request.title ? { label: request.title } : {}), code: request.documentCode };

  for (let first = 0; first < slides.length; first += perPage) {
    const page = addPage();
    const area = drawFrame(page, text, header);
    const cellWidth = (area.width - GAP * (grid.columns - 1)) / grid.columns;
    const cellHeight = (area.height - GAP * (grid.rows - 1)) / grid.rows;
    slides.slice(first, first + perPage).forEach((slide, i) => {
      const column = i % grid.columns;
      const row = Math.floor(i / grid.columns);
      const cell: Box = { x: area.x + column * (cellWidth + GAP), y: area.y + area.height - (row + 1) * cellHeight - row * GAP, width: cellWidth, height: cellHeight };
      const number = first + i + 1;
      const caption = text.clean(fillLabel(request.labels.slideOf, { n: number, total: slides.length }));
      const captionSpace = CAPTION_SIZE + 2 * MM;
      // The slide as large as the cell allows at its own aspect ratio, centred with its caption in the cell.
      const maxWidth = grid.slideShare < 1 ? (cell.width - GAP) * grid.slideShare : cell.width;
      const scale = Math.min(maxWidth / slide.width, (cell.height - captionSpace) / slide.height);
      const box: Box = { width: slide.width * scale, height: slide.height * scale, x: cell.x, y: 0 };
      box.y = cell.y + captionSpace + (cell.height - captionSpace - box.height) / 2;
      if (grid.slideShare === 1) box.x = cell.x + (cell.width - box.width) / 2;
      drawSlide(page, slide, box);
      text.draw(page, caption, { x: box.x, y: box.y - captionSpace + 1 * MM, size: CAPTION_SIZE, color: MUTED });
      if (grid.slideShare < 1) drawRuledLines(page, text, request.labels, { x: box.x + box.width + GAP, y: box.y, width: cell.x + cell.width - (box.x + box.width + GAP), height: box.height });
    });
  }
  return saveImposition(doc);
}

/** A small heading and evenly pitched writing lines filling the box, the last on its bottom edge. */
function drawRuledLines(page: Parameters<typeof drawSlide>[0], text: Parameters<typeof drawFrame>[1], labels: ImposeLabels, box: Box): void {
  const heading = text.clean(labels.audienceNotes);
  if (heading) text.draw(page, heading, { x: box.x, y: box.y + box.height - CAPTION_SIZE, size: CAPTION_SIZE, color: INK });
  const top = box.y + box.height - (heading ? CAPTION_SIZE + 2 * MM : 0);
  const count = Math.max(1, Math.floor((top - box.y) / LINE_PITCH));
  for (let k = 0; k < count; k++) fillRect(page, { x: box.x, y: box.y + k * LINE_PITCH, width: box.width, height: 0.5 }, RULE);
}
