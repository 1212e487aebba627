/** `deckhand verify FILE.pdf [COURSE_DIR] [--json]`: exit 0 only for an intact PDF of approved, unexpired, current content. */
import { existsSync } from 'node:fs';
import { printable } from '../content/issue-messages.js';
import { reviewDay } from '../pipeline/dates.js';
import { EXIT, usageError } from '../errors.js';
import { verifyPdf } from '../pipeline/verify.js';
import { verdictSentence } from '../pipeline/verdict-text.js';
import type { Terminal } from './terminal.js';

export async function verifyCommand(pdf: string, dir: string | undefined, options: { json?: boolean }, terminal: Terminal): Promise<number> {
  if (!existsSync(pdf)) throw usageError(`${pdf} does not exist`);
  const verdict = await verifyPdf(pdf, dir, reviewDay());
  // The report is the command's result: it goes to stdout (unless --json asks for the object instead).
  const out = (line: string) => (options.json ? terminal.info(line) : process.stdout.write(`${line}\n`));
  const r = verdict.record;
  // The verdict first, in words, so `deckhand verify x.pdf | head -1` is the answer.
  out(verdictSentence(verdict));
  if (r) {
    out(`document   ${r.documentCode}  version ${r.version}  (${r.kind} of course ${r.course}${r.edition ? `, edition ${r.edition}` : ''})`);
    for (const v of r.reviewers) out(`reviewed   ${v.name} (${v.role}), ${v.date}`);
    out(`expires    ${r.reviewExpires}`);
    out(`status     ${r.approvalStatus}`);
    out(`source     ${r.contentFingerprint}  (course.yaml sha256 ${r.sourceSha256})`);
    out(`pages      ${verdict.pages?.intact ? 'intact' : 'MODIFIED'}  (sha256 ${r.pagesSha256})`);
    out(`generator  ${r.generator}`);
  }
  const p = verdict.personalisation;
  if (p) {
    const name = p.fields.name ? ` (${printable(p.fields.name, 80)})` : '';
    out(`personalised for ${printable(p.rep, 60)}${name} on ${printable(p.date.slice(0, 10), 10)}`);
  }
  if (verdict.source) out(`course     ${verdict.source.course}${verdict.source.edition !== 'base' ? ` edition ${verdict.source.edition}` : ''}: ${verdict.source.matches ? 'matches the current source' : 'does NOT match the current source'}${verdict.source.approved ? '' : ' (current source not approved)'}`);
  for (const p of verdict.problems) terminal.error(p);
  out(verdict.ok ? 'verified: this PDF matches an approved, unexpired source' : 'NOT verified');
  if (options.json) process.stdout.write(`${JSON.stringify(verdict)}\n`);
  return verdict.ok ? EXIT.ok : EXIT.content;
}
