/** Certificate path from the signer to a trusted CA, with node:crypto's X509Certificate. */
import { X509Certificate } from 'node:crypto';

export interface ChainCheck {
  trusted: boolean;
  /** Subjects from the signer up to the anchor. */
  path: string[];
  problems: string[];
}

/** Every certificate in a PEM bundle. */
export function pemCertificates(pem: string): X509Certificate[] {
  return [...pem.matchAll(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g)].map((m) => new X509Certificate(m[0]));
}

export function checkChain(signer: X509Certificate, carried: X509Certificate[], trust: X509Certificate[], at: Date): ChainCheck {
  const problems: string[] = [];
  const path = [oneLine(signer.subject)];
  const anchors = new Set(trust.map((c) => c.fingerprint256));
  const pool = [...carried, ...trust];
  let current = signer;
  for (let depth = 0; depth < 10; depth++) {
    if (!validAt(current, at)) problems.push(`the certificate of ${oneLine(current.subject)} was not valid at the signing time (${current.validFrom} to ${current.validTo})`);
    if (anchors.has(current.fingerprint256)) return { trusted: problems.length === 0, path, problems };
    const issuer = pool.find((c) => c.fingerprint256 !== current.fingerprint256 && current.checkIssued(c) && current.verify(c.publicKey) && (c.ca || anchors.has(c.fingerprint256)));
    if (!issuer) {
      problems.push(`no trusted CA issued the certificate of ${oneLine(current.subject)}`);
      return { trusted: false, path, problems };
    }
    path.push(oneLine(issuer.subject));
    current = issuer;
  }
  problems.push('the certificate chain is longer than 10');
  return { trusted: false, path, problems };
}

const validAt = (c: X509Certificate, at: Date) => new Date(c.validFrom) <= at && at <= new Date(c.validTo);
export const oneLine = (subject: string) => subject.split('\n').filter(Boolean).join(', ');
export const commonName = (subject: string) => /(?:^|\n)CN=([^\n]*)/.exec(subject)?.[1] ?? oneLine(subject);
