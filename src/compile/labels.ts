/**
 * The words deckhand adds to imposed PDF pages (notes pages, slide handouts)
 * and to the PowerPoint, from the edition's catalogue (templates/i18n/<lang>.yaml).
 * src/pdf and src/pptx fill `{name}` slots in these strings themselves, so each
 * slot is passed through the catalogue as the literal text `{name}`.
 */
import type { Catalogue } from '../i18n/index.js';
import type { PptxLabels } from '../pptx/labels.js';

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

/** Labels for notes pages and slide handouts. */
export function imposeLabels(catalogue: Catalogue): ImposeLabels {
  const t = (key: string, params?: Record<string, string>) => catalogue.t(key, params);
  return {
    internalUse: t('notesPages.internalUse'),
    speakerNotes: t('notesPages.heading'),
    noNotes: t('notesPages.noNotes'),
    slideOf: t('notesPages.slide', { number: '{n}', total: '{total}' }),
    notesContinued: t('notesPages.continued', { number: '{n}' }),
    audienceNotes: t('slideHandout.notes'),
  };
}

/** Labels for the PowerPoint; `stepCount` picks the agenda line's plural form. */
export function pptxLabels(catalogue: Catalogue, stepCount: number): PptxLabels {
  const t = (key: string, params?: Record<string, string | number>) => catalogue.t(key, params);
  const slot = (...names: string[]) => Object.fromEntries(names.map((n) => [n, `{${n}}`]));
  return {
    agenda: t('agenda.heading'),
    agendaSteps: t('agenda.steps', { count: stepCount, ...slot('first', 'last') }),
    ladder: t('ladder.heading'),
    stepHeading: t('step.heading', slot('number', 'title')),
    stepOptions: t('step.options'),
    stepNext: t('step.nextStepWhen'),
    team: t('team.heading'),
    procedures: t('procedures.heading'),
    technologies: t('technologies.heading'),
    faq: t('faq.heading'),
    faqContinued: t('faq.continued', slot('question')),
    disclaimer: t('disclaimer.heading'),
    agendaClosing: t('agenda.closing'),
    documentControl: t('documentControl.heading'),
    pageOf: t('pagination.part', slot('heading', 'page', 'pages')),
    procedureName: t('procedures.columnProcedure'),
    procedureKind: t('pptx.procedureKindStep'),
    procedurePurpose: t('procedures.columnPurpose'),
    procedureConfirms: t('procedures.helpsConfirm'),
    stepReference: t('procedures.stepRef', slot('number', 'title')),
    kindDiagnostic: t('procedureKind.diagnostic'),
    kindTherapeutic: t('procedureKind.therapeutic'),
    kindDiagnosticTherapeutic: t('procedureKind.diagnostic-therapeutic'),
    technologySupports: t('technologies.supports', slot('steps')),
    listSeparator: t('pptx.listSeparator'),
    audienceHcp: t('audience.hcp'),
    audiencePatient: t('audience.patient'),
    audienceInternal: t('audience.internal'),
    titleAudienceLine: t('pptx.titleAudienceLine', slot('audience', 'organisation')),
    titleDocumentLine: t('cover.meta', { ...slot('code', 'version'), date: '{prepared}' }),
    fieldHeading: t('documentControl.field'),
    valueHeading: t('documentControl.value'),
    documentCode: t('documentControl.code'),
    version: t('documentControl.version'),
    prepared: t('documentControl.prepared'),
    reviewStatus: t('documentControl.status'),
    reviewExpires: t('documentControl.expires'),
    reviewedBy: t('documentControl.reviewedBy'),
    reviewer: t('documentControl.reviewerEntry', slot('name', 'role', 'date')),
    reviewerSeparator: '; ',
    footer: t('pptx.footer', slot('disclaimer', 'code', 'version')),
    draftMark: t('pptx.draftMark'),
  };
}
