/**
 * Content is data. Before a view reaches a template, every string in it is
 * escaped for the template's output language (Markdown or HTML), so neither
 * `{{x}}` nor `{{{x}}}` can let course text become markup, a slide break, a Marp
 * directive or a template expression. Only values wrapped in `trusted()` (built
 * by deckhand itself, e.g. an SVG it generated) pass through unchanged.
 */

export class Trusted {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
  toHTML(): string {
    return this.value;
  }
}

/** Marks markup that deckhand generated itself (already escaped inside). */
export const trusted = (value: string): Trusted => new Trusted(value);

const HTML_ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;', '`': '&#96;', '=': '&#61;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"'`=]/g, (c) => HTML_ENTITIES[c] ?? c);
}

/**
 * Escapes text for an inline Markdown context in Marp:
 * - whitespace (including newlines) collapses to single spaces, so no line can
 *   start a block (`---`, `# `, `> `, `- `, a table row, a fence);
 * - `<`, `>` and `&` become entities, so no HTML or comment (Marp directive) opens;
 * - every other ASCII punctuation character is backslash-escaped, so no emphasis,
 *   link, image (`![bg](…)`), math (`$`), emoji shortcode or autolink forms.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[!-/:-@[-`{-~]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : `\\${c}`));
}

/** Returns a copy of `view` with every string escaped by `escape`; Trusted values are unwrapped as-is. */
export function escapeView<T>(view: T, escape: (s: string) => string): unknown {
  if (typeof view === 'string') return escape(view);
  if (view instanceof Trusted) return view.value;
  if (Array.isArray(view)) return view.map((v) => escapeView(v, escape));
  if (view !== null && typeof view === 'object') {
    const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
    for (const [key, value] of Object.entries(view)) out[key] = escapeView(value, escape);
    return out;
  }
  return view;
}
