/**
 * File names for personalised copies, made from a CSV value. The result is
 * safe on Linux, macOS and Windows: letters, digits, dot, underscore and
 * hyphen only, no leading dot, no reserved device name, bounded length.
 * Two values that give the same name (compared case-insensitively, as macOS
 * and Windows do) are a clash, which the caller reports.
 */

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;
const MAX_NAME = 80;

/** The safe form of `value`, or undefined when nothing usable is left. */
export function safeFileName(value: string): string | undefined {
  const name = value
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}._-]+/gu, '-')
    .replace(/-{2,}/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '');
  const bounded = [...name].slice(0, MAX_NAME).join('').replace(/[.-]+$/, '');
  if (!bounded) return undefined;
  return RESERVED.test(bounded.split('.')[0] ?? '') ? `_${bounded}` : bounded;
}

/** The key two names clash under. */
export const clashKey = (name: string) => name.normalize('NFC').toLowerCase();
