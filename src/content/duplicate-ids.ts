/**
 * Two course folders with the same id would write into the same output folder
 * (output/<id>/) and the same manifest entries, mixing one course's deck with
 * the other's handout. Every course of a run must have its own id; the editions
 * of one course share it.
 */
import type { Diagnostic } from './diagnostic.js';

export interface IdentifiedCourse {
  id: string;
  /** The course file as shown in messages. */
  file: string;
  /** Position of the `id:` field. */
  idAt: { line: number; column: number };
}

/** Diagnostics for every course whose id another course of the same run also has. */
export function duplicateIdProblems(courses: readonly IdentifiedCourse[]): Diagnostic[] {
  const byId = new Map<string, IdentifiedCourse[]>();
  for (const c of courses) {
    byId.set(c.id, [...(byId.get(c.id) ?? []), c]);
  }
  return [...byId.values()]
    .filter((group) => group.length > 1)
    .flatMap((group) =>
      group.map((c) => ({
        file: c.file,
        ...c.idAt,
        path: 'id',
        message: `course id "${c.id}" is also the id of ${group.filter((o) => o !== c).map((o) => o.file).join(', ')}; each course needs its own id (its outputs go to <out>/${c.id}/), so neither is built`,
      })),
    );
}
