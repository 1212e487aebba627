/**
 * The personalisation part of `verify`, on its own so other checks can reuse
 * it: is this file one deckhand PDF revision, or one such revision followed
 * by exactly the incremental update `deckhand personalize` makes, filling
 * only the approved slot (the template set's personalization.yaml)? The rest
 * of verify then judges `baseBytes` — the original revision, byte for byte —
 * against the approved source.
 *
 * Any other update (another page, an annotation, a second update, bytes after
 * %%EOF, a personalisation re-saved as a whole) is a problem that names what
 * changed.
 */
import { inspectPersonalization } from '../personalize/index.js';
import { slotDeclarationOf } from '../render/slot-declaration.js';
import type { TemplateSet } from '../render/template-set.js';
import { formatDiagnostic } from '../content/diagnostic.js';

export interface PersonalisationCheck {
  personalised: boolean;
  /** The original revision: what the approved-source checks must read. */
  baseBytes: Uint8Array;
  /** The rep id, the filled fields and the recorded date (ISO 8601 UTC), when personalised. */
  rep?: string;
  fields?: Record<string, string>;
  date?: string;
  /** Empty when the file is a clean single revision or a clean personalised copy. */
  problems: string[];
}

export async function checkPersonalisation(bytes: Uint8Array, templates: TemplateSet): Promise<PersonalisationCheck> {
  const declared = slotDeclarationOf(templates);
  const report = await inspectPersonalization(bytes, declared.ok ? declared.slot : undefined);
  const problems = [...report.problems];
  if (!declared.ok && report.personalised) problems.push(`the approved slot cannot be read to check it against: ${declared.diagnostics.map(formatDiagnostic).join('; ')}`);
  return {
    personalised: report.personalised,
    baseBytes: report.baseBytes,
    ...(report.rep !== undefined ? { rep: report.rep } : {}),
    ...(report.fields ? { fields: report.fields } : {}),
    ...(report.date ? { date: report.date } : {}),
    problems,
  };
}
