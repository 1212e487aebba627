/**
 * Every user-visible string deckhand itself adds to a document (not the
 * course's own text): footer, page label, watermark, draft banners, status
 * labels, PDF subject suffixes, audience lines and procedure kinds. One plain
 * object, so the i18n catalogues (templates/i18n/<lang>.yaml) can replace it
 * whole; src/pdf and src/render take these strings as parameters.
 */
import type { DraftReason } from '../review/approval-state.js';

export interface InterfaceText {
  footer: {
    /** Second footer line: code, version and the reviewed-by text. */
    identity(code: string, version: string, reviewedBy: string): string;
    /** "Reviewed by A, 2026-11-16; B, 2026-11-17 and 2 more". */
    reviewedBy(shown: { name: string; date: string }[], more: number): string;
    pageLabel(page: number, pages: number): string;
  };
  watermark: string;
  /** PDF /Subject: "<subtitle> (training deck)". */
  subject: { deck(title: string): string; handout(title: string): string };
  draft: {
    banner(reason: DraftReason): string;
    /** Status for document-control blocks. */
    status(reason: DraftReason | undefined): string;
  };
  audience: Record<'hcp' | 'patient' | 'internal', string>;
  procedureKind: Record<'diagnostic' | 'therapeutic' | 'diagnostic-therapeutic', string>;
  /** The reference list: heading and the words a citation style adds (see render/citations.ts). */
  references: { heading: string; date(iso: string): string; accessed(date: string): string; availableFrom: string; internet: string; dataOnFile: string };
  /** The redline (`deckhand diff`): a review copy of what changed since approval. */
  redline: {
    title(course: string): string;
    reviewCopy: string;
    since(date: string, fingerprint: string): string;
    noChanges: string;
    before: string;
    after: string;
    added: string;
    removed: string;
    referencesAdded: string;
    referencesRemoved: string;
  };
}

const draftDetail = (reason: DraftReason): string => {
  switch (reason.reason) {
    case 'status':
      return `review status: ${reason.status}`;
    case 'unbound':
      return 'approval not bound to this content';
    case 'changed':
      return `content changed since approval on ${reason.since}`;
    case 'expired':
      return `review expired on ${reason.on}`;
  }
};

export const ENGLISH: InterfaceText = {
  footer: {
    identity: (code, version, reviewedBy) => `${code} · Version ${version} · ${reviewedBy}`,
    reviewedBy: (shown, more) => `Reviewed by ${shown.map((r) => `${r.name}, ${r.date}`).join('; ')}${more > 0 ? ` and ${more} more` : ''}`,
    pageLabel: (page, pages) => `page ${page} of ${pages}`,
  },
  watermark: 'DRAFT — NOT FOR DISTRIBUTION',
  subject: { deck: (title) => `${title} (training deck)`, handout: (title) => `${title} (handout)` },
  draft: {
    banner: (reason) => `Draft — ${draftDetail(reason)}`,
    status: (reason) => (reason ? `Not approved: ${draftDetail(reason)}` : 'Approved'),
  },
  audience: { hcp: 'For healthcare professionals', patient: 'For patients and carers', internal: 'For internal training only' },
  procedureKind: { diagnostic: 'Diagnostic', therapeutic: 'Therapeutic', 'diagnostic-therapeutic': 'Diagnostic / therapeutic' },
  references: {
    heading: 'References',
    // Vancouver dates: "2017 Apr 28".
    date: (iso) => {
      const [y, m, d] = iso.split('-').map(Number);
      const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][(m ?? 1) - 1];
      return `${y} ${month} ${d}`;
    },
    accessed: (date) => `cited ${date}`, availableFrom: 'Available from:',
    internet: '[Internet]',
    dataOnFile: 'Data on file',
  },
  redline: {
    title: (course) => `Changes since approval: ${course}`,
    reviewCopy: 'REVIEW COPY — NOT FOR DISTRIBUTION',
    since: (date, fingerprint) => `Compared with the content approved on ${date} (${fingerprint.slice(0, 19)}…)`,
    noChanges: 'No content has changed since the approval.',
    before: 'Approved',
    after: 'Now',
    added: 'added',
    removed: 'removed',
    referencesAdded: 'References added',
    referencesRemoved: 'References removed',
  },
};
