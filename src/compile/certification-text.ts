/** The words of the certification block (from the catalogue's certification.* keys, see interface-text.ts). */

export interface CertificationText {
  heading(expires: string): string;
  /** A draft's heading: it has no review expiry yet. */
  headingNoExpiry: string;
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
