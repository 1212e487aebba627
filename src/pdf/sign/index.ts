/** The sign phase (PAdES B-B, last write) and signature verification. */
export { signPdf, type SignOptions } from './sign-pdf.js';
export { verifySignature, type SignatureReport } from './verify-signature.js';
export { readP12, type SigningIdentity } from './p12.js';
export { drawCertificationBlock, utcMinute, type Box, type CertificationEntry, type CertificationLabels, type CertificationOptions, type CertificationResult } from '../certification-block.js';
