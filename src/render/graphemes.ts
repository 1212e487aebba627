/**
 * Where text may be cut: between grapheme clusters (user-perceived characters,
 * UAX #29), never inside a surrogate pair, a combining sequence or an emoji ZWJ
 * sequence. Uses Intl.Segmenter, which Node ships with full ICU.
 */
const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** The grapheme clusters of `text`, in order. */
export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/**
 * The largest grapheme boundary at or before UTF-16 offset `limit`, but at least
 * the end of the first cluster (so a cut always makes progress).
 */
export function boundaryAtOrBefore(text: string, limit: number): number {
  if (limit >= text.length) return text.length;
  let best = 0;
  for (const { index, segment } of segmenter.segment(text)) {
    const end = index + segment.length;
    if (end > limit) return best === 0 ? end : best;
    best = end;
  }
  return best;
}
