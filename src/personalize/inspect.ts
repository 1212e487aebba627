/**
 * `inspectPersonalization`: is this PDF an approved handout plus exactly one
 * personalisation update made by deckhand, and for whom?
 *
 * The base revision is the file up to the first revision's %%EOF; its sha256
 * must equal the one the update recorded. The update may redefine only the
 * slot page (content: guard + original streams + slot stream; resources: the
 * original ones plus the slot font) and the catalog (only /Metadata), and add
 * only the slot font's objects, the guard and slot streams, the XMP (the
 * base's packet plus the personalisation block) and its own xref stream.
 * Anything else — another page, an annotation, any other object redefined,
 * a further update, bytes after %%EOF, duplicate object headers — is named
 * as a problem. The caller still checks the base revision against the
 * approved source (content hash, review state).
 */
import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, PDFRef, PDFStream, type PDFObject } from '../pdf/pdf-lib.js';
import { text as latin1 } from './pdf-bytes.js';
import { readIndirectObject, readRevisions, RevisionError, streamText, type Revision } from './revisions.js';
import type { SlotDeclaration } from '../render/slot-declaration.js';
import { checkUpdate, type UpdateObjects } from './update-checks.js';
import { readPersonalisation } from './xmp-personalization.js';
import { duplicateHeaders } from './object-spans.js';

export interface PersonalizationReport {
  /** The file carries a deckhand personalisation record. */
  personalised: boolean;
  /** The original (first) revision; the whole file when there is no update. */
  baseBytes: Uint8Array;
  rep?: string;
  fields?: Record<string, string>;
  /** ISO 8601 UTC, as recorded. */
  date?: string;
  /** 1-based number of the page the update redefines. */
  page?: number;
  /** Empty when the file is a clean base or a clean personalised copy. */
  problems: string[];
}

export async function inspectPersonalization(bytes: Uint8Array, slot?: SlotDeclaration): Promise<PersonalizationReport> {
  let revisions: Revision[];
  try {
    revisions = readRevisions(bytes);
  } catch (error) {
    if (!(error instanceof RevisionError)) throw error;
    return { personalised: false, baseBytes: bytes, problems: [`its cross-reference data cannot be followed: ${error.message}`] };
  }
  const [base, update, ...later] = revisions as [Revision, ...Revision[]];
  const problems: string[] = [];
  const last = revisions[revisions.length - 1] ?? base;
  if (/\S/.test(latin1(bytes, last.end))) problems.push(`it has ${bytes.length - last.end} bytes after its last %%EOF`);

  const baseDoc = await PDFDocument.load(bytes.subarray(0, base.end), { updateMetadata: false, throwOnInvalidObject: true });
  const pageNumbers = new Map(baseDoc.getPages().map((p, i) => [p.ref.objectNumber, i + 1]));
  const rootNumber = (baseDoc.context.trailerInfo.Root as PDFRef).objectNumber;
  const describe = (n: number) => (pageNumbers.has(n) ? `object ${n} (page ${pageNumbers.get(n)})` : n === rootNumber ? `object ${n} (the catalog)` : `object ${n}`);

  if (!update) {
    const record = readPersonalisation(catalogXmp(baseDoc) ?? '');
    if (record) problems.push('it carries a personalisation record but no incremental update: the file was re-saved as a whole, so what was approved can no longer be told apart from what was added');
    return { personalised: record !== undefined, baseBytes: bytes.subarray(0, base.end), ...(record ? { rep: record.rep, fields: record.fields, date: record.date } : {}), problems };
  }

  const objects = readUpdateObjects(bytes, update, baseDoc, problems, describe);
  const xmp = objects.catalog ? metadataOf(objects) : undefined;
  const record = xmp ? readPersonalisation(xmp) : undefined;
  if (!record) {
    problems.push(`it has an incremental update that deckhand's personalisation did not make: it redefines ${[...update.entries.keys()].filter((n) => n < sizeOf(base)).map(describe).join(', ') || 'no base object'}`);
    return { personalised: false, baseBytes: bytes.subarray(0, base.end), problems: [...problems, ...laterProblems(later, describe)] };
  }

  // The base revision as it was: the writer adds one end-of-line when the base ended without one.
  const throughEof = bytes.subarray(0, base.end);
  const bare = trimEol(throughEof);
  const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
  const baseBytes = sha(throughEof) === record.baseSha256 ? throughEof : sha(bare) === record.baseSha256 ? bare : throughEof;
  if (baseBytes === throughEof && sha(throughEof) !== record.baseSha256) problems.push('its first revision is not the handout it was personalised from: the sha256 recorded in the update does not match');

  problems.push(...checkUpdate({ bytes, base, update, baseDoc, objects, record, slot, describe }));
  problems.push(...duplicateHeaders(bytes, base.end, update));
  problems.push(...laterProblems(later, describe));
  return { personalised: true, baseBytes, rep: record.rep, fields: record.fields, date: record.date, ...(objects.pageNumber ? { page: objects.pageNumber } : {}), problems };
}

