/**
 * Reads a detached CMS SignedData and checks it against the signed bytes:
 * message digest, the signature over the signed attributes, and the ESS
 * signing-certificate-v2 binding. node-forge parses the ASN.1 (its PKCS#7
 * module cannot verify signatures); node:crypto does the verification.
 */
import { X509Certificate, createHash, verify } from 'node:crypto';
import forge from 'node-forge';
import { issuerAndSerial } from './cades.js';
import { DIGESTS, OID } from './oids.js';

const { asn1 } = forge;
type Node = forge.asn1.Asn1;

export interface CmsCheck {
  certificates: X509Certificate[];
  signer?: X509Certificate;
  digestMatches: boolean;
  signatureValid: boolean;
  /** ESS signing-certificate-v2 present and naming the signer's certificate (PAdES B-B). */
  signingCertificateBound: boolean;
  cmsSigningTime?: Date;
  problems: string[];
}

const kids = (n: Node | undefined): Node[] => (Array.isArray(n?.value) ? (n.value as Node[]) : []);
const der = (n: Node) => Buffer.from(asn1.toDer(n).getBytes(), 'binary');
const oidOf = (n: Node | undefined) => (n && typeof n.value === 'string' ? asn1.derToOid(n.value) : '');
const bytesOf = (n: Node | undefined) => Buffer.from(typeof n?.value === 'string' ? n.value : '', 'binary');

export function checkCms(cms: Uint8Array, signed: Uint8Array): CmsCheck {
  const problems: string[] = [];
  const fail = (message: string): CmsCheck => ({ certificates: [], digestMatches: false, signatureValid: false, signingCertificateBound: false, problems: [...problems, message] });
  let root: Node;
  try {
    // /Contents is zero-padded after the DER; forge's typings lack the options form of fromDer.
    const options = { parseAllBytes: false } as unknown as boolean;
    root = asn1.fromDer(forge.util.createBuffer(Buffer.from(cms).toString('binary')), options);
  } catch (error) {
    return fail(`the signature is not readable CMS: ${(error as Error).message}`);
  }
  const [type, wrapped] = kids(root);
  if (oidOf(type) !== OID.signedData) return fail('the signature is not a CMS SignedData');
  const signedData = kids(wrapped)[0];
  const parts = kids(signedData);
  const certSet = parts.find((p) => p.tagClass === asn1.Class.CONTEXT_SPECIFIC && p.type === 0);
  const certificates = kids(certSet).map((c) => new X509Certificate(der(c)));
  const signerInfo = kids(parts.at(-1))[0];
  const [, sid, digestAlg, attrs, , signatureNode] = kids(signerInfo);
  if (!signerInfo || !sid || !attrs || attrs.tagClass !== asn1.Class.CONTEXT_SPECIFIC || !signatureNode) return fail('the CMS has no signer with signed attributes');

  const [sidIssuer, sidSerial] = kids(sid);
  const signer = certificates.find((c) => {
    const { issuer, serial } = issuerAndSerial(c);
    return sidIssuer && sidSerial && der(issuer).equals(der(sidIssuer)) && der(serial).equals(der(sidSerial));
  });
  if (!signer) problems.push('the CMS does not carry the signer\'s certificate');

  const digestName = DIGESTS[oidOf(kids(digestAlg)[0])];
  if (!digestName) return fail(`the CMS uses an unsupported digest algorithm ${oidOf(kids(digestAlg)[0])}`);
  /** The value SET of the signed attribute `id`. */
  const attribute = (id: string) => kids(kids(attrs).find((a) => oidOf(kids(a)[0]) === id))[1];
  const digest = bytesOf(kids(attribute(OID.messageDigest))[0]);
  const digestMatches = digest.length > 0 && digest.equals(createHash(digestName).update(signed).digest());
  if (!digestMatches) problems.push('the signed bytes do not match the message digest in the signature: the file was changed after signing');

  // The signature covers the signed attributes re-tagged as a SET OF (RFC 5652 §5.4).
  const signedAttrs = der(attrs);
  signedAttrs[0] = 0x31;
  let signatureValid = false;
  try {
    signatureValid = !!signer && verify(digestName, signedAttrs, signer.publicKey, bytesOf(signatureNode));
  } catch (error) {
    problems.push(`the signature cannot be checked: ${(error as Error).message}`);
  }
  if (signer && !signatureValid) problems.push('the signature over the signed attributes does not verify with the signer\'s certificate');

  const essCertHash = bytesOf(kids(kids(kids(kids(attribute(OID.signingCertificateV2))[0])[0])[0])[0]);
  const signingCertificateBound = !!signer && essCertHash.length > 0 && essCertHash.equals(createHash('sha256').update(signer.raw).digest());
  if (!signingCertificateBound) problems.push('the CMS lacks an ESS signing-certificate-v2 attribute naming the signer (not PAdES baseline B-B)');

  const timeNode = kids(attribute(OID.signingTime))[0];
  const cmsSigningTime = timeNode && typeof timeNode.value === 'string' ? (timeNode.type === asn1.Type.UTCTIME ? asn1.utcTimeToDate(timeNode.value) : asn1.generalizedTimeToDate(timeNode.value)) : undefined;
  return { certificates, ...(signer ? { signer } : {}), digestMatches, signatureValid, signingCertificateBound, ...(cmsSigningTime ? { cmsSigningTime } : {}), problems };
}
