/**
 * One catalogue message: text with `{name}` placeholders, or a plural message
 * (a map of CLDR plural categories to such texts, chosen by the `count` param).
 * Parsing is hand-written because the syntax is four rules long: `{name}` is a
 * placeholder, `{{` and `}}` are literal braces, any other brace is an error.
 * ICU MessageFormat would be a far larger dependency for that.
 */

export type Part = { text: string } | { name: string };

export const PLURAL_CATEGORIES = ['zero', 'one', 'two', 'few', 'many', 'other'] as const;
export type PluralCategory = (typeof PLURAL_CATEGORIES)[number];

export type Message = { kind: 'text'; parts: Part[] } | { kind: 'plural'; forms: Partial<Record<PluralCategory, Part[]>> & { other: Part[] } };

export type Parsed = { ok: true; parts: Part[] } | { ok: false; error: string };

const NAME = /^[A-Za-z][A-Za-z0-9]*$/;

export function parseText(source: string): Parsed {
  const parts: Part[] = [];
  let text = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if ((c === '{' || c === '}') && source[i + 1] === c) {
      text += c;
      i++;
      continue;
    }
    if (c === '}') return { ok: false, error: `has a "}" with no "{" before it (write "}}" for a literal brace)` };
    if (c === '{') {
      const end = source.indexOf('}', i + 1);
      const name = end < 0 ? '' : source.slice(i + 1, end);
      if (!NAME.test(name)) {
        return { ok: false, error: `has "{" that starts no placeholder: write {name} with letters and digits, or "{{" for a literal brace` };
      }
      if (text) parts.push({ text });
      text = '';
      parts.push({ name });
      i = end;
      continue;
    }
    text += c;
  }
  if (text) parts.push({ text });
  return { ok: true, parts };
}

/** Placeholder names of a message (all plural forms together), sorted. */
export function placeholdersOf(message: Message): string[] {
  const lists = message.kind === 'text' ? [message.parts] : Object.values(message.forms);
  const names = new Set<string>();
  for (const parts of lists) for (const p of parts ?? []) if ('name' in p) names.add(p.name);
  if (message.kind === 'plural') names.add('count');
  return [...names].sort();
}

export function isPluralCategory(key: string): key is PluralCategory {
  return (PLURAL_CATEGORIES as readonly string[]).includes(key);
}
