/**
 * A DevCompile over wave 1's pure pieces (prepareCourse, renderDeck,
 * renderHandout). The pipeline's compile step replaces it when it lands.
 * A template that fails to render becomes a diagnostic too, so the overlay
 * shows it instead of the server dying.
 */
import { resolve } from 'node:path';
import { prepareCourse } from '../build/prepare-course.js';
import { reviewDay } from '../build/dates.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { renderDeck } from '../deck/render-deck.js';
import { renderHandout } from '../handout/render-handout.js';
import { BUILTIN_TEMPLATES } from '../render/template-set.js';
import { fontFaceCss } from '../render/fonts.js';
import type { DevCompile, DevCompileResult } from './compile-types.js';

export const defaultCompile: DevCompile = async (courseDir, edition) => {
  if (edition && edition !== 'base') {
    return { diagnostics: [{ file: resolve(courseDir), line: 1, column: 1, path: '', message: `editions need the pipeline's compile step; this preview can only show the base edition, not "${edition}"` }] };
  }
  const prepared = prepareCourse(courseDir, { today: reviewDay(process.env) });
  if (!prepared.ok) return { diagnostics: prepared.diagnostics };
  const { course } = prepared;
  const c = course.loaded.course;
  try {
    const deck = renderDeck(course.templates, course.view, course.theme, { ...c.speakerNotes, ladder: c.ladder.notes, team: c.team.notes }, fontFaceCss);
    const handout = renderHandout(course.templates, course.view, course.paper, fontFaceCss);
    return { pages: { deck: deck.html, handout } } satisfies DevCompileResult;
  } catch (error) {
    return { diagnostics: [templateDiagnostic(error, course.templatesDir ?? BUILTIN_TEMPLATES)] };
  }
};

/** Handlebars errors name a line ("Parse error on line 12"); other render errors get line 1 of the templates folder. */
function templateDiagnostic(error: unknown, dir: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
  const column = Number(/column (\d+)/.exec(message)?.[1] ?? 1);
  return { file: dir, line, column, path: 'template', message: message.split('\n')[0] ?? message };
}

/** What the default compile reads: the course (with its editions, assets and templates) and deckhand's templates, themes and i18n. */
export function defaultWatchPaths(courseDir: string): string[] {
  return [resolve(courseDir), BUILTIN_TEMPLATES];
}
