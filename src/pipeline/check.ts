/**
 * Validates courses as a build would (content, images, templates, theme) and
 * says which are not approved (not an error here; `build --release` refuses them).
 */
import { discoverCourses } from '../content/discover.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { duplicateCourseProblems, refusedBy } from './course-ids.js';
import { BASE_EDITION } from '../content/edition.js';
import { reviewDay } from './dates.js';
import { prepareEditions, type PreparedCourse } from './prepare-course.js';
import { courseWarnings, sharedCodeWarnings, uniqueDiagnostics } from './course-warnings.js';
import { templateProblems } from './template-check.js';

export interface CheckedCourse {
  course: string;
  edition?: string;
  file: string;
  ok: boolean;
  approved?: boolean;
  reasons?: string[];
  /** Document code and version, for the approval summary. */
  documentCode?: string;
  version?: string;
}

export interface CheckResult {
  ok: boolean;
  courses: CheckedCourse[];
  errors: Diagnostic[];
  /** Shared document codes, changed content without a new version, linked course folders outside the project: the warnings a build would give. */
  warnings: string[];
  /** Content problems that do not fail the check (e.g. a reference nothing cites). */
  contentWarnings: Diagnostic[];
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
  const contentWarnings: Diagnostic[] = [];
  const courses: CheckedCourse[] = [];
  const byCourse: Diagnostic[][] = [];
  const warnings: string[] = [];
  const valid: PreparedCourse[] = [];
  const codes: { id: string; code: string }[] = [];
  const reported = new Set<string>();
  const env = options.env ?? process.env;
  const today = reviewDay(env);
  for (const dir of discoverCourses(options.courseDirs ?? [], options.cwd, (message) => warnings.push(message))) {
    const result = prepareEditions(dir, { today, env, ...(options.cwd ? { cwd: options.cwd } : {}) }, options.editions);
    for (const course of result.prepared) {
      const templateErrors = templateProblems(course, options.cwd);
      if (templateErrors.length > 0) {
        // Editions share the course's templates: a fault one edition already reported (same file, line and message) is refused again, not listed again.
        const fresh = templateErrors.filter((d) => !reported.has(diagnosticKey(d)));
        for (const d of fresh) reported.add(diagnosticKey(d));
        errors.push(...fresh);
        byCourse.push(fresh);
        courses.push({ course: course.id, edition: course.edition.edition, file: course.loaded.file, ok: false });
        continue;
      }
      valid.push(course);
      const { document } = course.loaded.course;
      courses.push({ course: course.id, edition: course.edition.edition, file: course.loaded.file, ok: true, approved: course.state.approved, reasons: course.state.reasons, documentCode: document.code, version: document.version });
      byCourse.push([]);
      warnings.push(...courseWarnings(course));
      contentWarnings.push(...course.loaded.warnings);
      codes.push({ id: editionLabel(course), code: document.code });
    }
    if (result.diagnostics.length > 0) {
      errors.push(...result.diagnostics);
      byCourse.push(result.diagnostics);
      courses.push({ course: dir, file: result.diagnostics[0]?.file ?? dir, ok: false });
    }
  }
  // Two folders with one id would share an output folder: both are refused.
  const duplicates = duplicateCourseProblems(valid);
  for (const d of duplicates) {
    // The error goes with the base edition's entry; every edition of the folder is refused.
    const i = courses.findIndex((c) => c.ok && c.file === d.file);
    if (i >= 0) byCourse[i]?.push(d);
    errors.push(d);
  }
  const refused = refusedBy(duplicates);
  for (const course of valid.filter(refused)) {
    const entry = courses.find((c) => c.ok && c.course === course.id && c.edition === course.edition.edition && c.file === course.loaded.file);
    if (entry) entry.ok = false;
  }
  warnings.push(...sharedCodeWarnings(codes));
  return { ok: errors.length === 0, courses, errors, warnings, contentWarnings: uniqueDiagnostics(contentWarnings), byCourse };
}

const diagnosticKey = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.path}:${d.message}`;

/** "course" for the base edition, "course (de-de)" for another: the name in shared-code warnings. */
function editionLabel(course: PreparedCourse): string {
  return course.edition.edition === BASE_EDITION ? course.id : `${course.id} (${course.edition.edition})`;
}
