/**
 * `deckhand verify`: is this PDF, as a viewer draws it, a released and still
 * valid copy of approved content? A composition of small checks, each in
 * verify-checks/: the file structure as a viewer reads it, the drawn-content
 * hash, the signature, the course with its release record, the withdrawal
 * list and the expiry. Approval and expiry are decided by the course or by a
 * trusted signature, never by the XMP, which is only a label.
 * A personalised copy is judged by its original revision, after checking that
 * its one update only fills the approved slot (verify-personalisation.ts).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeckhandRecord } from '../pdf/xmp.js';
import { checkDrawnHash } from './verify-checks/drawn-hash.js';
import { readRecord } from './verify-checks/record.js';
import { checkSignature } from './verify-checks/signature.js';
import { checkSource } from './verify-checks/source.js';
import { checkStructure, foreignUpdates } from './verify-checks/structure.js';
import { checkWithdrawal, withdrawalFileFor } from './verify-checks/withdrawal.js';
import { WITHDRAWN_FILE } from '../review/withdrawn.js';
import { TemplateSet } from '../render/template-set.js';
import { prepareCourse } from './prepare-course.js';
import { BASE_EDITION } from '../content/edition.js';
import { checkPersonalisation } from './verify-personalisation.js';

export interface VerifyOptions {
  /**
   * Check only that the file is intact deckhand output (structure, drawn hash, signature if any):
   * for callers that decide approval themselves (personalisation takes the course's word).
   */
  integrityOnly?: boolean;
  /** Trusted CA certificates (PEM) for the signature's chain. */
  trust?: string;
  /** An unsigned PDF fails. */
  requireSignature?: boolean;
  /** The withdrawal list (default: withdrawn.yaml beside the course folder, else decks/withdrawn.yaml in cwd). */
  withdrawn?: string;
  cwd?: string;
}

export interface Verdict {
  ok: boolean;
  file: string;
  /** Why it does not pass; empty when ok. */
  problems: string[];
  record?: DeckhandRecord;
  pages?: { recorded: string; actual: string; intact: boolean };
  structure?: { revisions: number; problems: string[] };
  signature?: { signed: boolean; valid: boolean; trusted: boolean; signer?: string; subject?: string; signingTime?: string; chainTrusted?: boolean; appendedAfterSigning: boolean };
  /** What decided approval and expiry. */
  decidedBy?: 'course' | 'signature';
  expires?: string;
  withdrawn?: { date: string; reason: string };
  source?: { course: string; edition: string; fingerprint: string; approved: boolean; matches: boolean; released: boolean; reasons: string[] };
  /** Present for a personalised copy: for whom (rep id and the slot's fields) and when (ISO 8601 UTC). */
  personalisation?: { rep: string; fields: Record<string, string>; date: string };
}

