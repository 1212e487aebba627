/**
 * `deckhand diff`: the redline for reviewers. Compares a course's current
 * content with the snapshot kept at its last approval (approval.json), and
 * writes an HTML page and a PDF of every changed field (old and new text, word
 * insertions and deletions marked), grouped by section and item id, plus the
 * references added and removed. The PDF is printed by the shared browser
 * module, stamped with the course footer and a "review copy" watermark, and
 * sealed like other PDFs (deterministic bytes).
 */
import { dirname, join, resolve } from 'node:path';
import type { Diagnostic } from '../content/diagnostic.js';
import { BASE_EDITION } from '../content/edition.js';
import { interfaceText, type InterfaceText } from '../compile/interface-text.js';
import { documentStamp } from '../compile/stamp-text.js';
import { usageError } from '../errors.js';
import { makeDir, writeFileAtomic } from '../io/atomic-write.js';
import { FOOTER_BOXES } from '../pdf/footer-boxes.js';
import { runPdfPhases } from '../pdf/phases.js';
import type { BrowserSession } from '../print/browser-session.js';
import { printPdf } from '../print/print-pdf.js';
import { fontFaceCss } from '../render/fonts.js';
import { redlineHtml } from '../render/redline-html.js';
import { redline, type Redline } from '../review/redline.js';
import { readSnapshot, snapshotFileFor } from '../review/snapshot.js';
import { reviewDay } from './dates.js';
import { courseEditions, prepareCourse } from './prepare-course.js';

export interface DiffOptions {
  courseDir: string;
  /** Edition id (default: the base edition). */
  edition?: string;
  /** Output file: FILE.pdf / FILE.html (the other one is written beside it), or a stem. Default: output/<course>/<course>.redline.pdf */
  out?: string;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** A browser session to borrow; otherwise one is started and closed. */
  session?: BrowserSession;
  text?: InterfaceText;
  /** Write only the HTML page (no browser). */
  htmlOnly?: boolean;
}

export type DiffResult =
  | { ok: true; html: string; pdf?: string; redline: Redline; changed: string[] }
  | { ok: false; errors: Diagnostic[] };

export async function diff(options: DiffOptions): Promise<DiffResult> {
  const cwd = options.cwd ?? process.cwd();
  const env = options.env ?? process.env;
  const edition = options.edition ?? BASE_EDITION;
  const editions = courseEditions(resolve(cwd, options.courseDir));
  if (!editions.includes(edition)) throw usageError(`edition "${edition}" not found for ${options.courseDir}; editions: ${editions.join(', ')}`);
  const prepared = prepareCourse(options.courseDir, { today: reviewDay(env), env, cwd, edition });
  if (!prepared.ok) return { ok: false, errors: prepared.diagnostics };
  const course = prepared.course;
  // The redline is in the edition's language, like its documents.
  const text = options.text ?? interfaceText(course.catalogue);
  const snapshotFile = snapshotFileFor(edition);
  const snapshot = readSnapshot(course.loaded.dir, snapshotFile);
  if (!snapshot) {
    const pos = course.loaded.sourceMap.positionOf(['review']);
    const approve = edition === BASE_EDITION ? 'deckhand approve' : `deckhand approve --edition ${edition}`;
    return {
      ok: false,
      errors: [{ file: course.loaded.file, ...pos, path: 'review', message: `has no approved snapshot (${snapshotFile}) to compare with; it was never approved with ${approve}` }],
    };
  }
  const model = redline(course.id, snapshot, { canonical: course.canonical, fingerprint: course.fingerprint });
  const c = course.loaded.course;
  const html = redlineHtml(model, { lang: course.edition.language, courseTitle: c.title, documentCode: c.document.code }, text.redline, fontFaceCss);

  const { htmlFile, pdfFile } = outputFiles(options.out, course.id, edition, cwd);
  makeDir(dirname(htmlFile));
  writeFileAtomic(htmlFile, html);
  const changed = model.sections.flatMap((s) => s.items.flatMap((i) => i.fields.map((f) => f.path)));
  if (options.htmlOnly) return { ok: true, html: htmlFile, redline: model, changed };

  let session = options.session;
  const own = !session;
  if (!session) {
    const { BrowserSession } = await import('../print/browser-session.js');
    // The page loads nothing: fonts are inline, so no folder needs to be reachable.
    session = new BrowserSession({ concurrency: 1, policy: { allowedRoots: [] } });
  }
  try {
    const printed = await printPdf(session, html);
    const stamp = documentStamp(course.input, 'redline', text, 'handout');
    const sealed = await runPdfPhases(printed, {
      decorate: { footer: stamp.footer, footerBox: FOOTER_BOXES.handout, watermark: text.redline.reviewCopy, paper: 'a4' },
      seal: { metadata: { ...stamp.metadata, title: text.redline.title(c.title), record: { ...stamp.metadata.record, approvalStatus: 'draft' } } },
    });
    makeDir(dirname(pdfFile));
    writeFileAtomic(pdfFile, sealed.bytes);
  } finally {
    if (own) await session.close();
  }
  return { ok: true, html: htmlFile, pdf: pdfFile, redline: model, changed };
}

function outputFiles(out: string | undefined, course: string, edition: string, cwd: string): { htmlFile: string; pdfFile: string } {
  const name = edition === BASE_EDITION ? `${course}.redline` : `${course}.${edition}.redline`;
  const stem = out ? resolve(cwd, out).replace(/\.(pdf|html)$/i, '') : join(resolve(cwd, 'output'), course, name);
  return { htmlFile: `${stem}.html`, pdfFile: `${stem}.pdf` };
}
