/** Turns zod issues into short messages a content author understands and can act on. */
import type { core } from 'zod';
import { BIDI_CONTROLS, FORBIDDEN_CHARS } from './schema.js';
import { closest } from './suggest.js';

type Issue = core.$ZodIssue;

const INVISIBLE = FORBIDDEN_CHARS;

// eslint-disable-next-line no-control-regex
const UNPRINTABLE = new RegExp(`[\\u0000-\\u001F\\u007F-\\u009F${BIDI_CONTROLS}\\uFEFF]`, 'gu');

/** Text safe to print on a terminal, at most `max` characters: control and bidi characters become `\u{…}`. */
export function printable(text: string, max = Infinity): string {
  if (text.length > max) text = `${text.slice(0, max)}…`;
  return text.replace(UNPRINTABLE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`);
}

/** How a YAML value reads back to a person: `the number 1000`, `a list`, `nothing (null)`. */
export function describeValue(value: unknown, written?: string): string {
  if (value === null) return 'nothing (null or ~)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text "${printable(value.length > 40 ? `${value.slice(0, 40)}…` : value)}"`;
    case 'number':
      return `the number ${written && /^[-+.\d]/.test(written) ? written : value}`;
    case 'boolean':
      return `the boolean ${written ?? value}`;
    case 'object':
      return 'a mapping';
    default:
      return String(typeof value);
  }
}

const TYPE_NAMES: Record<string, string> = {
  string: 'text',
  number: 'a number',
  array: 'a list',
  object: 'a mapping (key: value pairs)',
  boolean: 'true or false',
};

const DATE_FIELDS = new Set(['prepared', 'expires', 'date']);

const CHAR_NAMES: Record<number, string> = {
  0x0: 'NUL',
  0x7: 'BEL',
  0x1b: 'ESC',
  0x061c: 'ARABIC LETTER MARK',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE',
};

export interface IssueContext {
  /** The parsed value at the issue's path. */
  value: unknown;
  /** The value as written in the file, if it is a scalar. */
  written?: string;
}

export function messageFor(issue: Issue, { value, written }: IssueContext): string {
  const field = issue.path[issue.path.length - 1];
  const isDateField = typeof field === 'string' && DATE_FIELDS.has(field);
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return 'is required';
      if (value === null) return 'is empty; give it a value or delete the line';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      if (issue.expected === 'string' && isDateField) return `must be a date written as "YYYY-MM-DD" (in quotes), not ${describeValue(value, written)}`;
      const hint = issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean') ? `; put it in quotes: "${written ?? String(value)}"` : '';
      return `must be ${expected}, not ${describeValue(value, written)}${hint}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'array') return `has more than ${issue.maximum} items (the limit)`;
      if (typeof value === 'string') return `is ${value.length} characters long; the limit is ${issue.maximum}`;
      return issue.message;
    case 'invalid_value': {
      if (value === undefined) return 'is required';
      const allowed = issue.values.map((v) => JSON.stringify(v));
      if (allowed.length === 1) {
        const only = issue.values[0];
        return typeof only === 'number' && typeof value === 'string' ? `must be the number ${only}, without quotes` : `must be ${allowed[0]}`;
      }
      const guess = typeof value === 'string' ? closest(value, issue.values.map(String)) : undefined;
      return `must be one of ${allowed.join(', ')}, not ${describeValue(value, written)}${guess ? `; did you mean "${guess}"?` : ''}`;
    }
    case 'invalid_format':
    case 'custom': {
      if (typeof value === 'string' && INVISIBLE.test(value)) {
        const index = value.search(INVISIBLE);
        const code = value.codePointAt(index) ?? 0;
        const name = CHAR_NAMES[code] ?? 'control character';
        return `contains the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')} (${name}) after "${printable(value.slice(Math.max(0, index - 20), index))}"; remove it (it can hide or reorder text)`;
      }
      if (typeof value === 'string' && issue.code === 'invalid_format') return `${issue.message}; got "${printable(value.length > 40 ? `${value.slice(0, 40)}…` : value)}"`;
      return issue.message;
    }
    default:
      return issue.message;
  }
}
