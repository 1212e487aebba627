/** PDF structure inspection for verify: revisions, definitions, and the xref-resolved view. */
export { readStructure } from './read-structure.js';
export { xrefView, type XrefView } from './xref-view.js';
export type { Duplicate, ObjectDefinition, PdfStructure, Revision, XrefEntry } from './types.js';
export { revisionBytes, revisionAdds } from './revisions.js';
export { drawnContentHash, type DrawnSource } from './drawn-content-hash.js';
