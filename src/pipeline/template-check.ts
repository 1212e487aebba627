/**
 * `check` compiles every template a course uses, as a build would (deck
 * Markdown and its partials, the Marp theme, the HTML shell, the handout and
 * its partials), in Handlebars' strict mode: a syntax error or a reference to a
 * field the view does not have is reported at template:line, not at course.yaml.
 */
import { compileDeck, compileHandout } from '../compile/compile.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { TemplateError } from '../render/template-error.js';
import type { PreparedCourse } from './prepare-course.js';
import { templateDiagnostic } from './template-diagnostic.js';

export { templateDiagnostic };

export function templateProblems(course: PreparedCourse, cwd?: string): Diagnostic[] {
  const strict = course.templates.strict();
  const problems: Diagnostic[] = [];
  const options = { fonts: () => '' };
  for (const make of [() => compileDeck(course.input, strict, options), () => compileHandout(course.input, strict, options)]) {
    try {
      make();
    } catch (error) {
      if (!(error instanceof TemplateError)) throw error;
      problems.push(templateDiagnostic(error, cwd));
    }
  }
  return problems;
}
