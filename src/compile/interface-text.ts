/**
 * Every user-visible string deckhand itself adds to a document (not the
 * course's own text): footer, page label, watermark, draft banners, status
 * labels, PDF subject suffixes, audience lines and procedure kinds. One plain
 * object, so the i18n catalogues (templates/i18n/<lang>.yaml) can replace it
 * whole; src/pdf and src/render take these strings as parameters.
 */
import type { DraftReason } from '../review/approval-state.js';
import type { CertificationText } from './certification-text.js';

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
  /** The certification block (see certification-text.ts; English when absent). */
  certification?: CertificationText;
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
};
