/**
 * The canonical form of an edition: the base course's content and the
 * overlay's (both without review blocks), plus the assets. It covers the base
 * even where the overlay replaces it, so any change to the base makes every
 * edition stale: a translator must look at what changed in the source.
 */
import type { Course } from '../content/schema.js';
import { canonicalForm, type Canonical } from './canonical.js';

export function editionCanonical(base: Course, overlay: Record<string, unknown>, assets: Record<string, string>): Canonical {
  const { review: _review, ...overlayContent } = overlay;
  const baseForm = canonicalForm(base, assets);
  const overlayForm = canonicalForm(overlayContent as unknown as Course);
  return { content: { base: baseForm.content, overlay: overlayForm.content }, assets: baseForm.assets };
}
