/**
 * What a value in a reps CSV may be. Values are data for one approved slot:
 * plain one-line text, never markup, never characters that hide or reorder
 * text, never longer than the slot allows; a QR value is an https URL.
 */
import { FORBIDDEN_CHARS } from '../content/schema.js';
import type { SlotField } from '../render/slot-declaration.js';

/**
 * Beyond the course rules (controls, bidi overrides/isolates, BOMs,
 * noncharacters): bidi marks, zero-width characters and Unicode line
 * separators, which are just as invisible in a one-line contact box.
 */
const INVISIBLE = /[\u061C\u180E\u200B-\u200F\u2028\u2029\u2060-\u2064]/u;
const LINE_BREAK = /[\t\n\r]/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/u;
const PHONE = /^\+?[0-9][0-9 ().\/-]*$/;

const hex = (c: string) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;

/** Why `value` may not fill `field`, or undefined when it may. `value` is already trimmed. */
export function cellProblem(field: SlotField, value: string): string | undefined {
  if (value === '') return field.required ? 'is required and empty' : undefined;
  if (!value.isWellFormed()) return 'contains a broken character (an unpaired UTF-16 surrogate); retype it';
  const lineBreak = LINE_BREAK.exec(value);
  if (lineBreak) return `contains a ${lineBreak[0] === '\t' ? 'tab' : 'line break'}; slot fields are one line`;
  const hidden = FORBIDDEN_CHARS.exec(value) ?? INVISIBLE.exec(value);
  if (hidden) return `contains the invisible control or bidi character ${hex(hidden[0])}; remove it (it could hide or reorder text)`;
  const length = [...value].length;
  if (length > field.maxLength) return `is ${length} characters long; the slot allows at most ${field.maxLength}`;
  if (field.kind === 'qr') return urlProblem(value);
  if (field.format === 'email' && !EMAIL.test(value)) return 'is not an e-mail address (name@example.org)';
  if (field.format === 'phone' && !PHONE.test(value)) return 'is not a phone number (digits, spaces, + ( ) . / -)';
  return undefined;
}

function urlProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL; write it in full, starting with https://';
  }
  if (url.protocol !== 'https:') return `must be an https:// URL, not ${url.protocol}`;
  if (!url.hostname) return 'has no host name';
  if (url.username || url.password) return 'must not carry a user name or password';
  if (/\s/.test(value)) return 'must not contain spaces';
  return undefined;
}