export async function verifyPdf(file: string, courseDir: string | undefined, today: string, options: VerifyOptions = {}): Promise<Verdict> {
  const whole = new Uint8Array(readFileSync(file));
  const prepared = courseDir ? prepareCourse(courseDir, { today }) : undefined;
  const structure = checkStructure(whole);
  if (!structure.structure) return { ok: false, file, problems: [...structure.problems, 'not a readable PDF'] };
  // The slot is the one the course's templates declare (deckhand's own without a course); the
  // checks below read the original revision of a personalised copy, and otherwise the whole file, as a viewer draws it.
  let personal: Awaited<ReturnType<typeof checkPersonalisation>>;
  try {
    personal = await checkPersonalisation(whole, prepared?.ok ? prepared.course.templates : new TemplateSet());
  } catch (error) {
    // A file whose revisions pdf-lib cannot parse is a verdict, never a crash.
    return { ok: false, file, problems: [...structure.problems, `not a readable PDF: ${(error as Error).message}`] };
  }
  const bytes = personal.personalised ? personal.baseBytes : whole;
  let record: DeckhandRecord | undefined;
  try {
    record = readRecord(bytes);
  } catch (error) {
    return { ok: false, file, problems: [`not a readable PDF: ${(error as Error).message}`, ...personal.problems] };
  }
  if (!record) return { ok: false, file, problems: ['not made by deckhand: it has no deckhand XMP record (document code, reviewers, fingerprints)', ...personal.problems] };

  const problems: string[] = [...structure.problems, ...personal.problems, ...(personal.personalised ? [] : foreignUpdates(structure))];
  const drawn = checkDrawnHash(bytes, record);
  problems.push(...drawn.problems);
  const signature = checkSignature(bytes, { ...(options.trust ? { trust: options.trust } : {}), ...(options.requireSignature ? { require: true } : {}) });
  problems.push(...signature.problems);

  let decidedBy: Verdict['decidedBy'];
  let expires: string | undefined;
  let code = record.documentCode;
  let version = record.version;
  let source: Verdict['source'];
  if (options.integrityOnly) {
    if (record.approvalStatus !== 'approved') problems.push('it was built from content that was not approved (a draft)');
  } else if (courseDir && prepared) {
    // An edition's PDF is checked against that edition (base + its overlay).
    const against = record.edition && record.edition !== BASE_EDITION ? prepareCourse(courseDir, { today, edition: record.edition }) : prepared;
    const s = checkSource(courseDir, against, record, drawn.actual);
    problems.push(...s.problems);
    if (s.course) {
      const c = s.course.loaded.course;
      decidedBy = 'course';
      expires = c.review.expires;
      code = c.document.code;
      version = c.document.version;
      source = { course: s.course.id, edition: s.course.edition.edition, fingerprint: s.course.fingerprint, approved: s.course.state.approved, matches: s.matches, released: s.release !== undefined, reasons: s.course.state.reasons };
    }
  } else if (signature.trusted) {
    // The signer vouches for every byte, the XMP included: its label is now the signer's statement.
    decidedBy = 'signature';
    expires = record.reviewExpires;
    if (record.approvalStatus !== 'approved') problems.push(`the signed record says it was built from content that was not approved (${record.approvalStatus})`);
  } else {
    problems.push('approval cannot be established: the XMP is only a label; give the course folder, or --trust CA.pem for a signed PDF');
  }
  if (expires && expires < today) problems.push(`expired on ${expires}`);

  const list = options.withdrawn ?? (courseDir ? withdrawalFileFor(courseDir) : join(options.cwd ?? process.cwd(), 'decks', WITHDRAWN_FILE));
  const personalisation = personal.personalised ? { rep: personal.rep ?? '', fields: personal.fields ?? {}, date: personal.date ?? '' } : undefined;
  const withdrawal = existsSync(list) || options.withdrawn ? checkWithdrawal(list, code, version) : { problems: [] };
  problems.push(...withdrawal.problems);

  const r = signature.report;
  const unique = [...new Set(problems)];
  return {
    ok: unique.length === 0,
    file,
    problems: unique,
    record,
    pages: { recorded: drawn.recorded, actual: drawn.actual ?? '', intact: drawn.intact },
    structure: { revisions: structure.structure.revisions.length, problems: structure.problems },
    signature: {
      signed: r.signed,
      valid: r.valid,
      trusted: signature.trusted,
      ...(r.signer ? { signer: r.signer.name, subject: r.signer.subject } : {}),
      ...(r.signingTime ? { signingTime: r.signingTime.toISOString() } : {}),
      ...(r.chainTrusted !== undefined ? { chainTrusted: r.chainTrusted } : {}),
      appendedAfterSigning: r.appendedAfterSigning,
    },
    ...(decidedBy ? { decidedBy } : {}),
    ...(expires ? { expires } : {}),
    ...(withdrawal.withdrawn ? { withdrawn: { date: withdrawal.withdrawn.date, reason: withdrawal.withdrawn.reason } } : {}),
    ...(source ? { source } : {}),
    ...(personalisation ? { personalisation } : {}),
  };
}
