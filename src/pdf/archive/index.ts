/** The archive phase (PDF/A-2b) and its structural check. */
export { toPdfA, printableAnnotations, type PdfaOptions } from './to-pdfa.js';
export { checkPdfA } from './check-pdfa.js';
export { srgbProfile, SRGB_SHA256 } from './icc-profile.js';
export { withPdfaSchema, deckhandProperties } from './xmp-schema.js';
