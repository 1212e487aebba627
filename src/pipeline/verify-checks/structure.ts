/**
 * verify check: the file as a viewer reads it. The structure reader follows
 * startxref and /Prev like a viewer; anything it would tolerate silently
 * (duplicate object definitions, objects the xref hides, stale offsets,
 * bytes after %%EOF) is refused, and so is any incremental update: deckhand
 * writes each released file in one revision (signing included), so a later
 * revision was made by someone else. A personalised copy's own update is
 * accepted by the personalisation check, not here.
 */
import { readStructure, type PdfStructure } from '../../pdf/structure/index.js';

export interface StructureCheck {
  structure?: PdfStructure;
  problems: string[];
  /** Revisions after the first (incremental updates). */
  updates: number;
}

export function checkStructure(bytes: Uint8Array): StructureCheck {
  let structure: PdfStructure;
  try {
    structure = readStructure(bytes);
  } catch (error) {
    return { problems: [`the file structure cannot be read the way a viewer reads it: ${(error as Error).message}`], updates: 0 };
  }
  const problems = structure.problems.map((p) => `file structure: ${p}`);
  if (structure.revisions.length === 0) problems.push('file structure: no cross-reference section a viewer could follow');
  return { structure, problems, updates: Math.max(0, structure.revisions.length - 1) };
}

/** The refusal for incremental updates no deckhand step made (see the personalisation check for deckhand's own). */
export function foreignUpdates(check: StructureCheck): string[] {
  if (!check.structure || check.updates === 0) return [];
  return check.structure.revisions.slice(1).map((r) => `an incremental update not made by deckhand was appended at byte ${r.start} (objects ${r.objects.slice(0, 12).join(', ')}${r.objects.length > 12 ? ', …' : ''}): what a viewer draws may differ from what was approved`);
}
