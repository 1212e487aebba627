import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPdf, verifySignature } from '../../../src/pdf/sign/index.js';
import { drawnContentHash, readStructure } from '../../../src/pdf/structure/index.js';
import { appendUpdate, smallPdf } from '../fixtures.js';
import { makeTestCa, type TestCa } from './test-ca.js';

const tmp = mkdtempSync(join(tmpdir(), 'deckhand-sign-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

let ca: TestCa;
let other: TestCa;
let base: Uint8Array;
let signed: Uint8Array;
// Fixed for the run, and after the certificates openssl makes now.
const signingTime = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
const sign = (bytes: Uint8Array) => signPdf(bytes, { p12: ca.p12, passphrase: ca.passphrase, name: 'Dr. Jane Reviewer', reason: 'Approved for distribution', location: 'Basel', signingTime });

beforeAll(async () => {
  mkdirSync(join(tmp, 'ca'));
  mkdirSync(join(tmp, 'other'));
  ca = makeTestCa(join(tmp, 'ca'));
  other = makeTestCa(join(tmp, 'other'), 'Someone Else', 'Other CA');
  base = await smallPdf({ objectStreams: true });
  signed = await sign(base);
});

const write = (name: string, bytes: Uint8Array) => {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return file;
};

describe('signPdf + verifySignature', () => {
  it('signs so that verify with the CA trusts it and names the signer, the time and the meaning', () => {
    const report = verifySignature(signed, { trust: ca.caPem });
    expect(report).toMatchObject({
      signed: true,
      valid: true,
      coversWholeFileButContents: true,
      chainTrusted: true,
      appendedAfterSigning: false,
      subFilter: 'ETSI.CAdES.detached',
      reason: 'Approved for distribution',
      signer: { name: 'Dr. Jane Reviewer', subject: 'CN=Dr. Jane Reviewer, O=Medical Affairs' },
      problems: [],
    });
    expect(report.signingTime?.toISOString()).toBe(signingTime.toISOString());
  });

  it('is valid for poppler\'s pdfsig, and qpdf finds the file clean', () => {
    const file = write('signed.pdf', signed);
    const out = execFileSync('pdfsig', [file], { encoding: 'utf8' });
    expect(out).toMatch(/Signer Certificate Common Name: Dr\. Jane Reviewer/);
    expect(out).toMatch(/Signature Validation: Signature is Valid\./);
    expect(out).toMatch(/Signature Type: ETSI\.CAdES\.detached/);
    expect(out).toMatch(/Signed Ranges: \[0 - \d+\], \[\d+ - \d+\]/);
    expect(out).toMatch(/Total document signed/);
    const qpdf = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(qpdf.stdout).toMatch(/No syntax or stream encoding errors found/);
  });

  it('gives the same bytes for the same input, and leaves the drawn-content hash alone', async () => {
    expect(Buffer.from(await sign(base)).equals(Buffer.from(signed))).toBe(true);
    expect(drawnContentHash(signed)).toBe(drawnContentHash(base));
  });

  it('reports one byte changed inside the signed range', () => {
    const tampered = Uint8Array.from(signed);
    const at = tampered.length - 200; // in the trailer area, inside the second range
    tampered[at] = tampered[at] === 0x20 ? 0x0a : 0x20;
    const report = verifySignature(tampered, { trust: ca.caPem });
    expect(report.valid).toBe(false);
    expect(report.problems.join('\n')).toMatch(/do not match the message digest/);
    expect(execFileSync('pdfsig', [write('byte.pdf', tampered)], { encoding: 'utf8' })).not.toMatch(/Signature is Valid/);
  });

  it('reports an incremental update appended after signing', () => {
    const updated = appendUpdate(signed, { 999: '<< /Type /Annot /Subtype /Square /Rect [0 0 50 50] >>' });
    const report = verifySignature(updated, { trust: ca.caPem });
    expect(report).toMatchObject({ valid: true, coversWholeFileButContents: false, appendedAfterSigning: true, signedLength: signed.length });
    expect(report.problems.join('\n')).toMatch(/appended after signing/);
    expect(readStructure(updated).revisions).toHaveLength(2);
  });

  it('does not trust a signer from another CA, and says the file is unsigned when it is', async () => {
    const foreign = await signPdf(base, { p12: other.p12, passphrase: other.passphrase, name: 'Someone Else', reason: 'Approved', signingTime });
    const report = verifySignature(foreign, { trust: ca.caPem });
    expect(report).toMatchObject({ valid: true, chainTrusted: false });
    expect(report.problems.join('\n')).toMatch(/no trusted CA issued the certificate of CN=Other CA/);
    expect(verifySignature(base)).toMatchObject({ signed: false, valid: false, problems: ['the file is not signed'] });
  });

  it('refuses a wrong passphrase with a clear message', async () => {
    await expect(signPdf(base, { p12: ca.p12, passphrase: 'wrong', name: 'x', reason: 'y', signingTime })).rejects.toThrow(/PKCS#12 key file cannot be opened \(wrong passphrase/);
  });
});
