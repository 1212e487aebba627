/** Warnings about a valid course that `check` and `build` both print (not errors: the course still builds). */
import type { Diagnostic } from '../content/diagnostic.js';
import { versionStallMessage } from '../review/version-check.js';
import type { PreparedCourse } from './prepare-course.js';

/** Review warnings as text (content changed but document.version did not). The content diagnostics are `contentWarnings`. */
export function courseWarnings(course: PreparedCourse): string[] {
  return course.versionStall ? [`${course.id}: ${versionStallMessage(course.versionStall)}`] : [];
}

/** Each diagnostic once: an edition repeats its base course's warnings. */
export function uniqueDiagnostics(list: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return list.filter((d) => {
    const key = `${d.file}:${d.line}:${d.column}:${d.path}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
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
