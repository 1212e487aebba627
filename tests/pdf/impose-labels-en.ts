/** English words for imposed pages, for tests; the build takes them from templates/i18n/<lang>.yaml. */
import type { ImposeLabels } from '../../src/pdf/impose/labels.js';

export const EN_IMPOSE_LABELS: ImposeLabels = {
  internalUse: "For internal use only: trainer's copy, not for distribution",
  speakerNotes: 'Speaker notes',
  noNotes: 'No notes for this slide.',
  slideOf: 'Slide {n} of {total}',
  notesContinued: 'Speaker notes for slide {n}, continued',
  audienceNotes: 'Notes',
};
