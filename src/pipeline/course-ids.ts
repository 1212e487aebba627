/**
 * Duplicate course ids in one run (build or check): two course folders with
 * one id would write into the same output folder and manifest entries (see
 * content/duplicate-ids.ts). The id lives in the base course.yaml, so a clash
 * is one error per folder, at its `id:` line, and refuses every edition of it.
 */
import type { Diagnostic } from '../content/diagnostic.js';
import { duplicateIdProblems, type IdentifiedCourse } from '../content/duplicate-ids.js';
import type { PreparedCourse } from './prepare-course.js';

function identified(course: PreparedCourse): IdentifiedCourse {
  const pos = course.base.sourceMap.positionOf(['id']);
  return { id: course.id, file: course.base.file, idAt: { line: pos.line, column: pos.column } };
}

/** Diagnostics (at the base course's `id`) for every course folder whose id another folder of `courses` has too. */
export function duplicateCourseProblems(courses: readonly PreparedCourse[]): Diagnostic[] {
  const folders = new Map<string, IdentifiedCourse>();
  for (const course of courses) if (!folders.has(course.base.file)) folders.set(course.base.file, identified(course));
  return duplicateIdProblems([...folders.values()]);
}

/** True for any edition of a course folder one of `problems` refused. */
export const refusedBy = (problems: readonly Diagnostic[]) => {
  const files = new Set(problems.map((d) => d.file));
  return (course: PreparedCourse): boolean => files.has(course.base.file);
};
