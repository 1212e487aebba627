import { discoverCourses } from '../content/discover.js';
import { formatDiagnostic, type Diagnostic } from '../content/diagnostic.js';
import { loadCourse } from '../content/load-course.js';
import { EXIT } from '../errors.js';
import type { Terminal } from './terminal.js';

export interface CheckOptions {
  json?: boolean;
}

/** `deckhand check`: validates every course and reports every problem at once. */
export function checkCommand(dirs: string[], options: CheckOptions, terminal: Terminal): number {
  const errors: Diagnostic[] = [];
  const checked: { course: string; file: string; ok: boolean }[] = [];
  for (const dir of discoverCourses(dirs)) {
    const result = loadCourse(dir);
    if (result.ok) {
      checked.push({ course: result.loaded.course.id, file: result.loaded.file, ok: true });
      terminal.info(`ok  ${result.loaded.file}`);
    } else {
      errors.push(...result.diagnostics);
      checked.push({ course: dir, file: result.diagnostics[0]?.file ?? dir, ok: false });
      for (const d of result.diagnostics) terminal.info(formatDiagnostic(d));
    }
  }
  const ok = errors.length === 0;
  if (options.json) process.stdout.write(`${JSON.stringify({ ok, courses: checked, outputs: [], errors })}\n`);
  terminal.info(ok ? `${checked.length} course(s) valid` : `${errors.length} problem(s) in ${checked.filter((c) => !c.ok).length} course(s)`);
  return ok ? EXIT.ok : EXIT.content;
}
