/**
 * The words imposed pages show. src/pdf holds no user-visible text of its own:
 * the caller passes these from the interface catalogue (templates/i18n/<lang>.yaml).
 * `{n}` and `{total}` are filled in with numbers; nothing else is interpreted.
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

export function fillLabel(template: string, values: { n?: number; total?: number }): string {
  return template.replace(/\{(n|total)\}/g, (whole, key: 'n' | 'total') => (values[key] === undefined ? whole : String(values[key])));
}
