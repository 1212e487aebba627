/** Imposition: new PDFs made from the printed deck's pages (notes pages, N-up slide handouts). */
export { imposeNotesPages, type NotesPagesRequest } from './notes-pages.js';
export { imposeSlides, HANDOUT_LAYOUTS, type HandoutLayout, type SlideHandoutRequest } from './slide-handouts.js';
export type { ImposeLabels } from './labels.js';
