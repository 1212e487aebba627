/** `deckhand build`: options → build() → human progress on stderr, optional JSON on stdout, exit code. */
import { existsSync, readFileSync } from 'node:fs';
import { build, type BuildEvent } from '../pipeline/build.js';
import { buildReport } from '../pipeline/report.js';
import { discardPrestarted } from '../print/prestart.js';
import { heapCollector } from './heap-collector.js';
import { TargetRegistry } from '../targets/registry.js';
import { discoverCourses } from '../content/discover.js';
import { formatDiagnostic } from '../content/diagnostic.js';
import { DeckhandError, EXIT, usageError } from '../errors.js';
import { parseLength, type PaperId } from '../render/paper.js';
import type { HandoutLayout } from '../pdf/impose/index.js';
import type { Terminal } from './terminal.js';

/** Rebuilt outputs between two full collections (see heap-collector.ts). */
const COLLECT_EVERY = 8;

interface RawBuildOptions {
  out?: string;
  json?: boolean;
  paper?: PaperId;
  bleed?: string;
  only?: string;
  release?: boolean;
  force?: boolean;
  concurrency?: number;
  shard?: string;
  edition?: string;
  layout?: string;
  sign?: string;
  pdfa?: boolean;
}

/** `signal` aborts the build (see interrupt.ts: the CLI installs the signal handlers before it loads this). */
export async function buildCommand(dirs: string[], raw: RawBuildOptions, terminal: Terminal, signal: AbortSignal): Promise<number> {
  const options = {
    courseDirs: discoverCourses(dirs, process.cwd(), (message) => terminal.warn(message)),
    outDir: raw.out ?? 'output',
    ...(raw.only ? { kinds: parseKinds(raw.only) } : {}),
    ...(raw.paper ? { paper: raw.paper } : {}),
    ...(raw.layout ? { layout: Number(raw.layout) as HandoutLayout } : {}),
    ...(raw.bleed ? { bleed: parseBleed(raw.bleed) } : {}),
    ...(raw.shard ? { shard: parseShard(raw.shard) } : {}),
    ...(raw.edition ? { editions: raw.edition.split(',').map((e) => e.trim()).filter(Boolean) } : {}),
    ...(raw.concurrency ? { concurrency: raw.concurrency } : {}),
    release: raw.release ?? false,
    force: raw.force ?? false,
    ...(raw.pdfa ? { pdfa: true } : {}),
    ...signingKey(raw.sign),
  };

  const started = Date.now();
  try {
    const collect = heapCollector(COLLECT_EVERY);
    const result = await build({ ...options, signal }, (event) => {
      report(event, terminal);
      if (event.type === 'output' && event.output.rebuilt) collect();
    }).catch((error: unknown) => {
      // --json promises one JSON object on stdout, also when the build cannot run at all.
      if (raw.json && error instanceof DeckhandError) {
        process.stdout.write(`${JSON.stringify({ ok: false, outputs: [], errors: [{ file: null, line: null, column: null, path: '(build)', message: error.message }], warnings: [] })}\n`);
      }
      throw error;
    });
    // A Chromium started early for nothing (the plan found everything up to date) is stopped now, and counted.
    if (await discardPrestarted()) result.browserLaunches += 1;
    for (const d of result.errors) terminal.info(formatDiagnostic(d));
    const rebuilt = result.outputs.filter((o) => o.rebuilt).length;
    terminal.info(
      `${result.ok ? 'done' : 'failed'}: ${rebuilt} rebuilt, ${result.outputs.length - rebuilt} up to date, ${result.errors.length} error(s) in ${((Date.now() - started) / 1000).toFixed(1)} s` +
        (result.manifest ? `; manifest ${result.manifest}` : ''),
    );
    if (raw.json) {
      process.stdout.write(`${JSON.stringify(buildReport(result))}\n`);
    }
    return result.ok ? EXIT.ok : EXIT.content;
  } finally {
    await discardPrestarted();
  }
}

function report(event: BuildEvent, terminal: Terminal): void {
  switch (event.type) {
    case 'warning':
      terminal.warn(event.message);
      break;
    case 'course':
      terminal.info(`${event.course}: ${event.message}`);
      break;
    case 'output': {
      const o = event.output;
      terminal.info(o.rebuilt ? `built    ${o.path}  (${o.reasons.join(', ')})` : `current  ${o.path}`);
      break;
    }
  }
}

function parseKinds(list: string, registry = new TargetRegistry()): string[] {
  const parsed = registry.parseOnly(list);
  if ('bad' in parsed) throw usageError(`--only takes a comma-separated list of ${registry.kinds.join(', ')}; got "${list}"`);
  return parsed.kinds;
}

function parseBleed(text: string): number {
  const points = parseLength(text);
  if (points === undefined || points <= 0 || points > 72) throw usageError(`--bleed takes a length such as 3mm, 0.125in or 9pt (at most 1in); got "${text}"`);
  return points;
}

function parseShard(text: string): { index: number; count: number } {
  const m = /^(\d+)\/(\d+)$/.exec(text);
  const index = Number(m?.[1]);
  const count = Number(m?.[2]);
  if (!m || count < 1 || index < 1 || index > count) throw usageError(`--shard takes i/n with 1 <= i <= n, e.g. 2/4; got "${text}"`);
  return { index, count };
}

/** --sign KEY.p12 or DECKHAND_SIGN_P12; the passphrase only ever from DECKHAND_SIGN_PASSPHRASE (a flag would show in ps and shell history). */
export function signingKey(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): { sign?: { p12: Uint8Array; passphrase: string } } {
  const file = flag ?? env.DECKHAND_SIGN_P12;
  if (!file) return {};
  if (!existsSync(file)) throw usageError(`--sign: the key file ${file} does not exist`);
  const passphrase = env.DECKHAND_SIGN_PASSPHRASE;
  if (passphrase === undefined) throw usageError('--sign: set the key\'s passphrase in DECKHAND_SIGN_PASSPHRASE (it is never taken as a flag)');
  return { sign: { p12: new Uint8Array(readFileSync(file)), passphrase } };
}
