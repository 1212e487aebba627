/**
 * `build --release --sign`: PAdES-signed, PDF/A-2b deck and handout with the
 * certification block, checked by deckhand's verifier and by poppler and qpdf;
 * the same key and source date give the same bytes.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPdfA } from '../../src/pdf/archive/index.js';
import { verifyPdf } from '../../src/pipeline/verify.js';
import { buildArgs, sharedBrowser } from '../support/api.js';
import { runCli, SAMPLE_ID, sampleWorkspace, tempDir } from '../support/fixtures.js';
import { appendUpdate, editedPageDict, PDFName } from '../pdf/fixtures.js';
import { makeTestCa, type TestCa } from '../pdf/sign/test-ca.js';

const browser = sharedBrowser();
const TODAY = '2026-12-02';
const ws = sampleWorkspace();
const caDir = tempDir('deckhand-ca-');
let ca: TestCa;
const out = join(ws.root, 'out');
const file = (kind: 'handout' | 'deck', dir = out) => join(dir, SAMPLE_ID, `${SAMPLE_ID}.${kind}.pdf`);
const sh = (cmd: string, args: string[]) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const pages = (pdf: string) => Number(/Pages:\s+(\d+)/.exec(sh('pdfinfo', [pdf]))?.[1]);

beforeAll(async () => {
  ca = makeTestCa(caDir);
  writeFileSync(join(caDir, 'ca-only.pem'), ca.caPem);
  const run = await buildArgs(['build', ws.dir, '--out', out, '--only', 'deck-pdf,handout-pdf', '--release', '--sign', join(caDir, 'signer.p12')], { cwd: ws.root, env: { DECKHAND_SIGN_PASSPHRASE: ca.passphrase } }, browser);
  expect(run.status, run.stderr).toBe(0);
});
afterAll(() => [ws.root, caDir].forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('signed releases', () => {
  it('verify --trust passes deck and handout, naming the signer and the time', async () => {
    for (const kind of ['handout', 'deck'] as const) {
      const v = await verifyPdf(file(kind), undefined, TODAY, { trust: ca.caPem });
      expect(v.problems, kind).toEqual([]);
      expect(v.decidedBy).toBe('signature');
      expect(v.signature).toMatchObject({ signed: true, valid: true, trusted: true, signer: 'Dr. Jane Reviewer', appendedAfterSigning: false });
    }
    const cli = runCli(['verify', file('handout'), ws.dir, '--trust', join(caDir, 'ca-only.pem'), '--require-signature'], { cwd: ws.root, env: { SOURCE_DATE_EPOCH: String(Date.UTC(2026, 11, 2) / 1000) } });
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toMatch(/signature {2}valid, signed by Dr\. Jane Reviewer at \d{4}-\d\d-\d\dT[\d:.]+Z, chain trusted/);
  });

  it('fails with one byte changed inside the signed range, or an update appended after signing', async () => {
    const bytes = new Uint8Array(readFileSync(file('handout')));
    const flipped = bytes.slice();
    // A byte of the binary comment after the header: inside the signed range, and harmless to every parser,
    // so only the signature can notice (a byte found by searching for a key can sit in a compressed stream).
    const at = Buffer.from(bytes).indexOf('\n%', 5) + 2;
    expect(at).toBeGreaterThan(8);
    expect(at).toBeLessThan(32);
    flipped[at] = flipped[at] === 0x81 ? 0x82 : 0x81;
    writeFileSync(join(ws.root, 'flipped.pdf'), flipped);
    const v1 = await verifyPdf(join(ws.root, 'flipped.pdf'), undefined, TODAY, { trust: ca.caPem });
    expect(v1.ok).toBe(false);
    expect(v1.problems.join('\n')).toMatch(/signature/);

    const page = await editedPageDict(bytes, 0, (node) => node.set(PDFName.of('Rotate'), node.context.obj(90)));
    writeFileSync(join(ws.root, 'appended.pdf'), appendUpdate(bytes, { [page.num]: page.body }));
    const v2 = await verifyPdf(join(ws.root, 'appended.pdf'), undefined, TODAY, { trust: ca.caPem });
    expect(v2.ok).toBe(false);
    expect(v2.problems.join('\n')).toMatch(/appended after signing/);
    expect(v2.problems.join('\n')).toMatch(/incremental update not made by deckhand/);
  });

  it('poppler reports the signature valid over the whole document', () => {
    const report = sh('pdfsig', [file('handout')]);
    expect(report).toContain('Signature is Valid');
    expect(report).toContain('Total document signed');
    expect(report).toContain('ETSI.CAdES.detached');
  });

  it('--require-signature fails an unsigned PDF', async () => {
    const plainOut = join(ws.root, 'plain');
    expect((await buildArgs(['build', ws.dir, '--out', plainOut, '--only', 'handout-pdf', '--release'], { cwd: ws.root }, browser)).status).toBe(0);
    const v = await verifyPdf(file('handout', plainOut), ws.dir, TODAY, { requireSignature: true });
    expect(v.ok).toBe(false);
    expect(v.problems).toContain('it is not signed, and --require-signature asks for a signature');
    expect((await verifyPdf(file('handout', plainOut), ws.dir, TODAY)).ok).toBe(true);
  });

  it('shows the certification block on the document-control page: printed name, date and time (UTC), meaning', () => {
    for (const kind of ['handout', 'deck'] as const) {
      const n = pages(file(kind));
      const text = sh('pdftotext', ['-f', String(n), '-l', String(n), '-layout', file(kind), '-']);
      expect(text, kind).toContain('Certification of approval (review expires 2027-11-30)');
      expect(text).toMatch(/INVAMED Medical Affairs\s+Medical Affairs\s+2026-11-16\s+Approved for distribution/);
      expect(text).toMatch(/Dr\. Jane Reviewer\s+Medical Affairs\s+\d{4}-\d\d-\d\d \d\d:\d\d UTC\s+Approved for distribution \(digital signature\)/);
    }
  });

  it('is PDF/A-2b by the structural checks, with every font embedded, and qpdf finds nothing', () => {
    for (const kind of ['handout', 'deck'] as const) {
      expect(checkPdfA(new Uint8Array(readFileSync(file(kind)))), kind).toEqual([]);
      const fonts = sh('pdffonts', [file(kind)]).split('\n').slice(2).filter(Boolean);
      expect(fonts.length).toBeGreaterThan(0);
      for (const line of fonts) expect(line.split(/\s+/).at(-5), line).toBe('yes');
      expect(sh('qpdf', ['--check', file(kind)])).toContain('No syntax or stream encoding errors');
    }
  });

  it('gives the same bytes again with the same key and source date', async () => {
    const again = join(ws.root, 'again');
    const run = await buildArgs(['build', ws.dir, '--out', again, '--only', 'handout-pdf', '--release', '--sign', join(caDir, 'signer.p12')], { cwd: ws.root, env: { DECKHAND_SIGN_PASSPHRASE: ca.passphrase } }, browser);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(file('handout', again)).equals(readFileSync(file('handout')))).toBe(true);
  });

  it('--sign needs --release, and the passphrase from the environment only', async () => {
    await expect(buildArgs(['build', ws.dir, '--out', join(ws.root, 'x'), '--sign', join(caDir, 'signer.p12')], { cwd: ws.root, env: { DECKHAND_SIGN_PASSPHRASE: ca.passphrase } }, browser)).rejects.toThrow(/--sign signs released PDFs only/);
    const noPass = runCli(['build', ws.dir, '--out', join(ws.root, 'x'), '--release', '--sign', join(caDir, 'signer.p12')], { cwd: ws.root, env: { DECKHAND_SIGN_PASSPHRASE: undefined } });
    expect(noPass.status).toBe(2);
    expect(noPass.stderr).toContain('DECKHAND_SIGN_PASSPHRASE');
  });
});
