/**
 * What the certification block on the document-control page says: one row
 * per sign-off from the bound review record (printed name, role, date of the
 * sign-off, meaning) and, for a signed release, one row for the signing
 * certificate with the signing time in UTC. The words come from the edition's
 * catalogue (InterfaceText.certification); the layout from src/pdf.
 */
import { X509Certificate, createHash } from 'node:crypto';
import type { InterfaceText } from '../compile/interface-text.js';
import type { CertificationRequest } from '../pdf/decorate.js';
import type { CertificationEntry } from '../pdf/certification-block.js';
import type { SignOptions } from '../pdf/sign/sign-pdf.js';
import { readP12 } from '../pdf/sign/p12.js';
import { commonName } from '../pdf/sign/chain.js';
import { usageError } from '../errors.js';
import type { PreparedCourse } from './prepare-course.js';

export interface Signing {
  /** Common name of the signing certificate: the printed name of the signer. */
  name: string;
  /** Organisation of the certificate, shown as the signer's role. */
  organisation: string;
  /** sha256 of the certificate, a cache-key component: another key, another output. */
  fingerprint: string;
  /** The signing time: the build's source date (or the certificate's start), so the same key and date give the same bytes. */
  time(course: PreparedCourse): Date;
  options(course: PreparedCourse, text: InterfaceText): SignOptions;
}

/** Opens the PKCS#12 file once, up front: a wrong passphrase fails before anything is printed. */
export function openSigning(p12: Uint8Array, passphrase: string): Signing {
  let certificate: X509Certificate;
  try {
    certificate = readP12(p12, passphrase).certificate;
  } catch (error) {
    throw usageError(`--sign: ${(error as Error).message} (the passphrase comes from DECKHAND_SIGN_PASSPHRASE)`);
  }
  const name = commonName(certificate.subject);
  const organisation = /(?:^|\n)O=([^\n]*)/.exec(certificate.subject)?.[1] ?? '';
  // The source date, unless the certificate is younger (a signature cannot predate its certificate):
  // the same key and source date always give the same time, so signed outputs stay reproducible.
  const notBefore = new Date(certificate.validFrom);
  const time = (course: PreparedCourse) => (course.date < notBefore ? notBefore : course.date);
  return {
    name,
    organisation,
    fingerprint: createHash('sha256').update(certificate.raw).digest('hex'),
    time,
    options: (course, text) => ({ p12, passphrase, name, reason: text.certification.signed, signingTime: time(course) }),
  };
}

export function certificationFor(course: PreparedCourse, text: InterfaceText, box: CertificationRequest['box'], signing: Signing | undefined): CertificationRequest {
  const t = text.certification;
  const review = course.input.course.review;
  const entries: CertificationEntry[] = course.state.approved
    ? review.reviewers.map((r) => ({ name: r.name, role: r.role, signedAt: r.date, meaning: t.approved }))
    : [];
  if (signing && course.state.approved) entries.push({ name: signing.name, role: signing.organisation, signedAt: signing.time(course), meaning: t.signed });
  return { box, entries, labels: { heading: review.expires ? t.heading(review.expires) : t.headingNoExpiry, name: t.name, role: t.role, dateTime: t.dateTime, meaning: t.meaning }, none: t.none };
}
