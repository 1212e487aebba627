/**
 * `deckhand init` and `deckhand new`: a content repository of courses that
 * installs deckhand from npm, and new draft courses in it. The files come
 * from deckhand's own scaffold/ folder (and examples/github-actions.yml for
 * the CI workflow); nothing that exists is overwritten.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { DEFAULT_DECKS_DIR } from '../content/discover.js';
import { COURSE_FILE } from '../content/load-course.js';
import { usageError } from '../errors.js';
import { PACKAGE_ROOT } from '../package-root.js';

const SCAFFOLD = join(PACKAGE_ROOT, 'scaffold');
export const EXAMPLE_COURSE = 'first-course';
export const WORKFLOW_FILE = '.github/workflows/decks.yml';

export interface Scaffolded {
  /** Files written, relative to the repository folder. */
  created: string[];
  /** Files that were there already and were left alone (package.json gets only missing scripts). */
  kept: string[];
}

const posix = (path: string) => path.split(sep).join('/');

/** The `$schema` target from a course folder: the installed package's schema in a content repo, else deckhand's own. */
export function schemaRef(courseDir: string, repoDir: string): string {
  const installed = join(repoDir, 'node_modules', 'deckhand', 'schema', 'course.schema.json');
  return posix(relative(courseDir, existsSync(installed) ? installed : join(PACKAGE_ROOT, 'schema', 'course.schema.json')));
}

/** A draft course `decks/<id>/course.yaml` from scaffold/course.yaml, with the id filled in. */
export function newCourse(id: string, options: { cwd?: string; date: string; title?: string }): Scaffolded {
  if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(id) || id.length > 64) throw usageError(`the course id must be lower-case letters, digits and single hyphens (e.g. "knee-pain-basics"); got "${id}"`);
  const repo = resolve(options.cwd ?? process.cwd());
  const dir = join(repo, DEFAULT_DECKS_DIR, id);
  const rel = posix(relative(repo, join(dir, COURSE_FILE)));
  if (existsSync(join(dir, COURSE_FILE))) throw usageError(`${rel} exists already; choose another id`);
  const title = options.title ?? id.split('-').map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join(' ');
  const text = readFileSync(join(SCAFFOLD, COURSE_FILE), 'utf8')
    .replaceAll('__SCHEMA__', schemaRef(dir, repo))
    .replaceAll('__ID__', id)
    .replaceAll('__TITLE__', title)
    .replaceAll('__CODE__', `${id.toUpperCase().replace(/[^A-Z0-9]+/g, '-').slice(0, 34).replace(/-$/, '')}-DRAFT`)
    .replaceAll('__DATE__', options.date);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, COURSE_FILE), text);
  return { created: [rel], kept: [] };
}

/** A content repository in `cwd`: a draft course, .gitignore, npm scripts and the CI workflow. */
export function initRepo(options: { cwd?: string; date: string; course?: string }): Scaffolded {
  const repo = resolve(options.cwd ?? process.cwd());
  const result: Scaffolded = { created: [], kept: [] };
  const write = (rel: string, text: string) => {
    const file = join(repo, rel);
    if (existsSync(file)) return void result.kept.push(rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    result.created.push(rel);
  };
  const id = options.course ?? EXAMPLE_COURSE;
  if (existsSync(join(repo, DEFAULT_DECKS_DIR, id, COURSE_FILE))) result.kept.push(`${DEFAULT_DECKS_DIR}/${id}/${COURSE_FILE}`);
  else result.created.push(...newCourse(id, { cwd: repo, date: options.date }).created);
  write('.gitignore', readFileSync(join(SCAFFOLD, 'gitignore'), 'utf8'));
  write(WORKFLOW_FILE, readFileSync(join(PACKAGE_ROOT, 'examples', 'github-actions.yml'), 'utf8'));
  addScripts(repo, result);
  return result;
}

const SCRIPTS = {
  check: 'deckhand check',
  build: 'deckhand build',
  release: 'deckhand build --release',
};

function addScripts(repo: string, result: Scaffolded): void {
  const file = join(repo, 'package.json');
  const pkg: { scripts?: Record<string, string> } & Record<string, unknown> = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : { name: 'courses', private: true };
  const scripts = { ...(pkg.scripts ?? {}) };
  let added = false;
  for (const [name, command] of Object.entries(SCRIPTS)) {
    // Scripts the owner already has are left as they are.
    if (scripts[name] === undefined) {
      scripts[name] = command;
      added = true;
    }
  }
  if (!added) return void result.kept.push('package.json');
  writeFileSync(file, `${JSON.stringify({ ...pkg, scripts }, null, 2)}\n`);
  result.created.push('package.json (scripts)');
}
