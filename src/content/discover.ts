/**
 * Finds course folders: the ones named on the command line, or every
 * `decks/<id>/course.yaml`. A link in decks/ is followed when it leads to a
 * folder inside the project (the working directory); a link out of it is not
 * built, and `onWarning` says so (it used to be skipped without a word).
 * The same folder named twice is one course.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { COURSE_FILE } from './load-course.js';

export const DEFAULT_DECKS_DIR = 'decks';

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

function unique(dirs: string[]): string[] {
  const seen = new Set<string>();
  return dirs.filter((dir) => {
    const real = realpathSync(dir);
    if (seen.has(real)) return false;
    seen.add(real);
    return true;
  });
}

export function discoverCourses(args: readonly string[], cwd = process.cwd(), onWarning: (message: string) => void = () => {}): string[] {
  if (args.length > 0) {
    return unique(
      args.map((arg) => {
        const dir = resolve(cwd, arg);
        if (!isDir(dir)) throw usageError(`${arg} is not a course folder (expected a folder holding ${COURSE_FILE})`);
        return dir;
      }),
    );
  }
  const decks = resolve(cwd, DEFAULT_DECKS_DIR);
  if (!existsSync(decks)) throw usageError(`no course folders given and no ${DEFAULT_DECKS_DIR}/ folder in ${cwd}`);
  const project = realpathSync(cwd);
  const found: string[] = [];
  for (const e of readdirSync(decks, { withFileTypes: true })) {
    const dir = join(decks, e.name);
    if (e.isSymbolicLink()) {
      if (!isDir(dir) || !existsSync(join(dir, COURSE_FILE))) continue;
      const rel = relative(project, realpathSync(dir));
      if (rel.startsWith('..') || isAbsolute(rel)) {
        onWarning(`${DEFAULT_DECKS_DIR}/${e.name} is a link to ${realpathSync(dir)}, outside the project; it is not built. Name it on the command line to build it, or move the course into the project`);
        continue;
      }
      found.push(dir);
    } else if (e.isDirectory() && existsSync(join(dir, COURSE_FILE))) found.push(dir);
  }
  return unique(found.sort());
}
