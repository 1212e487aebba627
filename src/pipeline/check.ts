/**
 * Validates courses as a build would (content, images, templates, theme) and
 * says which are not approved (not an error here; `build --release` refuses them).
 */
import { discoverCourses } from '../content/discover.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { duplicateCourseProblems } from './course-ids.js';
import { reviewDay } from './dates.js';
import { prepareCourse, type PreparedCourse } from './prepare-course.js';

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
  /** Content problems that do not fail the check (e.g. a reference nothing cites). */
  contentWarnings: Diagnostic[];
  /** The errors of each course, parallel to `courses`. */
  byCourse: Diagnostic[][];
  /** Said while finding the courses (e.g. a linked course folder outside the project, not checked). */
  warnings: string[];
}

export interface CheckOptions {
  /** Course folders (default: every decks/<id>/ with a course.yaml under cwd). */
  courseDirs?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export function check(options: CheckOptions = {}): CheckResult {
  const errors: Diagnostic[] = [];
  const contentWarnings: Diagnostic[] = [];
  const courses: CheckedCourse[] = [];
  const byCourse: Diagnostic[][] = [];
  const warnings: string[] = [];
  const valid: PreparedCourse[] = [];
  const env = options.env ?? process.env;
  const today = reviewDay(env);
  for (const dir of discoverCourses(options.courseDirs ?? [], options.cwd, (message) => warnings.push(message))) {
    const result = prepareCourse(dir, { today, env, ...(options.cwd ? { cwd: options.cwd } : {}) });
    if (result.ok) {
      const { course } = result;
      valid.push(course);
      courses.push({ course: course.id, edition: course.edition.edition, file: course.loaded.file, ok: true, approved: course.state.approved, reasons: course.state.reasons });
      byCourse.push([]);
      contentWarnings.push(...course.loaded.warnings);
    } else {
      errors.push(...result.diagnostics);
      byCourse.push(result.diagnostics);
      courses.push({ course: dir, file: result.diagnostics[0]?.file ?? dir, ok: false });
    }
  }
  // Two folders with one id would share an output folder: both are refused.
  for (const d of duplicateCourseProblems(valid)) {
    const i = courses.findIndex((c) => c.ok && c.file === d.file);
    if (i >= 0) {
      const entry = courses[i] as CheckedCourse;
      entry.ok = false;
      byCourse[i]?.push(d);
    }
    errors.push(d);
  }
  return { ok: errors.length === 0, courses, errors, byCourse, warnings, contentWarnings };
}
