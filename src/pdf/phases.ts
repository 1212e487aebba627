/**
 * The PDF phases in their fixed order: decorate → seal → archive → sign.
 * A target names the phases it goes through and their parameters; the build
 * adds archive (PDF/A-2b, with --pdfa and always under --release) and sign
 * (PAdES B-B, released PDFs with --sign) to every PDF. Signing is the last
 * write. Neither archive nor sign changes the drawn-content hash the seal
 * recorded.
 *
 * The archive and sign code (with fast-xml-parser, @signpdf/* and node-forge)
 * is loaded only when a request asks for it: an ordinary build never does.
 */
import { decorate, openPdf, type DecorateRequest } from './decorate.js';
import { printableAnnotations } from './printable-annotations.js';
import { seal, type SealRequest, type Sealed } from './seal.js';
import type { SignOptions } from './sign/sign-pdf.js';

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

/** Loaded once, on the first request that asks (memoized promises: concurrent documents share one load). */
let archiveCode: Promise<[typeof import('./archive/to-pdfa.js'), typeof import('./archive/check-pdfa.js')]> | undefined;
let signCode: Promise<typeof import('./sign/sign-pdf.js')> | undefined;
const loadArchive = () => (archiveCode ??= Promise.all([import('./archive/to-pdfa.js'), import('./archive/check-pdfa.js')]));
const loadSign = () => (signCode ??= import('./sign/sign-pdf.js'));

/** Printed bytes → decorated (when asked) → sealed → archived → signed bytes. */
export async function runPdfPhases(printed: Uint8Array, requests: PhaseRequests): Promise<Finished> {
  const doc = await openPdf(printed);
  if (requests.decorate) await decorate(doc, { ...requests.decorate, ...(requests.archive ? { printableAnnotations: true } : {}) });
  else if (requests.archive) printableAnnotations(doc);
  const sealed = await seal(doc, requests.seal);
  let bytes = sealed.bytes;
  if (requests.archive) {
    const [{ toPdfA }, { checkPdfA }] = await loadArchive();
    bytes = await toPdfA(doc);
    const problems = checkPdfA(bytes);
    if (problems.length > 0) throw new Error(`the PDF/A-2b check failed: ${problems.join('; ')}`);
  }
  if (requests.sign) bytes = await (await loadSign()).signPdf(bytes, requests.sign);
  return { ...sealed, bytes, pdfa: requests.archive !== undefined, signed: requests.sign !== undefined };
}
