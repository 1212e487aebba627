/** `deckhand verify FILE.pdf [COURSE_DIR] [--trust CA.pem] [--require-signature] [--json]`: exit 0 only for an intact, released PDF of approved, unexpired, current content. */
import { existsSync, readFileSync } from 'node:fs';
import { printable } from '../content/issue-messages.js';
import { reviewDay } from '../pipeline/dates.js';
import { EXIT, usageError } from '../errors.js';
import { verifyPdf } from '../pipeline/verify.js';
import { verdictSentence } from '../pipeline/verdict-text.js';
import type { Terminal } from './terminal.js';

export async function verifyCommand(pdf: string, dir: string | undefined, options: { json?: boolean; trust?: string; requireSignature?: boolean }, terminal: Terminal): Promise<number> {
  if (!existsSync(pdf)) throw usageError(`${pdf} does not exist`);
  if (options.trust && !existsSync(options.trust)) throw usageError(`--trust ${options.trust} does not exist`);
  const trust = options.trust ? readFileSync(options.trust, 'utf8') : undefined;
  const verdict = await verifyPdf(pdf, dir, reviewDay(), { ...(trust ? { trust } : {}), ...(options.requireSignature ? { requireSignature: true } : {}) });
  // The report is the command's result: it goes to stdout (unless --json asks for the object instead).
  const out = (line: string) => (options.json ? terminal.info(line) : process.stdout.write(`${line}\n`));
  const r = verdict.record;
  // The verdict first, in words, so `deckhand verify x.pdf | head -1` is the answer.
  out(verdictSentence(verdict));
  if (r) {
    out(`document   ${r.documentCode}  version ${r.version}  (${r.kind} of course ${r.course}${r.edition ? `, edition ${r.edition}` : ''})`);
    for (const v of r.reviewers) out(`reviewed   ${v.name} (${v.role}), ${v.date}`);
    out(`expires    ${verdict.expires ?? r.reviewExpires}${verdict.decidedBy ? '' : '  (XMP label only)'}`);
    out(`status     ${r.approvalStatus}  (XMP label; decided by ${verdict.decidedBy ?? 'nothing: no course, no trusted signature'})`);
    out(`source     ${r.contentFingerprint}  (course.yaml sha256 ${r.sourceSha256})`);
    out(`pages      ${verdict.pages?.intact ? 'intact' : 'MODIFIED'}  (drawn-content sha256 ${verdict.pages?.actual || 'unreadable'})`);
    out(`structure  ${verdict.structure?.revisions ?? 0} revision(s)${verdict.structure?.problems.length ? `, ${verdict.structure.problems.length} problem(s)` : ''}`);
    const s = verdict.signature;
    if (s?.signed) out(`signature  ${s.valid ? 'valid' : 'INVALID'}, signed by ${s.signer ?? '?'} at ${s.signingTime ?? '?'}${s.chainTrusted === undefined ? ' (chain not checked: pass --trust)' : s.chainTrusted ? ', chain trusted' : ', chain NOT trusted'}${s.appendedAfterSigning ? '; bytes appended after signing' : ''}`);
    else out('signature  none');
    if (verdict.withdrawn) out(`withdrawn  on ${verdict.withdrawn.date}: ${verdict.withdrawn.reason}`);
    out(`generator  ${r.generator}`);
  }
  const p = verdict.personalisation;
  if (p) {
    const name = p.fields.name ? ` (${printable(p.fields.name, 80)})` : '';
    out(`personalised for ${printable(p.rep, 60)}${name} on ${printable(p.date.slice(0, 10), 10)}`);
  }
  if (verdict.source) out(`course     ${verdict.source.course}${verdict.source.edition !== 'base' ? ` edition ${verdict.source.edition}` : ''}: ${verdict.source.matches ? 'matches the current source' : 'does NOT match the current source'}${verdict.source.approved ? '' : ' (current source not approved)'}${verdict.source.released ? ', released' : ', NOT in the release record'}`);
  for (const p of verdict.problems) terminal.error(p);
  out(verdict.ok ? 'verified: this PDF matches an approved, unexpired source' : 'NOT verified');
  if (options.json) process.stdout.write(`${JSON.stringify(verdict)}\n`);
  return verdict.ok ? EXIT.ok : EXIT.content;
}
