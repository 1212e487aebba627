/** deckhand's personalisation: rep copies of the approved handout as incremental updates, and their inspection. */
export { prepareBatch, copyBytes, isoSeconds, type Batch, type BatchRequest } from './batch.js';
export { writeCopies, COPIES_PER_WORKER, type WriteOptions } from './write-copies.js';
export type { WrittenCopy } from './copy-files.js';
export { inspectPersonalization, type PersonalizationReport } from './inspect.js';
export { readRepsCsv, type RepRow, type RepsTable } from './reps-csv.js';
export { loadSlotDeclaration, parseSlotDeclaration, slotReservationCss, SLOT_DECLARATION_FILE, type SlotDeclaration, type SlotField, type SlotBox, type DeclarationResult } from '../render/slot-declaration.js';
export { BaseHandoutError } from './base-plan.js';
export { safeFileName } from './file-names.js';
