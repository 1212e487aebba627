/** Finds course folders: the ones named on the command line, or every `decks/<id>/course.yaml`. */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { usageError } from '../errors.js';
import { COURSE_FILE } from './load-course.js';

export const DEFAULT_DECKS_DIR = 'decks';

export function discoverCourses(args: readonly string[], cwd = process.cwd()): string[] {
  if (args.length > 0) {
    return args.map((arg) => {
      const dir = resolve(cwd, arg);
      if (!existsSync(dir) || !statSync(dir).isDirectory()) throw usageError(`${arg} is not a course folder (expected a folder holding ${COURSE_FILE})`);
      return dir;
    });
  }
  const decks = resolve(cwd, DEFAULT_DECKS_DIR);
  if (!existsSync(decks)) throw usageError(`no course folders given and no ${DEFAULT_DECKS_DIR}/ folder in ${cwd}`);
  return readdirSync(decks, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(decks, e.name, COURSE_FILE)))
    .map((e) => join(decks, e.name))
    .sort();
}
