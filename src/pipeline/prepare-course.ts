/**
 * Everything about one course that the build needs before rendering: the
 * validated content, its templates, approval state, dates and the view.
 * Problems come back as diagnostics; nothing is written here.
 */
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { Diagnostic } from '../content/diagnostic.js';
import { formatPath } from '../content/diagnostic.js';
import { printable } from '../content/issue-messages.js';
import { loadCourse, type LoadedCourse } from '../content/load-course.js';
import type { CompileInput } from '../compile/compile.js';
import { BASE_EDITION, type Edition } from '../content/edition.js';
import { TemplateSet } from '../render/template-set.js';
import { approvalState, type ApprovalState } from '../review/approval-state.js';
import { canonicalForm, canonicalJson, fingerprint, type Canonical } from '../review/canonical.js';
import { courseInputs } from '../review/course-inputs.js';
import { readSnapshot } from '../review/snapshot.js';
import type { PaperId } from '../render/paper.js';
import { isoDay, sourceDate } from './dates.js';

export const DEFAULT_THEME = 'clinical';

/** One prepared edition (today every course has only its base edition). */
export interface PreparedCourse {
  loaded: LoadedCourse;
  /** The course id. */
  id: string;
  edition: Edition;
  /** What the compile step takes. */
  input: CompileInput;
  templates: TemplateSet;
  /** The course's own templates folder, if it has one. */
  templatesDir?: string;
  theme: string;
  paper: PaperId;
  canonical: Canonical;
  canonicalJson: string;
  fingerprint: string;
  state: ApprovalState;
  date: Date;
}

export type Prepared = { ok: true; course: PreparedCourse } | { ok: false; diagnostics: Diagnostic[] };

export interface PrepareOptions {
  paper?: PaperId;
  /** YYYY-MM-DD against which review expiry is judged. */
  today: string;
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Template sets already loaded in this build, by course templates folder (courses sharing one share the set). */
  templateSets?: Map<string, TemplateSet>;
  /** The base templates folder (default: deckhand's own templates/). */
  baseTemplates?: string;
}

function templateSetFor(overrideDir: string | undefined, templateSets = new Map<string, TemplateSet>(), baseDir: string | undefined, courseDir: string): TemplateSet {
  const key = `${overrideDir ?? ''}\0${baseDir ?? ''}`;
  let set = templateSets.get(key);
  if (!set) {
    set = new TemplateSet(overrideDir, baseDir, overrideDir ? courseDir : undefined);
    templateSets.set(key, set);
  }
  return set;
}

export function prepareCourse(dir: string, options: PrepareOptions): Prepared {
  const result = loadCourse(dir, options.cwd);
  if (!result.ok) return result;
  const { loaded } = result;
  const { course } = loaded;
  const problem = (path: (string | number)[], message: string): Prepared => {
    const pos = loaded.sourceMap.positionOf(path);
    return { ok: false, diagnostics: [{ file: loaded.file, line: pos.line, column: pos.column, path: formatPath(path), message }] };
  };

  let templatesDir: string | undefined;
  if (course.presentation?.templates) {
    templatesDir = resolve(loaded.dir, course.presentation.templates);
    if (!existsSync(templatesDir)) return problem(['presentation', 'templates'], `folder "${course.presentation.templates}" does not exist in the course folder`);
    // Resolve links too, so a symlink cannot lead outside the course.
    const rel = relative(realpathSync(loaded.dir), realpathSync(templatesDir));
    if (rel.startsWith('..') || isAbsolute(rel) || rel.split(sep).includes('..')) {
      return problem(['presentation', 'templates'], 'must be a folder inside the course folder');
    }
    // A templates folder holding course.yaml would put the course file and approval.json into the fingerprint.
    if (rel === '' || !relative(realpathSync(templatesDir), realpathSync(loaded.dir)).startsWith('..')) {
      return problem(['presentation', 'templates'], `"${course.presentation.templates}" is the course folder itself, which holds course.yaml and approval.json; name a subfolder of its own, e.g. templates`);
    }
  }
  const templates = templateSetFor(templatesDir, options.templateSets, options.baseTemplates, loaded.dir);
  // Every template file was checked when the set was loaded; a refused one was never read.
  if (templates.problems.length > 0) {
    const pos = loaded.sourceMap.positionOf(['presentation', 'templates']);
    const shown = (root: number, rel: string) => (root === 0 && templatesDir ? `${course.presentation?.templates}/${printable(rel, 80)}`.replace(/^\.\//, '') : `${templates.roots[root]}/${printable(rel, 80)}`);
    return {
      ok: false,
      diagnostics: templates.problems.map(({ root, rel, reason }) => ({ file: loaded.file, line: pos.line, column: pos.column, path: 'presentation.templates', message: `${shown(root, rel)} ${reason}; every template file must be inside the course folder` })),
    };
  }
  const theme = course.presentation?.theme ?? DEFAULT_THEME;
  if (!templates.has(`themes/${theme}.css`)) {
    return problem(['presentation', 'theme'], `theme "${theme}" not found (looked for themes/${theme}.css in ${templates.roots.join(' and ')})`);
  }
  if (!new RegExp(`@theme\\s+${theme}\\b`).test(templates.text(`themes/${theme}.css`))) {
    return problem(['presentation', 'theme'], `themes/${theme}.css must declare its name with a /* @theme ${theme} */ comment, or Marp will not find it`);
  }

  const canonical = canonicalForm(course, courseInputs(loaded, templatesDir));
  const print = fingerprint(canonical);
  const state = approvalState(course, { fingerprint: print, canonical }, readSnapshot(loaded.dir), options.today);
  const { date } = sourceDate(loaded.dir, options.env);
  const edition: Edition = { course: course.id, edition: BASE_EDITION, language: course.language, ...(course.markets.length === 1 && course.markets[0] ? { market: course.markets[0] } : {}) };
  const paper = options.paper ?? course.presentation?.paper ?? 'a4';
  return {
    ok: true,
    course: {
      loaded,
      id: course.id,
      edition,
      input: { edition, course, state, assets: loaded.assets, date, day: isoDay(date), theme, paper, fingerprint: print, sourceSha256: loaded.sourceSha256 },
      templates,
      ...(templatesDir ? { templatesDir } : {}),
      theme,
      paper,
      canonical,
      canonicalJson: canonicalJson(canonical),
      fingerprint: print,
      state,
      date,
    },
  };
}
