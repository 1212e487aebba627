/**
 * A problem in a template file, pinned to that file and line: a Handlebars
 * parse error, a reference to a field the view does not have (strict mode, as
 * `check` compiles), or an asset a template refers to that is missing or refused.
 */
export class TemplateError extends Error {
  constructor(
    message: string,
    /** Absolute path of the template file. */
    readonly file: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(message);
    this.name = 'TemplateError';
  }

  /** Wraps whatever a template threw; an error already pinned to a (nested) partial keeps its place. */
  static from(error: unknown, file: string): TemplateError {
    if (error instanceof TemplateError) return error;
    const raw = error instanceof Error ? error.message : String(error);
    const e = error as { lineNumber?: number; column?: number };
    const parse = /^Parse error on line (\d+):\n[^\n]*\n(-*)\^\n(.*)$/s.exec(raw);
    if (parse) return new TemplateError(`Handlebars syntax error: ${parse[3]?.replace(/'/g, '') ?? raw}`, file, Number(parse[1]), 1);
    const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)$/.exec(raw);
    if (missing) {
      const name = missing[1] ?? '';
      return new TemplateError(`refers to "${name}", which the view does not have here (a misspelling, or a field outside its {{#each}}/{{#with}} block); guard optional fields with {{#if ${name}}}`, file, Number(missing[2]), Number(missing[3]) + 1);
    }
    const at = / - (\d+):(\d+)$/.exec(raw);
    const line = e.lineNumber ?? (at ? Number(at[1]) : 1);
    const column = (e.column ?? (at ? Number(at[2]) : 0)) + 1;
    return new TemplateError(raw.replace(/ - \d+:\d+$/, ''), file, line, column);
  }
}
