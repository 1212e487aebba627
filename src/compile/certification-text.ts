/**
 * The words of the certification block, in one place: the i18n catalogue's
 * certification.* keys replace these when the interface text carries them.
 */

export interface CertificationText {
  heading(expires: string): string;
  name: string;
  role: string;
  dateTime: string;
  meaning: string;
  /** The meaning of a sign-off: "Approved for distribution". */
  approved: string;
  /** The meaning of the release signature. */
  signed: string;
  /** Shown in the table when nothing was approved (drafts). */
  none: string;
}

export const ENGLISH_CERTIFICATION: CertificationText = {
  heading: (expires) => `Certification of approval (review expires ${expires})`,
  name: 'Printed name',
  role: 'Role',
  dateTime: 'Date and time (UTC)',
  meaning: 'Meaning',
  approved: 'Approved for distribution',
  signed: 'Approved for distribution (digital signature)',
  none: 'Not approved: not for distribution',
};

/** From the interface text (compile/interface-text.ts), which may carry the catalogue's words. */
export function certificationText(text: { certification?: CertificationText }): CertificationText {
  return text.certification ?? ENGLISH_CERTIFICATION;
}
