/** `deckhand verify FILE.pdf [COURSE_DIR] [--json]`: exit 0 only for an intact PDF of approved, unexpired, current content. */
import { existsSync } from 'node:fs';
import { reviewDay } from '../build/dates.js';
import { EXIT, usageError } from '../errors.js';
import { verifyPdf } from '../review/verify.js';
import type { Terminal } from './terminal.js';

export async function verifyCommand(pdf: string, dir: string | undefined, options: { json?: boolean }, terminal: Terminal): Promise<number> {
  if (!existsSync(pdf)) throw usageError(`${pdf} does not exist`);
  const verdict = await verifyPdf(pdf, dir, reviewDay());
  const r = verdict.record;
  if (r) {
    terminal.info(`document   ${r.documentCode}  version ${r.version}  (${r.kind} of course ${r.course})`);
    for (const v of r.reviewers) terminal.info(`reviewed   ${v.name} (${v.role}), ${v.date}`);
    terminal.info(`expires    ${r.reviewExpires}`);
    terminal.info(`status     ${r.approvalStatus}`);
    terminal.info(`source     ${r.contentFingerprint}  (course.yaml sha256 ${r.sourceSha256})`);
    terminal.info(`pages      ${verdict.pages?.intact ? 'intact' : 'MODIFIED'}  (sha256 ${r.pagesSha256})`);
    terminal.info(`generator  ${r.generator}`);
  }
  if (verdict.source) terminal.info(`course     ${verdict.source.course}: ${verdict.source.matches ? 'matches the current source' : 'does NOT match the current source'}${verdict.source.approved ? '' : ' (current source not approved)'}`);
  for (const p of verdict.problems) terminal.error(p);
  terminal.info(verdict.ok ? 'verified: this PDF matches an approved, unexpired source' : 'NOT verified');
  if (options.json) process.stdout.write(`${JSON.stringify(verdict)}\n`);
  return verdict.ok ? EXIT.ok : EXIT.content;
}
