/**
 * Everything about one course that the build needs before rendering: the
 * validated content, its templates, approval state, dates and the view.
 * Problems come back as diagnostics; nothing is written here.
 */
import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../content/diagnostic.js';
import { formatPath } from '../content/diagnostic.js';
import { printable } from '../content/issue-messages.js';
import { loadCourse, type LoadedCourse } from '../content/load-course.js';
import type { CompileInput } from '../compile/compile.js';
import { BASE_EDITION, type Edition } from '../content/edition.js';
import { editionIds, loadEdition, type LoadedEdition } from '../content/load-edition.js';
import { loadCatalogue, type Catalogue } from '../i18n/index.js';
import { checkMarketRules, loadMarketProfile } from '../markets/index.js';
import { TemplateSet } from '../render/template-set.js';
import { brandRel, loadBrand } from '../render/brand.js';
import { approvalState, type ApprovalState } from '../review/approval-state.js';
import { canonicalForm, canonicalJson, fingerprint, type Canonical } from '../review/canonical.js';
import { courseInputs } from '../review/course-inputs.js';
import { readSnapshot, snapshotFileFor } from '../review/snapshot.js';
import { editionCanonical } from '../review/edition-canonical.js';
import { versionStall, type VersionStall } from '../review/version-check.js';
import type { PaperId } from '../render/paper.js';
import { isoDay, sourceDate } from './dates.js';

export const DEFAULT_THEME = 'clinical';

/** One prepared edition: the base course, or base + one overlay. */
export interface PreparedCourse {
  /** For an edition: its merged course, with `file`, `doc` and `sourceMap` of the overlay. */
  loaded: LoadedCourse;
  /** The base course an edition overlays (the same as `loaded` for the base edition). */
  base: LoadedCourse;
  /** The overlay, for an edition. */
  overlay?: LoadedEdition;
  catalogue: Catalogue;
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
  /** Set when the content changed since the last approval but document.version did not. */
  versionStall?: VersionStall;
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
  /** Prepare this edition ("base" or an overlay id such as "tr-tr"; default "base"). */
  edition?: string;
  /** Check the market profile's rules (default true; approve checks them after writing the new expiry). */
  marketRules?: boolean;
}

/** Editions of a course folder: "base" and the stems of editions/*.yaml. */
export const courseEditions = (dir: string): string[] => [BASE_EDITION, ...editionIds(dir)];

/**
 * The base and every edition of a course folder (or those in `only`); an
 * edition that fails does not stop the others. The base's own problems stop all.
 */
export function prepareEditions(dir: string, options: PrepareOptions, only?: readonly string[]): { prepared: PreparedCourse[]; diagnostics: Diagnostic[] } {
  const prepared: PreparedCourse[] = [];
  const diagnostics: Diagnostic[] = [];
  const ids = courseEditions(resolve(options.cwd ?? process.cwd(), dir)).filter((id) => !only || only.includes(id));
  for (const edition of ids) {
    const result = prepareCourse(dir, { ...options, edition });
    if (result.ok) prepared.push(result.course);
    else {
      diagnostics.push(...result.diagnostics);
      if (edition === BASE_EDITION) break;
    }
  }
  return { prepared, diagnostics };
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
  const base = result.loaded;
  let overlay: LoadedEdition | undefined;
  if (options.edition && options.edition !== BASE_EDITION) {
    const ed = loadEdition(base, options.edition, options.cwd);
    if (!ed.ok) return ed;
    overlay = ed.edition;
  }
  const loaded: LoadedCourse = overlay
    ? {
        ...base,
        file: overlay.file,
        course: overlay.course,
        doc: overlay.doc,
        sourceMap: overlay.sourceMap,
        sourceSha256: createHash('sha256').update(`${base.sourceSha256}\n${overlay.sourceSha256}`).digest('hex'),
        assets: overlay.assets,
      }
    : base;
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

  const brandName = course.presentation?.brand;
  const brand = loadBrand(templates, brandName, options.cwd);
  if (!brand.ok) return brand.missing ? problem(['presentation', 'brand'], `brand "${brandName}" not found (looked for ${brandRel(brandName)} in ${templates.roots.join(' and ')})`) : brand;

  const inputs = courseInputs(base, templatesDir);
  const canonical = overlay ? editionCanonical(base.course, overlay.overlay, { ...inputs, ...courseInputs(loaded, undefined) }) : canonicalForm(course, inputs);
  const print = fingerprint(canonical);
  const editionId = overlay?.id ?? BASE_EDITION;
  const snapshot = readSnapshot(loaded.dir, snapshotFileFor(editionId));
  const state = approvalState(course, { fingerprint: print, canonical }, snapshot, options.today);
  const stall = versionStall(course, print, snapshot);
  const { date } = sourceDate(loaded.dir, options.env);
  const edition: Edition = overlay
    ? { course: course.id, edition: overlay.id, language: overlay.language, market: overlay.market }
    : { course: course.id, edition: BASE_EDITION, language: course.language, ...(course.markets.length === 1 && course.markets[0] ? { market: course.markets[0] } : {}) };
  const locate = (path: (string | number)[]) => (overlay ? overlay.locate(path) : { file: loaded.file, ...loaded.sourceMap.positionOf(path) });

  // Interface text for the edition's language, and the market's rules.
  const langAt = overlay ? ['edition', 'language'] : ['language'];
  const cat = loadCatalogue(templates.roots, edition.language, {
    ...(options.cwd ? { cwd: options.cwd } : {}),
    requestedAt: { file: loaded.file, ...loaded.sourceMap.positionOf(langAt), path: langAt.join('.') },
  });
  if (!cat.ok) return { ok: false, diagnostics: cat.diagnostics };
  if (overlay && options.marketRules !== false) {
    const profile = loadMarketProfile(templates.roots, overlay.market, options.cwd);
    if (!profile.ok) return { ok: false, diagnostics: profile.diagnostics };
    if (profile.profile) {
      const problems = checkMarketRules(profile.profile, { id: overlay.id, course, locate });
      if (problems.length > 0) return { ok: false, diagnostics: problems };
    }
  }
  const paper = options.paper ?? course.presentation?.paper ?? 'a4';
  return {
    ok: true,
    course: {
      loaded,
      base,
      ...(overlay ? { overlay } : {}),
      catalogue: cat.catalogue,
      id: course.id,
      edition,
      input: { edition, catalogue: cat.catalogue, course, state, assets: loaded.assets, date, day: isoDay(date), theme, ...(brand.brand ? { brand: brand.brand } : {}), paper, fingerprint: print, sourceSha256: loaded.sourceSha256 },
      templates,
      ...(templatesDir ? { templatesDir } : {}),
      theme,
      paper,
      canonical,
      canonicalJson: canonicalJson(canonical),
      fingerprint: print,
      state,
      ...(stall ? { versionStall: stall } : {}),
      date,
    },
  };
}
