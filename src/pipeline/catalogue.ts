/** The interface-text catalogue of a language from deckhand's own templates (or given roots), for callers outside a course build. */
import { usageError } from '../errors.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import { loadCatalogue, type Catalogue } from '../i18n/index.js';
import { BUILTIN_TEMPLATES } from '../render/template-set.js';

export function catalogueFor(lang: string, roots: readonly string[] = [BUILTIN_TEMPLATES]): Catalogue {
  const result = loadCatalogue(roots, lang);
  if (!result.ok) throw usageError(result.diagnostics.map(formatDiagnostic).join('\n'));
  return result.catalogue;
}
