/**
 * The DevCompile `deckhand dev` runs: the build's own compile step
 * (src/compile) without a browser, remembering what it made last. The deck and
 * the handout are keyed like the build cache keys them (content, review state,
 * date, theme, paper, and the hash of the template files each one read last
 * time), so a save that touches only a handout template re-renders only the
 * handout, and a save that changes nothing renders nothing.
 * A template that fails to render becomes a diagnostic, so the overlay shows
 * it instead of the server dying.
 */
import { resolve } from 'node:path';
import { compileDeck, compileHandout, compileView } from '../compile/compile.js';
import { interfaceText, type InterfaceText } from '../compile/interface-text.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { BASE_EDITION } from '../content/edition.js';
import { sha256 } from '../pipeline/cache.js';
import { reviewDay, sourceDate } from '../pipeline/dates.js';
import { prepareCourse } from '../pipeline/prepare-course.js';
import { fontFaceCss, type FontCss } from '../render/fonts.js';
import type { CourseView } from '../render/course-view.js';
import { BUILTIN_TEMPLATES, type TemplateSet } from '../render/template-set.js';
import type { DevCompile, DevPages, DevPart } from './compile-types.js';

export interface CourseCompileOptions {
  env?: NodeJS.ProcessEnv;
  text?: InterfaceText;
  /** The base templates folder (default: deckhand's own templates/). */
  baseTemplates?: string;
  /** @font-face CSS (default: the build's embedded fonts). */
  fonts?: FontCss;
}

interface Made {
  key: string;
  reads: readonly string[];
  html: string;
}

/** A DevCompile with its own memory of the last deck and handout (one per server). */
export function courseCompile(options: CourseCompileOptions = {}): DevCompile {
  const fonts = options.fonts ?? fontFaceCss;
  const last: Partial<Record<DevPart, Made>> = {};
  // The source date is found once per server (it may run git, which is slow to spawn on every save).
  const epochs = new Map<string, string>();

  return async (courseDir, edition) => {
    const env = options.env ?? process.env;
    let epoch = epochs.get(courseDir);
    if (epoch === undefined) {
      try {
        epoch = String(Math.floor(sourceDate(courseDir, env).date.getTime() / 1000));
        epochs.set(courseDir, epoch);
      } catch {
        // No course.yaml yet: prepareCourse below says so.
      }
    }
    const dated = epoch === undefined ? env : { ...env, SOURCE_DATE_EPOCH: epoch };
    // A fresh template set each time: templates are read from disk again, so edits show.
    const prepared = prepareCourse(courseDir, { today: reviewDay(env), env: dated, ...(edition && edition !== BASE_EDITION ? { edition } : {}), ...(options.baseTemplates ? { baseTemplates: options.baseTemplates } : {}) });
    if (!prepared.ok) return { diagnostics: prepared.diagnostics };
    const { course } = prepared;
    const { input, templates } = course;
    // The edition's own interface text (templates/i18n/<lang>.yaml), as the build uses.
    const text = options.text ?? interfaceText(input.catalogue);
    const inputKey = sha256(JSON.stringify([course.canonicalJson, input.state, input.date.toISOString(), input.theme, input.paper]));
    let view: CourseView | undefined;
    const viewOf = () => (view ??= compileView(input, text));
    const rebuilt: DevPart[] = [];
    try {
      const part = (name: DevPart, make: () => { html: string; reads: readonly string[] }): string => {
        const before = last[name];
        if (before && before.key === keyOf(inputKey, templates, before.reads)) return before.html;
        const { html, reads } = make();
        last[name] = { key: keyOf(inputKey, templates, reads), reads, html };
        rebuilt.push(name);
        return html;
      };
      const pages: DevPages = {
        deck: part('deck', () => {
          const deck = compileDeck(input, templates, { fonts, text }, viewOf());
          return { html: deck.html, reads: deck.reads.html };
        }),
        handout: part('handout', () => compileHandout(input, templates, { fonts, text }, viewOf())),
      };
      return { pages, rebuilt };
    } catch (error) {
      return { diagnostics: [templateDiagnostic(error, course.templatesDir ?? options.baseTemplates ?? BUILTIN_TEMPLATES)] };
    }
  };
}

const keyOf = (inputKey: string, templates: TemplateSet, reads: readonly string[]) => `${inputKey}:${templates.fingerprint(reads)}`;

/** Handlebars errors name a line ("Parse error on line 12"); other render errors get line 1 of the templates folder. */
function templateDiagnostic(error: unknown, dir: string): Diagnostic {
  const message = error instanceof Error ? error.message : String(error);
  const line = Number(/line (\d+)/.exec(message)?.[1] ?? 1);
  const column = Number(/column (\d+)/.exec(message)?.[1] ?? 1);
  return { file: dir, line, column, path: 'template', message: message.split('\n')[0] ?? message };
}

/** What a preview depends on: the course (with its editions, assets and templates) and deckhand's templates, themes and i18n catalogue. */
export function courseWatchPaths(courseDir: string, baseTemplates: string = BUILTIN_TEMPLATES): string[] {
  return [resolve(courseDir), baseTemplates];
}
