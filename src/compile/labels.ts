/**
 * The words deckhand adds to imposed PDF pages (notes pages, slide handouts)
 * and to the PowerPoint, from one place: the interface text of the build.
 * The i18n catalogue (templates/i18n/<lang>.yaml) is wired here and only here:
 * until then these functions take the English defaults below, with the
 * strings InterfaceText already has (audiences, procedure kinds) taken from it.
 */
import type { PptxLabels } from '../pptx/labels.js';
import type { InterfaceText } from './interface-text.js';

/**
 * The words imposed pages show. src/pdf holds no user-visible text of its own:
 * the caller passes these. `{n}` and `{total}` are filled in with numbers;
 * nothing else is interpreted.
 */
export interface ImposeLabels {
  /** Band across the top of every notes page, e.g. "For internal use only: trainer's copy". */
  internalUse: string;
  /** Heading above the speaker notes, e.g. "Speaker notes". */
  speakerNotes: string;
  /** Shown in place of notes when a slide has none, e.g. "No notes for this slide." */
  noNotes: string;
  /** Slide caption on notes pages and handouts, e.g. "Slide {n} of {total}". */
  slideOf: string;
  /** Heading of a follow-on notes page, e.g. "Speaker notes, continued (slide {n})". */
  notesContinued: string;
  /** Heading above the ruled lines of the 3-up handout, e.g. "Notes". */
  audienceNotes: string;
}

const ENGLISH_IMPOSE: ImposeLabels = {
  internalUse: "For internal use only: trainer's copy, not for distribution",
  speakerNotes: 'Speaker notes',
  noNotes: 'No notes for this slide.',
  slideOf: 'Slide {n} of {total}',
  notesContinued: 'Speaker notes for slide {n}, continued',
  audienceNotes: 'Notes',
};

const ENGLISH_PPTX: PptxLabels = {
  agenda: 'Agenda',
  agendaSteps: '{count} steps, from {first} to {last}',
  ladder: 'The stepwise care ladder',
  stepHeading: 'Step {number} · {title}',
  stepOptions: 'Examples and options',
  stepNext: 'When to consider the next step:',
  team: 'The multidisciplinary team',
  procedures: 'Diagnostic and therapeutic procedures',
  technologies: 'Technologies',
  faq: 'Frequently asked questions',
  faqContinued: '{question} (continued)',
  disclaimer: 'Important information',
  agendaClosing: 'Important information and document control',
  documentControl: 'Document control',
  pageOf: '{heading} ({page}/{pages})',
  procedureName: 'Procedure',
  procedureKind: 'Type and step',
  procedurePurpose: 'Purpose',
  procedureConfirms: 'Helps confirm:',
  stepReference: 'Step {number}: {title}',
  kindDiagnostic: 'Diagnostic',
  kindTherapeutic: 'Therapeutic',
  kindDiagnosticTherapeutic: 'Diagnostic / therapeutic',
  technologySupports: 'supports: {steps}',
  listSeparator: ', ',
  audienceHcp: 'For healthcare professionals',
  audiencePatient: 'For patients and carers',
  audienceInternal: 'For internal training only',
  titleAudienceLine: '{audience} · {organisation}',
  titleDocumentLine: '{code} · Version {version} · Prepared {prepared}',
  fieldHeading: 'Field',
  valueHeading: 'Value',
  documentCode: 'Document code',
  version: 'Version',
  prepared: 'Date of preparation',
  reviewStatus: 'Review status',
  reviewExpires: 'Review expires',
  reviewedBy: 'Reviewed by',
  reviewer: '{name} ({role}), {date}',
  reviewerSeparator: '; ',
  footer: '{disclaimer} · {code} v{version}',
  draftMark: 'DRAFT',
};

/** Labels for notes pages and slide handouts. */
export function imposeLabels(_text: InterfaceText): ImposeLabels {
  return ENGLISH_IMPOSE;
}

/** Labels for the PowerPoint. */
export function pptxLabels(text: InterfaceText): PptxLabels {
  return {
    ...ENGLISH_PPTX,
    audienceHcp: text.audience.hcp,
    audiencePatient: text.audience.patient,
    audienceInternal: text.audience.internal,
    kindDiagnostic: text.procedureKind.diagnostic,
    kindTherapeutic: text.procedureKind.therapeutic,
    kindDiagnosticTherapeutic: text.procedureKind['diagnostic-therapeutic'],
  };
}
