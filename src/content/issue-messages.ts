/** Turns zod issues into short messages a content author understands. */
import type { core } from 'zod';

type Issue = core.$ZodIssue;

/** How a YAML value reads back to a person: `the number 1000`, `a list`, `nothing (null)`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'nothing (null or ~)';
  if (Array.isArray(value)) return 'a list';
  switch (typeof value) {
    case 'string':
      return `the text "${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
    case 'number':
      return `the number ${value}`;
    case 'boolean':
      return `the boolean ${value}`;
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

export function messageFor(issue: Issue, value: unknown): string {
  switch (issue.code) {
    case 'invalid_type': {
      if (value === undefined) return 'is required';
      const expected = TYPE_NAMES[issue.expected] ?? issue.expected;
      const hint = issue.expected === 'string' && (typeof value === 'number' || typeof value === 'boolean' || value === null)
        ? '; put the value in quotes'
        : '';
      return `must be ${expected}, not ${describeValue(value)}${hint}`;
    }
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      return issue.message;
    case 'too_big':
      if (issue.origin === 'array') return `has more than ${issue.maximum} items (the limit)`;
      return issue.message;
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, not ${describeValue(value)}`;
    default:
      return issue.message;
  }
}
