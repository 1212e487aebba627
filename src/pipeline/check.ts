/**
 * Validates courses as a build would (content, images, templates, theme) and
 * says which are not approved (not an error here; `build --release` refuses them).
 */
import { discoverCourses } from '../content/discover.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { reviewDay } from './dates.js';
import { prepareEditions } from './prepare-course.js';

export interface CheckedCourse {
  course: string;
  edition?: string;
  file: string;
  ok: boolean;
  approved?: boolean;
  reasons?: string[];
}

export interface CheckResult {
  ok: boolean;
  courses: CheckedCourse[];
  errors: Diagnostic[];
  /** The errors of each course, parallel to `courses`. */
  byCourse: Diagnostic[][];
}

export interface CheckOptions {
  /** Course folders (default: every decks/<id>/ with a course.yaml under cwd). */
  courseDirs?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Editions to check (default: every edition of every course). */
  editions?: string[];
}

export function check(options: CheckOptions = {}): CheckResult {
  const errors: Diagnostic[] = [];
  const courses: CheckedCourse[] = [];
  const byCourse: Diagnostic[][] = [];
  const env = options.env ?? process.env;
  const today = reviewDay(env);
  for (const dir of discoverCourses(options.courseDirs ?? [], options.cwd)) {
    const result = prepareEditions(dir, { today, env, ...(options.cwd ? { cwd: options.cwd } : {}) }, options.editions);
    for (const course of result.prepared) {
      courses.push({ course: course.id, edition: course.edition.edition, file: course.loaded.file, ok: true, approved: course.state.approved, reasons: course.state.reasons });
      byCourse.push([]);
    }
    if (result.diagnostics.length > 0) {
      errors.push(...result.diagnostics);
      byCourse.push(result.diagnostics);
      courses.push({ course: dir, file: result.diagnostics[0]?.file ?? dir, ok: false });
    }
  }
  return { ok: errors.length === 0, courses, errors, byCourse };
}
