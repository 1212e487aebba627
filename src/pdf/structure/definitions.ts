/**
 * Every object definition present in the bytes, whether or not a
 * cross-reference section points at it: `N G obj` at top level (skipping
 * over each parsed object, so stream data is not mistaken for headers) and
 * every member of every object stream.
 */
import type { PdfBytes } from './pdf-bytes.js';
import { indexObjectStream, isObjectStream } from './object-streams.js';

export interface FoundDefinition {
  num: number;
  gen: number;
  offset: number;
  inObjectStream?: number;
  /** Index inside the object stream. */
  index?: number;
}

export function scanDefinitions(file: PdfBytes, problems: string[]): FoundDefinition[] {
  const found: FoundDefinition[] = [];
  const header = /(?<![0-9])(\d+)[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]+obj(?![A-Za-z])/g;
  let m: RegExpExecArray | null;
  while ((m = header.exec(file.text))) {
    const num = Number(m[1]);
    const gen = Number(m[2]);
    const offset = m.index;
    try {
      const { object, end } = file.objectAt(offset + m[0].length);
      found.push({ num, gen, offset });
      header.lastIndex = Math.max(end, header.lastIndex);
      if (isObjectStream(object)) {
        try {
          indexObjectStream(object, file.context).nums.forEach((member, index) => found.push({ num: member, gen: 0, offset, inObjectStream: num, index }));
        } catch (error) {
          problems.push(`object stream ${num} at byte ${offset} cannot be read: ${(error as Error).message}`);
        }
      }
    } catch (error) {
      problems.push(`object ${num} ${gen} at byte ${offset} cannot be parsed: ${(error as Error).message}`);
    }
  }
  return found;
}
