/**
 * A CAdES-detached CMS SignedData (ETSI EN 319 122-1 baseline B-B) over the
 * PDF's byte range: signed attributes content-type, message-digest and ESS
 * signing-certificate-v2. node-forge's PKCS#7 writer only knows three
 * attributes (no signing-certificate-v2), so the structure is assembled here
 * with forge's ASN.1 DER encoder and signed with node:crypto (RSA PKCS#1 v1.5,
 * deterministic, so the same input gives the same bytes).
 *
 * PAdES baseline (EN 319 142-1) puts the claimed signing time in the
 * signature dictionary's /M and forbids the CMS signing-time attribute;
 * `cmsSigningTime` adds it anyway for consumers that only read the CMS.
 */
import { createHash, sign, type X509Certificate } from 'node:crypto';
import forge from 'node-forge';
import { OID } from './oids.js';

const { asn1 } = forge;
const C = asn1.Class;
const T = asn1.Type;

export interface CadesInput {
  /** The signed bytes: the file without the /Contents hex string. */
  content: Uint8Array;
  keyPem: string;
  certificate: X509Certificate;
  chain: X509Certificate[];
  cmsSigningTime?: Date;
}

const bin = (bytes: Uint8Array) => Buffer.from(bytes).toString('binary');
const oid = (id: string) => asn1.create(C.UNIVERSAL, T.OID, false, asn1.oidToDer(id).getBytes());
const seq = (items: forge.asn1.Asn1[]) => asn1.create(C.UNIVERSAL, T.SEQUENCE, true, items);
const set = (items: forge.asn1.Asn1[]) => asn1.create(C.UNIVERSAL, T.SET, true, items);
const octets = (bytes: Uint8Array) => asn1.create(C.UNIVERSAL, T.OCTETSTRING, false, bin(bytes));
const algorithm = (id: string) => seq([oid(id), asn1.create(C.UNIVERSAL, T.NULL, false, '')]);
const der = (node: forge.asn1.Asn1) => Buffer.from(asn1.toDer(node).getBytes(), 'binary');

/** Issuer Name and serial INTEGER exactly as the certificate encodes them. */
export function issuerAndSerial(cert: X509Certificate): { issuer: forge.asn1.Asn1; serial: forge.asn1.Asn1 } {
  const tbs = (asn1.fromDer(bin(cert.raw)).value as forge.asn1.Asn1[])[0]!.value as forge.asn1.Asn1[];
  const offset = tbs[0]!.tagClass === C.CONTEXT_SPECIFIC ? 1 : 0;
  return { serial: tbs[offset]!, issuer: tbs[offset + 2]! };
}

function signingCertificateV2(cert: X509Certificate): forge.asn1.Asn1 {
  const { issuer, serial } = issuerAndSerial(cert);
  const certHash = createHash('sha256').update(cert.raw).digest();
  // ESSCertIDv2 with the default hash algorithm (SHA-256) left out, as DER requires
  const issuerSerial = seq([seq([asn1.create(C.CONTEXT_SPECIFIC, 4, true, [issuer])]), serial]);
  return seq([seq([seq([octets(certHash), issuerSerial])])]);
}

function time(date: Date): forge.asn1.Asn1 {
  const utc = date.getUTCFullYear() >= 1950 && date.getUTCFullYear() < 2050;
  return asn1.create(C.UNIVERSAL, utc ? T.UTCTIME : T.GENERALIZEDTIME, false, utc ? asn1.dateToUtcTime(date) : asn1.dateToGeneralizedTime(date));
}

export function cadesDetached(input: CadesInput): Uint8Array {
  const digest = createHash('sha256').update(input.content).digest();
  const attributes = [
    seq([oid(OID.contentType), set([oid(OID.data)])]),
    seq([oid(OID.messageDigest), set([octets(digest)])]),
    seq([oid(OID.signingCertificateV2), set([signingCertificateV2(input.certificate)])]),
    ...(input.cmsSigningTime ? [seq([oid(OID.signingTime), set([time(input.cmsSigningTime)])])] : []),
  ].sort((a, b) => Buffer.compare(der(a), der(b))); // DER orders a SET OF by encoding
  const signature = sign('sha256', der(set(attributes)), input.keyPem);
  const { issuer, serial } = issuerAndSerial(input.certificate);
  const signerInfo = seq([
    asn1.create(C.UNIVERSAL, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
    seq([issuer, serial]),
    algorithm(OID.sha256),
    asn1.create(C.CONTEXT_SPECIFIC, 0, true, attributes),
    algorithm(OID.sha256WithRSAEncryption),
    octets(signature),
  ]);
  const certificates = [input.certificate, ...input.chain].map((c) => asn1.fromDer(bin(c.raw)));
  const signedData = seq([
    asn1.create(C.UNIVERSAL, T.INTEGER, false, asn1.integerToDer(1).getBytes()),
    set([algorithm(OID.sha256)]),
    seq([oid(OID.data)]),
    asn1.create(C.CONTEXT_SPECIFIC, 0, true, certificates),
    set([signerInfo]),
  ]);
  return der(seq([oid(OID.signedData), asn1.create(C.CONTEXT_SPECIFIC, 0, true, [signedData])]));
}
