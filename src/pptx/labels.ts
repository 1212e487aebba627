/**
 * Every word the PowerPoint adds around the course text. Nothing in src/pptx
 * writes English itself: the caller passes these labels (from the i18n
 * catalogue once it exists; labels-en.ts until then).
 *
 * Values in `{braces}` are filled by fillLabel. Course text is inserted in one
 * pass and never re-scanned, so a course string containing `{title}` or
 * `{{x}}` stays literal.
 */
export interface PptxLabels {
  /** Agenda slide heading. */
  agenda: string;
  /** Agenda line for the ladder steps: {count}, {first}, {last}. */
  agendaSteps: string;
  /** Ladder slide heading, also an agenda line. */
  ladder: string;
  /** Step slide heading: {number}, {title}. */
  stepHeading: string;
  /** Label above a step's list of options. */
  stepOptions: string;
  /** Lead-in of the "next step" call-out. */
  stepNext: string;
  team: string;
  procedures: string;
  technologies: string;
  faq: string;
  /** A FAQ answer continued on the next slide: {question}. */
  faqContinued: string;
  disclaimer: string;
  /** Last agenda line. */
  agendaClosing: string;
  documentControl: string;
  /** Follow-on slide of a split section: {heading}, {page}, {pages}. */
  pageOf: string;
  /** Procedures table column headings. */
  procedureName: string;
  procedureKind: string;
  procedurePurpose: string;
  /** Lead-in of a procedure's "helps confirm" text. */
  procedureConfirms: string;
  /** Reference to a ladder step in the procedures table: {number}, {title}. */
  stepReference: string;
  kindDiagnostic: string;
  kindTherapeutic: string;
  kindDiagnosticTherapeutic: string;
  /** Technology line: the steps it supports, {steps} joined by listSeparator. */
  technologySupports: string;
  listSeparator: string;
  audienceHcp: string;
  audiencePatient: string;
  audienceInternal: string;
  /** Title slide line: {audience}, {organisation}. */
  titleAudienceLine: string;
  /** Title slide line: {code}, {version}, {prepared}. */
  titleDocumentLine: string;
  /** Document-control table. */
  fieldHeading: string;
  valueHeading: string;
  documentCode: string;
  version: string;
  prepared: string;
  reviewStatus: string;
  reviewExpires: string;
  reviewedBy: string;
  /** One reviewer in "Reviewed by": {name}, {role}, {date}; joined by reviewerSeparator. */
  reviewer: string;
  reviewerSeparator: string;
  /** Master footer: {disclaimer}, {code}, {version}. */
  footer: string;
  /** The large diagonal marking on every slide of a deck that is not approved. */
  draftMark: string;
}

/** Fills `{name}` slots in a label. Unknown slots are left as written. */
export function fillLabel(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (Object.hasOwn(values, name) ? String(values[name]) : slot));
}
