/**
 * The invisible line-break hints hyphenation puts into running text: U+00AD
 * (soft hyphen, a possible break with a visible hyphen) and U+2060 (word
 * joiner, no break here: document codes). They take no room on a line, so
 * lengths are measured without them, and text that does not wrap on a page
 * (speaker notes, bookmarks, pdf-lib drawn text) drops them.
 */
export const SOFT_HYPHEN = '\u00AD';
export const WORD_JOINER = '\u2060';

const HINTS = /[\u00AD\u2060]/g;

/** The text without soft hyphens and word joiners. */
export const withoutBreakHints = (text: string): string => text.replace(HINTS, '');

/** Characters a reader sees: the length without the break hints. */
export const visibleLength = (text: string): number => text.length - (text.match(HINTS)?.length ?? 0);

/** True for a break hint character. */
export const isBreakHint = (c: string | undefined): boolean => c === SOFT_HYPHEN || c === WORD_JOINER;
