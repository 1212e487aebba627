/**
 * Notes pages, like PowerPoint's: one portrait page per slide, the slide on
 * top (the deck PDF's own page, embedded as a vector Form XObject) and its
 * speaker notes below, under an "internal use" band.
 *
 * Page count rule: notes start at 11 pt and shrink in half-point steps down to
 * 8 pt to stay on the slide's page. At 8 pt an A4 page holds about 4,000
 * characters, twice the course schema's 2,000-character limit for one notes
 * field, so a valid course gets exactly one page per slide. Anything longer is
 * never cut: it continues on follow-on pages headed `labels.notesContinued`.
 */
import type { PDFDocument } from 'pdf-lib';
import { rgb } from '../pdf-lib.js';
import type { PaperId } from '../../render/paper.js';
import { MM } from '../../render/paper.js';
import { drawSlide, fillRect, INK, MUTED, openImposition, RULE, saveImposition } from './impose-doc.js';
import { fillLabel, type ImposeLabels } from './labels.js';
import { drawFrame, fitOneLine } from './page-frame.js';
import { drawLines, fitText, splitAt, type Line } from './wrap-text.js';

export interface NotesPagesRequest {
  /** The printed deck: one page per slide (bytes, or a document already parsed, only read). */
  deckPdf: Uint8Array | PDFDocument;
  /** Speaker notes per slide, in slide order ("" for none); paragraphs separated by a blank line. */
  notes: string[];
  paper: PaperId;
  labels: ImposeLabels;
  /** TrueType bytes of the project font (Noto Sans Regular). */
  font: Uint8Array;
  /** Printed at the top right of every page. */
  documentCode?: string;
}

const NOTE_SIZES = [11, 10.5, 10, 9.5, 9, 8.5, 8];
const HEADING_SIZE = 10;
const CAPTION_SIZE = 8;
const NO_NOTES = rgb(0.5, 0.53, 0.58);

export async function imposeNotesPages(request: NotesPagesRequest): Promise<Uint8Array> {
  const { doc, text, slides, addPage } = await openImposition(request.deckPdf, request.paper, request.font);
  if (request.notes.length !== slides.length) {
    throw new Error(`imposeNotesPages: ${request.notes.length} notes for ${slides.length} slides; pass one notes string per slide ("" for none)`);
  }
  const { labels } = request;
  const header = { label: labels.internalUse, ...(request.documentCode ? { code: request.documentCode } : {}), highlight: true };

  slides.forEach((slide, index) => {
    const page = addPage();
    const area = drawFrame(page, text, header);
    const slideHeight = (area.width * slide.height) / slide.width;
    const slideBox = { x: area.x, y: area.y + area.height - slideHeight, width: area.width, height: slideHeight };
    drawSlide(page, slide, slideBox);

    // Heading row: "Speaker notes" on the left, "Slide n of N" on the right, a rule under both.
    const headingBaseline = slideBox.y - 7 * MM;
    const caption = text.clean(fillLabel(labels.slideOf, { n: index + 1, total: slides.length }));
    const captionWidth = text.width(caption, CAPTION_SIZE);
    text.draw(page, caption, { x: area.x + area.width - captionWidth, y: headingBaseline, size: CAPTION_SIZE, color: MUTED });
    text.draw(page, fitOneLine(text, text.clean(labels.speakerNotes), HEADING_SIZE, area.width - captionWidth - 6 * MM), { x: area.x, y: headingBaseline, size: HEADING_SIZE, color: INK });
    fillRect(page, { x: area.x, y: headingBaseline - 2.5 * MM, width: area.width, height: 0.5 }, RULE);

    const notesTop = headingBaseline - 6 * MM;
    const notesBox = { width: area.width, height: notesTop - area.y };
    const source = request.notes[index] ?? '';
    if (!text.clean(source)) {
      text.draw(page, text.clean(labels.noNotes), { x: area.x, y: notesTop - HEADING_SIZE, size: HEADING_SIZE, color: NO_NOTES });
      return;
    }
    const fitted = fitText(text, source, notesBox, NOTE_SIZES);
    drawLines(text, page, fitted.lines, { x: area.x, top: notesTop, size: fitted.size, color: INK });
    let rest: Line[] = fitted.overflow;
    while (rest.length) {
      const next = addPage();
      const nextArea = drawFrame(next, text, header);
      const heading = fitOneLine(text, text.clean(fillLabel(labels.notesContinued, { n: index + 1, total: slides.length })), HEADING_SIZE, nextArea.width);
      const top = nextArea.y + nextArea.height;
      text.draw(next, heading, { x: nextArea.x, y: top - HEADING_SIZE, size: HEADING_SIZE, color: INK });
      fillRect(next, { x: nextArea.x, y: top - HEADING_SIZE - 2.5 * MM, width: nextArea.width, height: 0.5 }, RULE);
      const bodyTop = top - HEADING_SIZE - 6 * MM;
      const part = splitAt(rest, fitted.size, bodyTop - nextArea.y);
      if (part.lines.length === 0) part.lines.push(...rest.splice(0, 1)); // a line taller than a page cannot happen at 8 pt; never loop
      drawLines(text, next, part.lines, { x: nextArea.x, top: bodyTop, size: fitted.size, color: INK });
      rest = part.lines.length ? part.overflow : [];
    }
  });
  return saveImposition(doc);
}
