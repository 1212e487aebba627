/**
 * verify check: the PAdES signature. The CMS must verify over the byte
 * range, the range must cover the whole file but the signature, nothing may
 * follow it, and with trusted CA certificates the chain must lead to one.
 */
import { verifySignature, type SignatureReport } from '../../pdf/sign/index.js';

export interface SignatureCheck {
  report: SignatureReport;
  /** Valid, whole-file, nothing appended, chain trusted: the signer vouches for every byte, the XMP included. */
  trusted: boolean;
  problems: string[];
}

export function checkSignature(bytes: Uint8Array, options: { trust?: string; require?: boolean }): SignatureCheck {
  const report = verifySignature(bytes, options.trust ? { trust: options.trust } : {});
  const problems: string[] = [];
  if (!report.signed) {
    if (options.require) problems.push('it is not signed, and --require-signature asks for a signature');
    return { report, trusted: false, problems };
  }
  problems.push(...report.problems.map((p) => `signature: ${p}`));
  if (!report.valid) problems.push('signature: the signature does not verify over the signed bytes');
  if (!report.coversWholeFileButContents) problems.push('signature: the signed byte range does not cover the whole file');
  if (report.appendedAfterSigning) problems.push(`signature: bytes were appended after signing (from byte ${report.signedLength ?? '?'}): an update after the signature`);
  if (options.trust && report.chainTrusted === false) problems.push('signature: the signer\'s certificate does not lead to a certificate in --trust');
  const trusted = report.valid && report.coversWholeFileButContents && !report.appendedAfterSigning && report.chainTrusted === true;
  return { report, trusted, problems: [...new Set(problems)] };
}
