/**
 * Validates courses as a build would (content, images, templates, theme) and
 * says which are not approved (not an error here; `build --release` refuses them).
 */
import { discoverCourses } from '../content/discover.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { reviewDay } from './dates.js';
import { prepareCourse } from './prepare-course.js';

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
  /** Problems that do not fail the check (e.g. a reference nothing cites). */
  warnings: Diagnostic[];
  /** The errors of each course, parallel to `courses`. */
  byCourse: Diagnostic[][];
}

export interface CheckOptions {
  /** Course folders (default: every decks/<id>/ with a course.yaml under cwd). */
  courseDirs?: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
}

export function check(options: CheckOptions = {}): CheckResult {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const courses: CheckedCourse[] = [];
  const byCourse: Diagnostic[][] = [];
  const env = options.env ?? process.env;
  const today = reviewDay(env);
  for (const dir of discoverCourses(options.courseDirs ?? [], options.cwd)) {
    const result = prepareCourse(dir, { today, env, ...(options.cwd ? { cwd: options.cwd } : {}) });
    if (result.ok) {
      const { course } = result;
      courses.push({ course: course.id, edition: course.edition.edition, file: course.loaded.file, ok: true, approved: course.state.approved, reasons: course.state.reasons });
      byCourse.push([]);
      warnings.push(...course.loaded.warnings);
    } else {
      errors.push(...result.diagnostics);
      byCourse.push(result.diagnostics);
      courses.push({ course: dir, file: result.diagnostics[0]?.file ?? dir, ok: false });
    }
  }
  return { ok: errors.length === 0, courses, errors, warnings, byCourse };
}
