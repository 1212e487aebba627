/** A template error as a diagnostic at the template's file:line:column (its own module, so a build that compiles nothing does not load the compiler). */
import type { Diagnostic } from '../content/diagnostic.js';
import { displayPath } from '../content/load-course.js';
import type { TemplateError } from '../render/template-error.js';

export function templateDiagnostic(error: TemplateError, cwd?: string): Diagnostic {
  return { file: displayPath(error.file, cwd), line: error.line, column: error.column, path: '(template)', message: error.message };
}
