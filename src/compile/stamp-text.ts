/**
 * The text the PDF phases stamp on a printed document and the record they
 * write into it: footer lines, page label, watermark, Info/XMP fields. Worded
 * through the interface text; src/pdf only draws and writes what it is given.
 */
import type { Edition } from '../content/edition.js';
import type { Course } from '../content/schema.js';
import type { ApprovalState } from '../review/approval-state.js';
import { DECKHAND_VERSION } from '../version.js';
import type { InterfaceText } from './interface-text.js';

export const GENERATOR = `deckhand ${DECKHAND_VERSION}`;

/** The same shape as pdf/xmp.ts XmpFields (compile sits below pdf, so it is declared here). */
export interface DocumentStamp {
  footer: { lines: string[]; pageLabel(page: number, pages: number): string };
  watermark?: string;
  metadata: {
    title: string;
    author: string;
    subject: string;
    keywords: string[];
    language: string;
    producer: string;
    date: Date;
    record: {
      course: string;
      edition?: string;
      kind: string;
      documentCode: string;
      version: string;
      reviewers: { name: string; role: string; date: string }[];
      reviewExpires: string;
      approvalStatus: 'approved' | 'draft';
      sourceSha256: string;
      contentFingerprint: string;
      pagesSha256: string;
      generator: string;
    };
  };
}

export interface StampInput {
  edition: Edition;
  course: Course;
  state: ApprovalState;
  date: Date;
  fingerprint: string;
  sourceSha256: string;
}

/** `kind` is the target kind recorded in the PDF; `deck` selects the deck wording (subject), else the handout's. */
export function documentStamp(input: StampInput, kind: string, text: InterfaceText, document: 'deck' | 'handout' = kind.startsWith('deck') ? 'deck' : 'handout'): DocumentStamp {
  const c = input.course;
  const reviewers = c.review.reviewers.map((r) => ({ name: r.name, role: r.role, date: r.date }));
  // The first three sign-offs; the rest are in the document-control block.
  const shown = reviewers.slice(0, 3);
  const reviewedBy = reviewers.length === 0 ? text.footer.notYetReviewed : text.footer.reviewedBy(shown, reviewers.length - shown.length);
  const title = c.subtitle ?? c.title;
  return {
    footer: { lines: [c.disclaimer.short, text.footer.identity(c.document.code, c.document.version, reviewedBy)], pageLabel: text.footer.pageLabel },
    ...(input.state.approved ? {} : { watermark: text.watermark }),
    metadata: {
      title: c.title,
      author: c.organisation,
      subject: document === 'deck' ? text.subject.deck(title) : text.subject.handout(title),
      keywords: c.keywords,
      language: input.edition.language,
      producer: GENERATOR,
      date: input.date,
      record: {
        course: c.id,
        // Only other editions name theirs, so base PDFs stay byte-identical.
        ...(input.edition.edition === 'base' ? {} : { edition: input.edition.edition }),
        kind,
        documentCode: c.document.code,
        version: c.document.version,
        reviewers,
        reviewExpires: c.review.expires ?? '',
        approvalStatus: input.state.approved ? 'approved' : 'draft',
        sourceSha256: input.sourceSha256,
        contentFingerprint: input.fingerprint,
        pagesSha256: '',
        generator: GENERATOR,
      },
    },
  };
}
