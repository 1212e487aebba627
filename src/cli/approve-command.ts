/** `deckhand approve COURSE_DIR --reviewer … --role … [--expires …] [--date …]` */
import { isoDay, parseEpoch } from '../build/dates.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import { displayPath, loadCourse } from '../content/load-course.js';
import { EXIT } from '../errors.js';
import { approve } from '../review/approve.js';
import type { Terminal } from './terminal.js';

export function approveCommand(dir: string, options: { reviewer: string; role: string; expires?: string; date?: string }, terminal: Terminal): number {
  const loaded = loadCourse(dir);
  if (!loaded.ok) {
    for (const d of loaded.diagnostics) terminal.info(formatDiagnostic(d));
    terminal.error('fix these problems before approving: only valid content can be signed off');
    return EXIT.content;
  }
  const date = options.date ?? isoDay(process.env.SOURCE_DATE_EPOCH ? parseEpoch(process.env.SOURCE_DATE_EPOCH) : new Date());
  const result = approve(loaded.loaded, {
    reviewer: options.reviewer,
    role: options.role,
    date,
    ...(options.expires ? { expires: options.expires } : {}),
  });
  terminal.info(`${result.replaced ? 'updated' : 'added'} sign-off by ${options.reviewer} (${options.role}) on ${date}`);
  terminal.info(`fingerprint ${result.fingerprint}`);
  terminal.info(`wrote ${displayPath(result.file)} and ${displayPath(result.snapshot)}`);
  return EXIT.ok;
}
