/**
 * `deckhand verify`: reads a PDF's deckhand record (XMP), recomputes the pages'
 * content hash to spot edits, and, given the course, checks the PDF against
 * the current approved source.
 */
import { readFileSync } from 'node:fs';
import { PDFDocument, PDFName, PDFRawStream, PDFStream, decodePDFRawStream } from 'pdf-lib';
import { prepareCourse } from './prepare-course.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import { pagesContentHash } from '../pdf/content-hash.js';
import { readDeckhandRecord, type DeckhandRecord } from '../pdf/xmp.js';

export interface Verdict {
  ok: boolean;
  file: string;
  /** Why it does not pass; empty when ok. */
  problems: string[];
  record?: DeckhandRecord;
  pages?: { recorded: string; actual: string; intact: boolean };
  source?: { course: string; edition: string; fingerprint: string; approved: boolean; matches: boolean; reasons: string[] };
}

export async function verifyPdf(file: string, courseDir: string | undefined, today: string): Promise<Verdict> {
  const problems: string[] = [];
  let doc: PDFDocument;
  try {
    doc = await PDFDocument.load(readFileSync(file), { updateMetadata: false });
  } catch (error) {
    return { ok: false, file, problems: [`not a readable PDF: ${(error as Error).message}`] };
  }
  const record = readRecord(doc);
  if (!record) return { ok: false, file, problems: ['not made by deckhand: it has no deckhand XMP record (document code, reviewers, fingerprints)'] };

  const actual = pagesContentHash(doc);
  const intact = actual === record.pagesSha256;
  if (!intact) problems.push('edited after deckhand wrote it: the pages no longer match the content hash recorded at stamping');
  if (record.approvalStatus !== 'approved') problems.push('it was built from content that was not approved (a draft)');
  if (record.reviewExpires < today) problems.push(`its review expired on ${record.reviewExpires}`);

  let source: Verdict['source'];
  if (courseDir) {
    // An edition's PDF is checked against that edition (base + its overlay).
    const prepared = prepareCourse(courseDir, { today, ...(record.edition ? { edition: record.edition } : {}) });
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
  return { ok: problems.length === 0, file, problems, record, pages: { recorded: record.pagesSha256, actual, intact }, ...(source ? { source } : {}) };
}

function readRecord(doc: PDFDocument): DeckhandRecord | undefined {
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  if (!(stream instanceof PDFStream)) return undefined;
  const bytes = stream instanceof PDFRawStream ? decodePDFRawStream(stream).decode() : stream.getContents();
  return readDeckhandRecord(new TextDecoder().decode(bytes));
}
