/**
 * Building in-process through the programmatic API, with one Chromium per
 * test file: `const browser = sharedBrowser()` at the top of a describe block
 * starts a session in beforeAll and closes it in afterAll; builds borrow it.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll } from 'vitest';
import { build, buildReport, type BuildOptions, type BuildReport, type BuildResult } from '../../src/index.js';
import { discoverCourses } from '../../src/content/discover.js';
import { formatDiagnostic } from '../../src/content/diagnostic.js';
import { parseLength } from '../../src/render/paper.js';
import { BrowserSession } from '../../src/print/browser-session.js';
import { BUILTIN_TEMPLATES } from '../../src/render/template-set.js';
import { EPOCH, REPO } from './fixtures.js';
import { signingKey } from '../../src/cli/build-command.js';

export interface SharedBrowser {
  readonly session: BrowserSession;
  /** Pages refused by the network guard while this file ran. */
  readonly blocked: string[];
}

export function sharedBrowser(): SharedBrowser {
  const blocked: string[] = [];
  let session: BrowserSession | undefined;
  beforeAll(() => {
    session = new BrowserSession({ concurrency: 2, policy: { allowedRoots: [tmpdir(), REPO, BUILTIN_TEMPLATES], onBlocked: (url) => blocked.push(url) } });
    void session.warmUp();
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get session() {
      if (!session) throw new Error('sharedBrowser() is used before beforeAll ran');
      return session;
    },
    blocked,
  };
}

/** build() with the test defaults: SOURCE_DATE_EPOCH fixed, cwd at the workspace, the shared browser when given. */
export function buildWith(options: Partial<BuildOptions> & Pick<BuildOptions, 'courseDirs' | 'outDir'>, browser?: SharedBrowser): Promise<BuildResult> {
  return build({ env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH }, ...(browser ? { session: browser.session } : {}), ...options });
}

/** Removes the temp folders a test made. */
export const removeAll = (dirs: string[]) => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));

export interface ApiRun {
  status: number;
  json: BuildReport;
  browserUsed: boolean;
  /** The lines the CLI would print on stderr: warnings, diagnostics and one line per output. */
  stderr: string;
}

/**
 * `deckhand build ARGS --json`, in-process through the API: the same flags
 * (dirs, --out, --only, --force, -j, --shard, --release, --pdfa, --sign, --paper, --bleed),
 * exit status 0/1 from the result, the --json report, and stderr-like lines.
 * CLI behaviour itself (parsing, exit codes, signals) is tested in tests/cli.
 */
export async function buildArgs(args: string[], options: { cwd?: string; env?: Record<string, string> } = {}, browser?: SharedBrowser): Promise<ApiRun> {
  const cwd = options.cwd ?? REPO;
  const dirs: string[] = [];
  const o: Partial<BuildOptions> = { outDir: 'output' };
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const next = () => args[++i] ?? '';
    if (a === 'build') continue;
    else if (a === '--out' || a === '-o') o.outDir = next();
    else if (a === '--only') o.kinds = next().split(',');
    else if (a === '--force') o.force = true;
    else if (a === '--release') o.release = true;
    else if (a === '--edition') o.editions = next().split(',');
    else if (a === '--pdfa') o.pdfa = true;
    else if (a === '--sign') Object.assign(o, signingKey(next(), { ...process.env, ...options.env }));
    else if (a === '-j') o.concurrency = Number(next());
    else if (a === '--paper') o.paper = next() as 'a4' | 'letter';
    else if (a === '--layout') o.layout = Number(next()) as 1 | 2 | 3 | 6;
    else if (a === '--bleed') o.bleed = parseLength(next()) ?? 0;
    else if (a === '--shard') {
      const [index, count] = next().split('/').map(Number);
      o.shard = { index: index ?? 1, count: count ?? 1 };
    } else if (a.startsWith('-')) throw new Error(`buildArgs does not know ${a}`);
    else dirs.push(a);
  }
  const lines: string[] = [];
  const result = await build(
    { ...o, outDir: o.outDir ?? 'output', courseDirs: discoverCourses(dirs, cwd), cwd, env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH, ...options.env }, ...(browser ? { session: browser.session } : {}) },
    (event) => {
      if (event.type === 'warning') lines.push(`warning: ${event.message}`);
      else if (event.type === 'course') lines.push(`${event.course}: ${event.message}`);
      else lines.push(event.output.rebuilt ? `built    ${event.output.path}  (${event.output.reasons.join(', ')})` : `current  ${event.output.path}`);
    },
  );
  lines.push(...result.errors.map(formatDiagnostic));
  return { status: result.ok ? 0 : 1, json: buildReport(result), browserUsed: result.browserUsed, stderr: `${lines.join('\n')}\n` };
}
