/** `deckhand diff COURSE_DIR [--edition X] [--out FILE] [--json]`: the redline since the last approval. */
import { formatDiagnostic } from '../content/diagnostic.js';
import { displayPath } from '../content/load-course.js';
import { EXIT } from '../errors.js';
import { diff } from '../pipeline/diff.js';
import type { Terminal } from './terminal.js';

export async function diffCommand(dir: string, options: { edition?: string; out?: string; json?: boolean }, terminal: Terminal): Promise<number> {
  const result = await diff({ courseDir: dir, ...(options.edition ? { edition: options.edition } : {}), ...(options.out ? { out: options.out } : {}) });
  if (!result.ok) {
    for (const d of result.errors) terminal.info(formatDiagnostic(d));
    if (options.json) process.stdout.write(`${JSON.stringify({ ok: false, errors: result.errors })}\n`);
    return EXIT.content;
  }
  const { redline: model } = result;
  terminal.info(`${model.count} changed field(s) since approval on ${model.approvedOn}${result.changed.length ? `: ${result.changed.join(', ')}` : ''}`);
  if (model.referencesAdded.length) terminal.info(`references added: ${model.referencesAdded.map((r) => r.id).join(', ')}`);
  if (model.referencesRemoved.length) terminal.info(`references removed: ${model.referencesRemoved.map((r) => r.id).join(', ')}`);
  terminal.info(`wrote ${displayPath(result.html)}${result.pdf ? ` and ${displayPath(result.pdf)}` : ''}`);
  if (options.json) {
    const { html, pdf, changed } = result;
    process.stdout.write(`${JSON.stringify({ ok: true, html, pdf, changed, referencesAdded: model.referencesAdded, referencesRemoved: model.referencesRemoved, errors: [] })}\n`);
  }
  return EXIT.ok;
}
