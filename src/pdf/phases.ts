/**
 * The PDF phases in their fixed order: decorate → seal → (archive → sign).
 * A target names the phases it goes through and their parameters; archive
 * (PDF/A-2b) and sign (PAdES incremental update, always the last write) slot
 * in after seal when they exist.
 */
import { decorate, openPdf, type DecorateRequest } from './decorate.js';
import { seal, type SealRequest, type Sealed } from './seal.js';

export const PDF_PHASES = ['decorate', 'seal'] as const;
export type PdfPhase = (typeof PDF_PHASES)[number];

export interface PhaseRequests {
  decorate?: DecorateRequest;
  seal: SealRequest;
}

/** Printed bytes → decorated (when asked) → sealed bytes. */
export async function runPdfPhases(printed: Uint8Array, requests: PhaseRequests): Promise<Sealed> {
  const doc = await openPdf(printed);
  if (requests.decorate) await decorate(doc, requests.decorate);
  return seal(doc, requests.seal);
}
