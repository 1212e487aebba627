/**
 * The PDF phases in their fixed order: decorate → seal → archive → sign.
 * A target names the phases it goes through and their parameters; the build
 * adds archive (PDF/A-2b, with --pdfa and always under --release) and sign
 * (PAdES B-B, released PDFs with --sign) to every PDF. Signing is the last
 * write. Neither archive nor sign changes the drawn-content hash the seal
 * recorded.
 */
import { checkPdfA } from './archive/check-pdfa.js';
import { printableAnnotations, toPdfA } from './archive/to-pdfa.js';
import { decorate, openPdf, type DecorateRequest } from './decorate.js';
import { seal, type SealRequest, type Sealed } from './seal.js';
import { signPdf, type SignOptions } from './sign/sign-pdf.js';

export const PDF_PHASES = ['decorate', 'seal', 'archive', 'sign'] as const;
export type PdfPhase = (typeof PDF_PHASES)[number];

export interface PhaseRequests {
  decorate?: DecorateRequest;
  seal: SealRequest;
  /** PDF/A-2b; the structural check must pass or the phase throws. */
  archive?: Record<string, never>;
  sign?: SignOptions;
}

export interface Finished extends Sealed {
  /** PDF/A-2b made and checked. */
  pdfa: boolean;
  signed: boolean;
}

/** Printed bytes → decorated (when asked) → sealed → archived → signed bytes. */
export async function runPdfPhases(printed: Uint8Array, requests: PhaseRequests): Promise<Finished> {
  const doc = await openPdf(printed);
  if (requests.decorate) await decorate(doc, { ...requests.decorate, ...(requests.archive ? { printableAnnotations: true } : {}) });
  else if (requests.archive) printableAnnotations(doc);
  const sealed = await seal(doc, requests.seal);
  let bytes = sealed.bytes;
  if (requests.archive) {
    bytes = await toPdfA(doc);
    const problems = checkPdfA(bytes);
    if (problems.length > 0) throw new Error(`the PDF/A-2b check failed: ${problems.join('; ')}`);
  }
  if (requests.sign) bytes = await signPdf(bytes, requests.sign);
  return { ...sealed, bytes, pdfa: requests.archive !== undefined, signed: requests.sign !== undefined };
}
