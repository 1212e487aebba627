/** What layout needs to know of the slot font: which code points it draws, and how wide each is per point of type size. */
export interface FontMetrics {
  has(codePoint: number): boolean;
  width(codePoint: number): number;
}

/** Metrics from a prepared subset's glyph table (code point → [glyph id, width]): all a worker has. */
export const subsetMetrics = (glyphs: Map<number, [number, number]>): FontMetrics => ({
  has: (cp) => glyphs.has(cp),
  width: (cp) => glyphs.get(cp)?.[1] ?? 0,
});
