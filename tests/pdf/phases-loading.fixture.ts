/**
 * Child process for phases-loading.test.ts: runs the PDF phases on a small PDF
 * (decorate with footer, watermark and certification block, then seal; plus
 * archive when argv[2] is "archive") and prints, as JSON, every module the
 * process loaded: ESM resolutions seen by a loader hook, and the CommonJS cache.
 */
import { createRequire, register } from 'node:module';
import { MessageChannel } from 'node:worker_threads';

const { port1, port2 } = new MessageChannel();
const loaded: string[] = [];
port1.on('message', (url: string) => loaded.push(url));
const hook = `let port; export function initialize(data) { port = data.port; }
export async function resolve(specifier, context, next) { const r = await next(specifier, context); port.postMessage(r.url); return r; }`;
register(`data:text/javascript,${encodeURIComponent(hook)}`, { data: { port: port2 }, transferList: [port2] });

const { PDFDocument } = await import('pdf-lib');
const { runPdfPhases } = await import('../../src/pdf/phases.js');
const { FOOTER_BOXES, CERTIFICATION_BOXES } = await import('../../src/pdf/footer-boxes.js');

const blank = await PDFDocument.create();
blank.addPage([595.28, 841.89]);
const labels = { heading: 'Certification', name: 'Name', role: 'Role', dateTime: 'Date', meaning: 'Meaning' };
await runPdfPhases(await blank.save(), {
  decorate: {
    footer: { lines: ['For healthcare professionals only.'], pageLabel: (page, pages) => `page ${page} of ${pages}` },
    footerBox: FOOTER_BOXES.handout,
    watermark: 'DRAFT',
    certification: { box: CERTIFICATION_BOXES.handout, entries: [], labels, none: 'none yet' },
  },
  seal: {
    metadata: {
      title: 't', author: 'a', subject: 's', keywords: [], language: 'en', producer: 'p', date: new Date(0),
      record: { course: 'c', kind: 'handout-pdf', documentCode: 'C', version: '1', reviewers: [], reviewExpires: '', approvalStatus: 'draft', sourceSha256: '', contentFingerprint: '', pagesSha256: '', generator: 'g' },
    },
  },
  ...(process.argv[2] === 'archive' ? { archive: {} } : {}),
});
await new Promise((resolve) => setTimeout(resolve, 100));
port1.close();
process.stdout.write(JSON.stringify([...loaded, ...Object.keys(createRequire(import.meta.url).cache)]));
