import { reviewDay } from '../build/dates.js';
import { identified } from '../build/build.js';
import { prepareCourse, type PreparedCourse } from '../build/prepare-course.js';
import { duplicateIdProblems } from '../content/duplicate-ids.js';
import { discoverCourses } from '../content/discover.js';
import { formatDiagnostic, type Diagnostic } from '../content/diagnostic.js';
import { EXIT } from '../errors.js';
import type { Terminal } from './terminal.js';

export interface CheckOptions {
  json?: boolean;
}

/**
 * `deckhand check`: validates every course as a build would (content, images,
 * templates and theme), reports every problem at once, and says which courses
 * are not approved (that is not an error here; `build --release` refuses them).
 */
export function checkCommand(dirs: string[], options: CheckOptions, terminal: Terminal): number {
  const errors: Diagnostic[] = [];
  const checked: { course: string; file: string; ok: boolean; approved?: boolean; reasons?: string[] }[] = [];
  const today = reviewDay();
  const valid: PreparedCourse[] = [];
  for (const dir of discoverCourses(dirs, process.cwd(), (message) => terminal.warn(message))) {
    const result = prepareCourse(dir, { today });
    if (result.ok) {
      const { course } = result;
      valid.push(course);
      checked.push({ course: course.id, file: course.loaded.file, ok: true, approved: course.state.approved, reasons: course.state.reasons });
      terminal.info(`ok  ${course.loaded.file}${course.state.approved ? '' : `  (not approved: ${course.state.reasons.join('; ')})`}`);
    } else {
      errors.push(...result.diagnostics);
      checked.push({ course: dir, file: result.diagnostics[0]?.file ?? dir, ok: false });
      for (const d of result.diagnostics) terminal.info(formatDiagnostic(d));
    }
  }
  const duplicates = duplicateIdProblems(valid.map(identified));
  for (const d of duplicates) {
    terminal.info(formatDiagnostic(d));
    const entry = checked.find((c) => c.file === d.file);
    if (entry) entry.ok = false;
  }
  errors.push(...duplicates);
  const ok = errors.length === 0;
  if (options.json) process.stdout.write(`${JSON.stringify({ ok, courses: checked, outputs: [], errors })}\n`);
  terminal.info(ok ? `${checked.length} course(s) valid` : `${errors.length} problem(s) in ${checked.filter((c) => !c.ok).length} course(s)`);
  return ok ? EXIT.ok : EXIT.content;
}
