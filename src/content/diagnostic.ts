import { printable } from './issue-messages.js';

/** A problem found in a course, pinned to file:line:column and the field it concerns. */
export interface Diagnostic {
  file: string;
  line: number;
  column: number;
  /** Field path such as `faq[2].answer`; `(file)` for problems with the file as a whole. */
  path: string;
  message: string;
}

/** `faq[2].answer` from `['faq', 2, 'answer']`. */
export function formatPath(path: readonly (string | number)[]): string {
  if (path.length === 0) return '(file)';
  return path.reduce<string>((out, part) => {
    if (typeof part === 'number') return `${out}[${part}]`;
    const shown = part.length > 30 ? `${part.replace(/\s+/g, ' ').slice(0, 30)}…` : part;
    // Control and bidi characters would garble or reorder the terminal line.
    const key = /^[A-Za-z_$][\w$-]*$/.test(part) ? part : printable(JSON.stringify(shown));
    return out ? `${out}.${key}` : key;
  }, '');
}

/** The one-line human form: `decks/x/course.yaml:12:5  faq[2].answer  is required`. */
export function formatDiagnostic(d: Diagnostic): string {
  return `${d.file}:${d.line}:${d.column}  ${d.path}  ${d.message}`;
}

export function sortDiagnostics(list: Diagnostic[]): Diagnostic[] {
  return [...list].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path));
}
