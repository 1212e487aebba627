/**
 * Checks a PDF's signature the way a validator does: finds the signature
 * dictionary through the cross-reference, checks that /ByteRange covers the
 * whole file except exactly the /Contents hex string, verifies the CMS
 * against those bytes, and, given trusted CA certificates, the chain.
 * Everything a reader needs (signer, time, what was appended) is reported;
 * nothing here decides the verdict text.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFString, type PDFObject } from '../pdf-lib.js';
import { xrefView } from '../structure/xref-view.js';
import { checkChain, commonName, oneLine, pemCertificates } from './chain.js';
import { checkCms } from './cms-read.js';

export interface SignatureReport {
  signed: boolean;
  /** The CMS verifies over the byte range (digest and signature) and binds the signer's certificate. */
  valid: boolean;
  /** The byte range starts at 0, leaves out exactly the /Contents hex string, and reaches the end of the file. */
  coversWholeFileButContents: boolean;
  signer?: { name: string; subject: string };
  signingTime?: Date;
  subFilter?: string;
  reason?: string;
  /** Only with `trust`. */
  chainTrusted?: boolean;
  /** Bytes other than whitespace follow the signed range (an incremental update, or junk). */
  appendedAfterSigning: boolean;
  /** Where the signed range ends; an update after signing starts here. */
  signedLength?: number;
  problems: string[];
}

export function verifySignature(bytes: Uint8Array, options: { trust?: string } = {}): SignatureReport {
  const unsigned: SignatureReport = { signed: false, valid: false, coversWholeFileButContents: false, appendedAfterSigning: false, problems: [] };
  let sigs: PDFDict[];
  try {
    const { context } = xrefView(bytes);
    sigs = context
      .enumerateIndirectObjects()
      .map(([, o]) => o)
      .filter((o): o is PDFDict => o instanceof PDFDict && o.get(PDFName.of('ByteRange')) instanceof PDFArray && o.has(PDFName.of('Contents')));
  } catch (error) {
    return { ...unsigned, problems: [`the file cannot be read: ${(error as Error).message}`] };
  }
  if (!sigs.length) return { ...unsigned, problems: ['the file is not signed'] };
  const ranges = sigs.map((sig) => ({ sig, range: numbers(sig.get(PDFName.of('ByteRange'))) }));
  // The signature that covers the most of the file is the last one made.
  const { sig, range } = ranges.sort((a, b) => end(b.range) - end(a.range))[0]!;
  const report = checkOne(bytes, sig, range, options.trust);
  if (sigs.length > 1) report.problems.push(`the file carries ${sigs.length} signatures; only the last one was checked`);
  return report;
}

function checkOne(bytes: Uint8Array, sig: PDFDict, range: number[], trust: string | undefined): SignatureReport {
  const problems: string[] = [];
  const [a, b, c, d] = range;
  const subFilter = name(sig.get(PDFName.of('SubFilter')));
  const reason = text(sig.get(PDFName.of('Reason')));
  const signingTime = date(sig.get(PDFName.of('M')));
  const base: SignatureReport = { signed: true, valid: false, coversWholeFileButContents: false, appendedAfterSigning: false, ...(subFilter ? { subFilter } : {}), ...(reason ? { reason } : {}), problems };
  if (range.length !== 4 || a === undefined || b === undefined || c === undefined || d === undefined || a !== 0 || b < 0 || c < b || d < 0 || c + d > bytes.length) {
    problems.push(`the /ByteRange [${range.join(' ')}] is malformed or reaches past the end of the file`);
    return base;
  }
  if (subFilter !== 'ETSI.CAdES.detached') problems.push(`the signature's /SubFilter is ${subFilter ?? 'missing'}, not ETSI.CAdES.detached (PAdES)`);

  const gap = Buffer.from(bytes.subarray(b, c)).toString('latin1');
  const contents = sig.get(PDFName.of('Contents'));
  const cms = contents instanceof PDFHexString || contents instanceof PDFString ? contents.asBytes() : new Uint8Array();
  const gapIsContents = /^<[0-9A-Fa-f]*>$/.test(gap) && Buffer.from(gap.slice(1, -1), 'hex').equals(Buffer.from(cms));
  if (!gapIsContents) problems.push('the bytes the /ByteRange leaves out are not exactly the signature\'s /Contents');
  const signedLength = c + d;
  const after = Buffer.from(bytes.subarray(signedLength)).toString('latin1');
  const appendedAfterSigning = /[^\0\t\n\f\r ]/.test(after);
  if (appendedAfterSigning) problems.push(`${after.length} bytes were appended after signing (byte ${signedLength} onwards)`);
  const coversWholeFileButContents = gapIsContents && signedLength === bytes.length;

  const signed = Buffer.concat([bytes.subarray(a, b), bytes.subarray(c, c + d)]);
  const cmsCheck = checkCms(cms, signed);
  problems.push(...cmsCheck.problems);
  const valid = cmsCheck.digestMatches && cmsCheck.signatureValid && cmsCheck.signingCertificateBound && gapIsContents;
  const signer = cmsCheck.signer ? { name: commonName(cmsCheck.signer.subject), subject: oneLine(cmsCheck.signer.subject) } : undefined;
  const time = signingTime ?? cmsCheck.cmsSigningTime;

  let chainTrusted: boolean | undefined;
  if (trust !== undefined) {
    const anchors = pemCertificates(trust);
    if (!anchors.length) problems.push('the trust file holds no PEM certificate');
    if (cmsCheck.signer && anchors.length) {
      const chain = checkChain(cmsCheck.signer, cmsCheck.certificates, anchors, time ?? new Date(NaN));
      chainTrusted = chain.trusted;
      problems.push(...chain.problems);
    } else chainTrusted = false;
  }
  return { ...base, valid, coversWholeFileButContents, appendedAfterSigning, signedLength, ...(signer ? { signer } : {}), ...(time ? { signingTime: time } : {}), ...(chainTrusted !== undefined ? { chainTrusted } : {}), problems };
}

const numbers = (o: PDFObject | undefined) => (o instanceof PDFArray ? o.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) : []);
const end = (r: number[]) => (r[2] ?? 0) + (r[3] ?? 0);
const name = (o: PDFObject | undefined) => (o instanceof PDFName ? o.decodeText() : undefined);
const text = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined);
const date = (o: PDFObject | undefined) => {
  try {
    return o instanceof PDFString || o instanceof PDFHexString ? (o instanceof PDFString ? o.decodeDate() : PDFString.of(o.decodeText()).decodeDate()) : undefined;
  } catch {
    return undefined;
  }
};
