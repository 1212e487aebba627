/**
 * Child process for stamp-batch.test.ts: stamps (decorate + seal) the documents
 * named in argv, in that order, in one process, and prints each one's sha256.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { FOOTER_BOXES, CERTIFICATION_BOXES } from '../../src/pdf/footer-boxes.js';
import { runPdfPhases, type PhaseRequests } from '../../src/pdf/phases.js';

const labels = { heading: 'Electronic signatures', name: 'Printed name', role: 'Role', dateTime: 'Date and time (UTC)', meaning: 'Meaning' };
const metadata = (kind: string) => ({
  title: kind, author: 'a', subject: 's', keywords: [], language: 'en', producer: 'p', date: new Date(Date.UTC(2026, 10, 20)),
  record: { course: 'c', kind, documentCode: 'C-1', version: '1.0', reviewers: [], reviewExpires: '', approvalStatus: 'draft' as const, sourceSha256: '', contentFingerprint: '', pagesSha256: '', generator: 'g' },
});

/** Two documents whose footers share words and labels but not all characters, so each one's font subset differs. */
const DOCS: Record<string, { pages: number; requests: PhaseRequests }> = {
  handout: {
    pages: 3,
    requests: {
      decorate: {
        footer: { lines: ['For healthcare professionals only. Not for patients.', 'INV-PM-TRN-0142 · version 1.0 · reviewed by Dr. Jane Reviewer'], pageLabel: (p, n) => `page ${p} of ${n}` },
        footerBox: FOOTER_BOXES.handout,
        watermark: 'DRAFT – not approved',
        paper: 'a4',
        certification: { box: CERTIFICATION_BOXES.handout, entries: [{ name: 'Dr. Jane Reviewer', role: 'Medical reviewer', signedAt: '2026-11-16', meaning: 'Approved' }], labels },
        bookmarks: [{ title: 'Start', page: 0 }],
      },
      seal: { metadata: metadata('handout-pdf') },
    },
  },
  deck: {
    pages: 5,
    requests: {
      decorate: {
        footer: { lines: ['Nur für Fachkreise. Für healthcare professionals only.', 'INV-PM-TRN-0142-DE · Version 1.0 · geprüft von Ayşe Işık'], pageLabel: (p, n) => `Seite ${p} von ${n}` },
        footerBox: FOOTER_BOXES.deck,
        certification: { box: CERTIFICATION_BOXES.deck, entries: [], labels, none: 'Noch keine Freigabe' },
      },
      seal: { metadata: metadata('deck-pdf') },
    },
  },
};

const out: Record<string, string> = {};
for (const name of process.argv.slice(2)) {
  const doc = DOCS[name];
  if (!doc) throw new Error(`unknown document ${name}`);
  const blank = await PDFDocument.create();
  for (let i = 0; i < doc.pages; i++) blank.addPage(name === 'deck' ? [960, 540] : [595.28, 841.89]);
  const { bytes } = await runPdfPhases(await blank.save(), doc.requests);
  out[name] = createHash('sha256').update(bytes).digest('hex');
}
process.stdout.write(JSON.stringify(out));
