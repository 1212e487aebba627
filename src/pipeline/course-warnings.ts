/** Warnings about a valid course that `check` and `build` both print (not errors: the course still builds). */
import { formatDiagnostic } from '../content/diagnostic.js';
import { versionStallMessage } from '../review/version-check.js';
import type { PreparedCourse } from './prepare-course.js';

export function courseWarnings(course: PreparedCourse): string[] {
  return [...course.loaded.warnings.map(formatDiagnostic), ...(course.versionStall ? [`${course.id}: ${versionStallMessage(course.versionStall)}`] : [])];
}

/** "A and B share the document code X" for every code used by more than one course. */
export function sharedCodeWarnings(courses: { id: string; code: string }[]): string[] {
  const warnings: string[] = [];
  const seen = new Map<string, string>();
  for (const { id, code } of courses) {
    const other = seen.get(code);
    if (other) warnings.push(`${id} and ${other} share the document code ${code}; each document needs its own job/approval code`);
    seen.set(code, id);
  }
  return warnings;
}
