/**
 * `deckhand verify`: reads a PDF's deckhand record (XMP), recomputes the pages'
 * content hash to spot edits, and, given the course, checks the PDF against
 * the current approved source. A personalised copy is judged by its original
 * revision, after checking that its one update only fills the approved slot
 * (verify-personalisation.ts).
 */
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';
import { prepareCourse } from './prepare-course.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import { pagesContentHash } from '../pdf/content-hash.js';
import { readDeckhandRecord, type DeckhandRecord } from '../pdf/xmp.js';
import { TemplateSet } from '../render/template-set.js';
import { checkPersonalisation } from './verify-personalisation.js';

export interface Verdict {
  ok: boolean;
  file: string;
  /** Why it does not pass; empty when ok. */
  problems: string[];
  record?: DeckhandRecord;
  pages?: { recorded: string; actual: string; intact: boolean };
  source?: { course: string; edition: string; fingerprint: string; approved: boolean; matches: boolean; reasons: string[] };
  /** Present for a personalised copy: for whom (rep id and the slot's fields) and when (ISO 8601 UTC). */
  personalisation?: { rep: string; fields: Record<string, string>; date: string };
}

export async function verifyPdf(file: string, courseDir: string | undefined, today: string): Promise<Verdict> {
  const problems: string[] = [];
  const prepared = courseDir ? prepareCourse(courseDir, { today }) : undefined;
  let bytes: Uint8Array;
  let doc: PDFDocument;
  try {
    bytes = new Uint8Array(readFileSync(file));
    doc = await PDFDocument.load(bytes, { updateMetadata: false });
  } catch (error) {
    return { ok: false, file, problems: [`not a readable PDF: ${(error as Error).message}`] };
  }
  // The slot is the one the course's templates declare (deckhand's own without a course).
  const personal = await checkPersonalisation(bytes, prepared?.ok ? prepared.course.templates : new TemplateSet());
  if (personal.baseBytes.length !== bytes.length) {
    try {
      doc = await PDFDocument.load(personal.baseBytes, { updateMetadata: false });
    } catch (error) {
      return { ok: false, file, problems: [`its original revision is not a readable PDF: ${(error as Error).message}`, ...personal.problems] };
    }
  }
  const record = readRecord(doc);
  if (!record) return { ok: false, file, problems: ['not made by deckhand: it has no deckhand XMP record (document code, reviewers, fingerprints)', ...personal.problems] };
  problems.push(...personal.problems);

  const actual = pagesContentHash(doc);
  const intact = actual === record.pagesSha256;
  if (!intact) problems.push('edited after deckhand wrote it: the pages no longer match the content hash recorded at stamping');
  if (record.approvalStatus !== 'approved') problems.push('it was built from content that was not approved (a draft)');
  if (record.reviewExpires !== '' && record.reviewExpires < today) problems.push(`its review expired on ${record.reviewExpires}`);

  let source: Verdict['source'];
  // An edition's PDF is checked against that edition (base + its overlay).
  const against = record.edition && courseDir ? prepareCourse(courseDir, { today, edition: record.edition }) : prepared;
  if (against) {
    const prepared = against;
    if (!prepared.ok) {
      problems.push(`the course cannot be read: ${prepared.diagnostics.map(formatDiagnostic).join('; ')}`);
    } else {
      const { course } = prepared;
      const matches = course.fingerprint === record.contentFingerprint && course.id === record.course;
      const name = record.edition ? `${course.id} edition ${record.edition}` : course.id;
      if (!matches) problems.push(`it does not match the current source of ${name}: the PDF was built from ${record.contentFingerprint}, the ${record.edition ? 'edition' : 'course'} is now ${course.fingerprint}`);
      if (!course.state.approved) problems.push(`the current source is not approved: ${course.state.reasons.join('; ')}`);
      source = { course: course.id, edition: course.edition.edition, fingerprint: course.fingerprint, approved: course.state.approved, matches, reasons: course.state.reasons };
    }
  }
  const personalisation = personal.personalised ? { rep: personal.rep ?? '', fields: personal.fields ?? {}, date: personal.date ?? '' } : undefined;
  return { ok: problems.length === 0, file, problems, record, pages: { recorded: record.pagesSha256, actual, intact }, ...(source ? { source } : {}), ...(personalisation ? { personalisation } : {}) };
}

function readRecord(doc: PDFDocument): DeckhandRecord | undefined {
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFStream)) return undefined;
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return readDeckhandRecord(new TextDecoder().decode(bytes));
}
