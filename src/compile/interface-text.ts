/**
 * Every user-visible string deckhand itself adds to a document (not the
 * course's own text): footer, page label, watermark, draft banners, status
 * labels, PDF subject suffixes, audience lines and procedure kinds. One plain
 * object made from the edition's catalogue (templates/i18n/<lang>.yaml);
 * src/pdf and src/render take these strings as parameters.
 */
import type { Catalogue, Params } from '../i18n/index.js';
import type { DraftReason } from '../review/approval-state.js';
import type { CertificationText } from './certification-text.js';

export interface InterfaceText {
  footer: {
    /** Second footer line: code, version and the reviewed-by text. */
    identity(code: string, version: string, reviewedBy: string): string;
    /** "Reviewed by A, 2026-11-16; B, 2026-11-17 and 2 more". */
    reviewedBy(shown: { name: string; date: string }[], more: number): string;
    pageLabel(page: number, pages: number): string;
    /** Instead of "Reviewed by …" when no one has signed yet (a new draft); catalogue key footer.notYetReviewed. */
    notYetReviewed: string;
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
  references: { heading: string; date(iso: string): string; accessed(date: string): string; availableFrom: string; internet: string; dataOnFile: string; etAl: string };
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
  /** The certification block on the document-control page or slide (catalogue certification.*). */
  certification: CertificationText;
}

/**
 * The interface text of one catalogue (templates/i18n/<lang>.yaml). Dates in
 * the stamped footer stay ISO (YYYY-MM-DD): short, unambiguous in every
 * market, and the same as the document-control block's datetime values.
 */
export function interfaceText(catalogue: Catalogue): InterfaceText {
  const t = (key: string, params?: Params) => catalogue.t(key, params);
  const draftDetail = (reason: DraftReason): string => {
    switch (reason.reason) {
      case 'status':
        if (reason.status === 'draft') return t('draftReason.notReviewed');
        return t('draftReason.status', { status: catalogue.has(`reviewStatus.${reason.status}`) ? t(`reviewStatus.${reason.status}`) : reason.status });
      case 'unbound':
        return t('draftReason.unbound');
      case 'changed':
        return t('draftReason.changed', { date: catalogue.date(reason.since) });
      case 'expired':
        return t('draftReason.expired', { date: catalogue.date(reason.on) });
    }
  };
  return {
    footer: {
      identity: (code, version, reviewedBy) => t('footer.codeLine', { code, version, reviewedBy }),
      reviewedBy: (shown, more) => {
        if (shown.length === 0) return t('footer.notYetReviewed');
        const reviewers = shown.map((r) => t('footer.reviewerEntry', { name: r.name, date: r.date })).join('; ');
        return more > 0 ? t('footer.reviewedByMore', { reviewers, count: more }) : t('footer.reviewedBy', { reviewers });
      },
      pageLabel: (page, pages) => t('footer.pageOf', { page, pages }),
      notYetReviewed: t('footer.notYetReviewed'),
    },
    watermark: t('watermark.draft'),
    subject: { deck: (subject) => t('pdfSubject.deck', { subject }), handout: (subject) => t('pdfSubject.handout', { subject }) },
    draft: {
      banner: (reason) => t('draft.message', { reason: draftDetail(reason) }),
      status: (reason) => (reason ? t('reviewStatus.notApproved', { reason: draftDetail(reason) }) : t('reviewStatus.approved')),
    },
    audience: { hcp: t('audience.hcp'), patient: t('audience.patient'), internal: t('audience.internal') },
    procedureKind: { diagnostic: t('procedureKind.diagnostic'), therapeutic: t('procedureKind.therapeutic'), 'diagnostic-therapeutic': t('procedureKind.diagnostic-therapeutic') },
    references: {
      heading: t('references.heading'),
      date: (iso) => vancouverDate(iso, catalogue.locale),
      accessed: (date) => t('references.accessed', { date }),
      availableFrom: t('references.availableFrom'),
      internet: t('references.internet'),
      dataOnFile: t('references.dataOnFile'),
      etAl: t('references.etAl'),
    },
    certification: {
      heading: (expires) => t('certification.heading', { expires }),
      headingNoExpiry: t('certification.headingNoExpiry'),
      name: t('certification.name'),
      role: t('certification.role'),
      dateTime: t('certification.dateTime'),
      meaning: t('certification.meaning'),
      approved: t('certification.approved'),
      signed: t('certification.signed'),
      none: t('certification.none'),
    },
    redline: {
      title: (course) => t('redline.title', { course }),
      reviewCopy: t('redline.reviewCopy'),
      since: (date, fingerprint) => t('redline.since', { date, fingerprint: `${fingerprint.slice(0, 19)}…` }),
      noChanges: t('redline.noChanges'),
      before: t('redline.before'),
      after: t('redline.after'),
      added: t('redline.added'),
      removed: t('redline.removed'),
      referencesAdded: t('redline.referencesAdded'),
      referencesRemoved: t('redline.referencesRemoved'),
    },
  };
}

/** A Vancouver-style date, year first: "2017 Apr 28" (the month abbreviated for the locale; a year or year-month stays as short). */
function vancouverDate(iso: string, locale: string): string {
  const [y, m, d] = iso.split('-').map(Number);
  if (!y) return iso;
  if (!m) return String(y);
  const month = new Intl.DateTimeFormat(locale, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1)).replace(/\.$/, '');
  return d ? `${y} ${month} ${d}` : `${y} ${month}`;
}
