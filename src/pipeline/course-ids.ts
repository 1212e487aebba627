/**
 * Duplicate course ids in one run (build or check): each course, keyed with its
 * edition, must be unique, or two folders would write into the same output
 * folder and manifest entries (see content/duplicate-ids.ts).
 */
import type { Diagnostic } from '../content/diagnostic.js';
import { duplicateIdProblems, type IdentifiedCourse } from '../content/duplicate-ids.js';
import type { PreparedCourse } from './prepare-course.js';

export function identified(course: PreparedCourse): IdentifiedCourse {
  const pos = course.loaded.sourceMap.positionOf(['id']);
  return { id: course.id, edition: course.edition.edition, file: course.loaded.file, idAt: { line: pos.line, column: pos.column } };
}

/** Diagnostics (at `id`) for every prepared course whose id and edition another of `courses` has too. */
export function duplicateCourseProblems(courses: readonly PreparedCourse[]): Diagnostic[] {
  return duplicateIdProblems(courses.map(identified));
}
