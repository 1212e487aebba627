/**
 * `deckhand check`: validates every course as a build would (content, images,
 * templates and theme), reports every problem at once, and says which courses
 * are not approved (that is not an error here; `build --release` refuses them).
 */
import { formatDiagnostic } from '../content/diagnostic.js';
import { EXIT } from '../errors.js';
import { check } from '../pipeline/check.js';
import type { Terminal } from './terminal.js';

export interface CheckOptions {
  json?: boolean;
  edition?: string;
}

export function checkCommand(dirs: string[], options: CheckOptions, terminal: Terminal): number {
  const result = check({ courseDirs: dirs, ...(options.edition ? { editions: options.edition.split(',').map((e) => e.trim()).filter(Boolean) } : {}) });
  for (const [i, c] of result.courses.entries()) {
    if (c.ok) terminal.info(`ok  ${c.file}  ${c.documentCode} v${c.version}  ${c.approved ? 'approved' : `not approved: ${(c.reasons ?? []).join('; ')}`}`);
    else for (const d of result.byCourse[i] ?? []) terminal.info(formatDiagnostic(d));
  }
  for (const w of result.warnings) terminal.warn(w);
  const { ok, errors, contentWarnings, courses, warnings } = result;
  for (const w of contentWarnings) terminal.warn(formatDiagnostic(w));
  // warnings: content diagnostics (a reference nothing cites) as {file,line,column,path,message}, then the other warnings as text.
  if (options.json) process.stdout.write(`${JSON.stringify({ ok, courses, outputs: [], errors, warnings: [...contentWarnings, ...warnings] })}\n`);
  terminal.info(ok ? `${courses.length} course(s) valid` : `${errors.length} problem(s) in ${courses.filter((c) => !c.ok).length} course(s)`);
  return ok ? EXIT.ok : EXIT.content;
}
