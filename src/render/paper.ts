/** Paper sizes and lengths in PDF points (1/72 in). Exact ISO and US sizes. */

export const MM = 72 / 25.4;

export const PAPER_SIZES = {
  a4: { width: 210 * MM, height: 297 * MM },
  letter: { width: 612, height: 792 },
} as const;

export type PaperId = keyof typeof PAPER_SIZES;

/** "3mm", "0.125in", "9pt" → points. */
export function parseLength(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(mm|in|pt)\s*$/.exec(text);
  if (!m) return undefined;
  const value = Number(m[1]);
  return m[2] === 'mm' ? value * MM : m[2] === 'in' ? value * 72 : value;
}
