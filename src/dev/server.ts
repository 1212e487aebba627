/**
 * `deckhand dev`: a live preview on 127.0.0.1. It serves the deck, the
 * presenter view and an HTML preview of the handout from the last good
 * compile, recompiles (no browser) when a watched file changes, and tells open
 * pages over one Server-Sent Events stream to reload or to show the problems
 * as an overlay over the last good render.
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Diagnostic } from '../content/diagnostic.js';
import { displayPath } from '../content/load-course.js';
import { BUILTIN_TEMPLATES } from '../render/template-set.js';
import type { DevCompile, DevPages, DevPart } from './compile-types.js';
import { CLIENT_PATH, devPage, EVENTS_PATH } from './dev-page.js';
import { watchCourse } from './watch-course.js';

export interface DevServerOptions {
  courseDir: string;
  edition?: string;
  /** 0 or absent: a free port. */
  port?: number;
  compile: DevCompile;
  /** Files and folders whose changes trigger a recompile. */
  watchPaths: string[];
  signal?: AbortSignal;
  /** For showing file paths relative to it; default process.cwd(). */
  cwd?: string;
  /** Progress lines ("compiled in 120 ms", "2 problems"); the CLI prints them. */
  onEvent?: (event: DevEvent) => void;
}

export type DevEvent =
  /** `rebuilt`: the pages this compile re-rendered (none when the change did not affect them). */
  | { type: 'compiled'; ms: number; version: number; changed: string[]; rebuilt: DevPart[] }
  | { type: 'problems'; diagnostics: Diagnostic[]; changed: string[] }
  | { type: 'crash'; message: string };

export interface DevServer {
  url: string;
  /** Resolves after the first compile and once the watcher is ready. */
  close(): Promise<void>;
  /** Resolves when the server has stopped (close() or the abort signal). */
  closed: Promise<void>;
}

/** Browser code, under templates/ because templates/ ships with the package (src/ need not). */
const CLIENT_FILE = join(BUILTIN_TEMPLATES, 'dev-client', 'dev-client.js');

const OVERLAY_TEXT = {
  title: 'deckhand could not build this course',
  hint: 'This is the last good render. Fix the file and save: the page updates by itself.',
};

const ROUTES: Record<string, keyof DevPages | 'presenter'> = { '/': 'deck', '/deck': 'deck', '/presenter': 'presenter', '/handout': 'handout' };

export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const emit = options.onEvent ?? (() => {});
  const clientJs = readFileSync(CLIENT_FILE, 'utf8');
  let good: DevPages | undefined;
  let version = 0;
  // Each page reloads only when its own render changed.
  const versions: Record<DevPart, number> = { deck: 0, handout: 0 };
  const reloadFrame = () => ({ version, versions });
  let problems: Diagnostic[] | undefined;
  const streams = new Set<ServerResponse>();

  const send = (event: string, data: unknown) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    for (const res of streams) res.write(frame);
  };
  // Paths as the terminal shows them (relative to where `deckhand dev` runs), so they can be copied into an editor.
  const cwd = options.cwd ?? process.cwd();
  const problemsFrame = () => ({ ...OVERLAY_TEXT, diagnostics: (problems ?? []).map((d) => ({ ...d, file: displayPath(d.file, cwd) })) });

  // One compile at a time; changes during a compile queue exactly one more.
  let running: Promise<void> | undefined;
  let again: string[] | undefined;
  async function compile(changed: string[]): Promise<void> {
    if (running) {
      again = [...(again ?? []), ...changed];
      return running;
    }
    running = (async () => {
      const started = performance.now();
      try {
        const result = await options.compile(options.courseDir, options.edition);
        if ('pages' in result) {
          const rebuilt = result.rebuilt ?? (Object.keys(versions) as DevPart[]);
          good = result.pages;
          problems = undefined;
          version++;
          for (const part of rebuilt) versions[part] = version;
          emit({ type: 'compiled', ms: Math.round(performance.now() - started), version, changed, rebuilt });
          send('reload', reloadFrame());
        } else {
          problems = result.diagnostics;
          emit({ type: 'problems', diagnostics: problems, changed });
          send('problems', problemsFrame());
        }
      } catch (error) {
        problems = [{ file: options.courseDir, line: 1, column: 1, path: '', message: `deckhand failed: ${(error as Error).message}` }];
        emit({ type: 'crash', message: (error as Error).stack ?? String(error) });
        send('problems', problemsFrame());
      }
    })();
    await running;
    running = undefined;
    if (again) {
      const next = again;
      again = undefined;
      await compile(next);
    }
  }

  const server = createServer((req, res) => handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const closed = new Promise<void>((resolve) => server.once('close', () => resolve()));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const hosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  function handle(req: IncomingMessage, res: ServerResponse): void {
    // Only this machine's own names: a page elsewhere cannot reach the preview by DNS rebinding.
    if (!hosts.has(req.headers.host ?? '')) return end(res, 403, 'text/plain', 'forbidden host\n');
    if (req.method !== 'GET' && req.method !== 'HEAD') return end(res, 405, 'text/plain', 'method not allowed\n');
    const path = new URL(req.url ?? '/', origin).pathname;
    if (path === EVENTS_PATH) return openStream(res);
    if (path === CLIENT_PATH) return end(res, 200, 'text/javascript; charset=utf-8', clientJs);
    const route = ROUTES[path];
    if (!route) return end(res, 404, 'text/plain', 'not found: the preview serves /deck, /presenter and /handout\n');
    if (route === 'presenter') {
      res.writeHead(302, { location: '/deck?view=presenter', 'cache-control': 'no-store' });
      return void res.end();
    }
    const html = good ? good[route] : waitingPage();
    end(res, 200, 'text/html; charset=utf-8', devPage(html, { origin, version: versions[route], part: route }));
  }

  function openStream(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store', connection: 'keep-alive' });
    res.write('retry: 500\n\n');
    streams.add(res);
    res.on('close', () => streams.delete(res));
    // A page that loaded just before a compile finished catches up here.
    res.write(`event: reload\ndata: ${JSON.stringify(reloadFrame())}\n\n`);
    if (problems) res.write(`event: problems\ndata: ${JSON.stringify(problemsFrame())}\n\n`);
  }

  await compile([]);
  const watcher = watchCourse(options.watchPaths, (files) => void compile(files));
  await watcher.ready;

  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      options.signal?.removeEventListener('abort', onAbort);
      await watcher.close();
      for (const res of streams) res.end();
      streams.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await running;
    })());
  const onAbort = () => void close();
  if (options.signal?.aborted) await close();
  else options.signal?.addEventListener('abort', onAbort, { once: true });

  return { url: `${origin}/`, close, closed };
}

function end(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' });
  res.end(body);
}

/** Shown until the first good compile; the overlay tells why. */
function waitingPage(): string {
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"><title>deckhand dev</title></head><body></body></html>`;
}
