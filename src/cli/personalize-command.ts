/** `deckhand personalize COURSE_DIR --reps reps.csv [--edition X] [--out DIR] [--name-by COLUMN] [--json]`: options → personalize() → report, exit code. */
import { formatDiagnostic } from '../content/diagnostic.js';
import { EXIT } from '../errors.js';
import { personalize } from '../pipeline/personalize.js';
import type { Terminal } from './terminal.js';

interface RawPersonalizeOptions {
  reps: string;
  edition?: string;
  out?: string;
  nameBy?: string;
  json?: boolean;
}

export async function personalizeCommand(dir: string, raw: RawPersonalizeOptions, terminal: Terminal): Promise<number> {
  const started = Date.now();
  const result = await personalize({
    courseDir: dir,
    reps: raw.reps,
    ...(raw.edition ? { edition: raw.edition } : {}),
    ...(raw.out ? { outDir: raw.out } : {}),
    ...(raw.nameBy ? { nameBy: raw.nameBy } : {}),
  });
  for (const d of result.errors) terminal.info(formatDiagnostic(d));
  const refused = result.records - result.copies.length;
  if (result.base) {
    terminal.info(
      `${result.ok ? 'done' : 'failed'}: ${result.copies.length} personalised cop${result.copies.length === 1 ? 'y' : 'ies'} of ${result.base.path}` +
        `${refused > 0 ? `, ${refused} row(s) refused` : ''} in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (result.manifest ? `; manifest ${result.manifest}` : ''),
    );
  } else {
    terminal.info('failed: no copies written');
  }
  if (raw.json) process.stdout.write(`${JSON.stringify(result)}\n`);
  return result.ok ? EXIT.ok : EXIT.content;
}
