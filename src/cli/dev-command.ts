/**
 * `deckhand dev [COURSE_DIR] [--edition X] [--port N]`: the live preview.
 * Prints the URL, one line per recompile or problem, and stops cleanly on
 * Ctrl-C (SIGINT/SIGTERM abort the server, which closes the watcher, the open
 * event streams and the port, then the command returns 0).
 */
import { discoverCourses } from '../content/discover.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import { displayPath } from '../content/load-course.js';
import { courseCompile, courseWatchPaths } from '../dev/course-compile.js';
import { startDevServer, type DevEvent } from '../dev/server.js';
import { EXIT, usageError } from '../errors.js';
import type { Terminal } from './terminal.js';

export interface RawDevOptions {
  edition?: string;
  port?: number;
}

export async function devCommand(dir: string | undefined, raw: RawDevOptions, terminal: Terminal): Promise<number> {
  const dirs = discoverCourses(dir ? [dir] : []);
  const courseDir = dirs[0];
  if (!courseDir) throw usageError('no course found under decks/; name the course folder: deckhand dev decks/<course>');
  if (dirs.length > 1) throw usageError(`the preview shows one course; name it: deckhand dev ${displayPath(courseDir)} (found ${dirs.length} under decks/)`);

  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    terminal.info(`${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping the preview`);
    abort.abort();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const server = await startDevServer({
      courseDir,
      ...(raw.edition ? { edition: raw.edition } : {}),
      ...(raw.port !== undefined ? { port: raw.port } : {}),
      compile: courseCompile(),
      watchPaths: courseWatchPaths(courseDir),
      signal: abort.signal,
      onEvent: (event) => report(event, terminal),
    }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw usageError(`port ${raw.port} is in use; choose another with --port, or leave it out for a free one`);
      throw error;
    });
    terminal.info(`deckhand dev: ${server.url}  (presenter view ${server.url}presenter, handout ${server.url}handout); Ctrl-C stops`);
    await server.closed;
    return EXIT.ok;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

function report(event: DevEvent, terminal: Terminal): void {
  switch (event.type) {
    case 'compiled':
      terminal.info(event.rebuilt.length ? `compiled ${event.rebuilt.join(' and ')} in ${event.ms} ms` : `unchanged (${event.ms} ms)`);
      break;
    case 'problems':
      for (const d of event.diagnostics) terminal.error(formatDiagnostic(d));
      break;
    case 'crash':
      terminal.error(event.message);
      break;
  }
}