const sizeOf = (r: Revision) => Number(r.trailer.get(PDFName.of('Size'))?.toString() ?? 0);

function trimEol(b: Uint8Array): Uint8Array {
  let end = b.length;
  if (b[end - 1] === 0x0a) end--;
  if (b[end - 1] === 0x0d) end--;
  return b.subarray(0, end);
}

function laterProblems(later: Revision[], describe: (n: number) => string): string[] {
  return later.map((r, i) => {
    const touched = [...r.entries.keys()].map(describe);
    return `it has a further incremental update (revision ${i + 3}, at byte ${r.xrefOffset}) that deckhand did not make; it defines ${touched.join(', ') || 'nothing'}`;
  });
}

function readUpdateObjects(bytes: Uint8Array, update: Revision, baseDoc: PDFDocument, problems: string[], describe: (n: number) => string): UpdateObjects {
  const found = new Map<number, { ref: PDFRef; object: PDFObject; offset: number }>();
  for (const [n, entry] of update.entries) {
    if (entry.type !== 1) {
      problems.push(`the update ${entry.type === 0 ? 'deletes' : 'compresses into an object stream'} ${describe(n)}`);
      continue;
    }
    try {
      const read = readIndirectObject(bytes, entry.field2, baseDoc.context);
      if (read.ref.objectNumber !== n) problems.push(`the update's xref sends ${describe(n)} to byte ${entry.field2}, where object ${read.ref.objectNumber} is`);
      else found.set(n, { ...read, offset: entry.field2 });
    } catch (error) {
      problems.push(`the update's ${describe(n)} cannot be read: ${(error as Error).message}`);
    }
  }
  const pages = baseDoc.getPages();
  const pageIndex = pages.findIndex((p) => found.has(p.ref.objectNumber));
  const root = baseDoc.context.trailerInfo.Root as PDFRef;
  return {
    found,
    ...(pageIndex >= 0 ? { pageNumber: pageIndex + 1 } : {}),
    ...(found.has(root.objectNumber) ? { catalog: found.get(root.objectNumber)?.object } : {}),
  };
}

function metadataOf(objects: UpdateObjects): string | undefined {
  const catalog = objects.catalog;
  if (!catalog || !('get' in catalog)) return undefined;
  const ref = (catalog as unknown as { get(k: PDFName): PDFObject | undefined }).get(PDFName.of('Metadata'));
  const stream = ref instanceof PDFRef ? objects.found.get(ref.objectNumber)?.object : undefined;
  return stream instanceof PDFStream ? streamText(stream) : undefined;
}


function catalogXmp(doc: PDFDocument): string | undefined {
  const stream = doc.catalog.lookup(PDFName.of('Metadata'));
  return stream instanceof PDFStream ? streamText(stream) : undefined;
}
