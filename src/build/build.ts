/**
 * A build: every course → its targets, skipping what the cache says is up to
 * date, printing what needs a browser in one lazily launched Chromium, and
 * writing every file atomically. A course that fails does not stop the others.
 * Core logic only: progress goes out as events; the CLI decides what to print.
 */
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import pLimit from 'p-limit';
import { duplicateIdProblems, type IdentifiedCourse } from '../content/duplicate-ids.js';
import { displayPath } from '../content/load-course.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { DeckhandError, environmentError } from '../errors.js';
import type { BrowserSession } from '../print/browser-session.js';
import { findBrowser } from '../print/find-browser.js';
import { BUILTIN_TEMPLATES } from '../render/template-set.js';
import type { PaperId } from '../stamp/paper.js';
import { DECKHAND_VERSION } from '../version.js';
import { makeDir } from './atomic-write.js';
import { readCache, writeCache, type CourseCache } from './cache.js';
import { buildCourseTargets, planCourseTargets, type BrowserAccess, type OutputRecord } from './course-targets.js';
import { reviewDay } from './dates.js';
import { recordOutputs } from './manifest-lock.js';
import { prepareCourse, type PreparedCourse } from './prepare-course.js';
import { inShard, needsBrowser, TARGET_KINDS, type TargetKind } from './targets.js';

export interface BuildOptions {
  courseDirs: string[];
  outDir: string;
  kinds?: TargetKind[];
  paper?: PaperId;
  /** Press bleed in points. */
  bleed?: number;
  release?: boolean;
  force?: boolean;
  concurrency?: number;
  shard?: { index: number; count: number };
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

export type BuildEvent =
  | { type: 'course'; course: string; message: string }
  | { type: 'output'; output: OutputRecord }
  | { type: 'warning'; message: string };

export interface BuildResult {
  ok: boolean;
  outputs: OutputRecord[];
  errors: Diagnostic[];
  warnings: string[];
  /** Chromium launches during this build (0 when nothing needed printing). */
  browserLaunches: number;
  manifest?: string;
}

export const defaultConcurrency = () => Math.max(1, Math.min(4, availableParallelism()));

/** The session the CLI may kill on SIGINT/SIGTERM. */
export interface BuildHandle {
  session?: BrowserSession;
}

export async function build(options: BuildOptions, onEvent: (e: BuildEvent) => void = () => {}, handle: BuildHandle = {}): Promise<BuildResult> {
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir);
  const kinds = options.kinds ?? [...TARGET_KINDS];
  const concurrency = options.concurrency ?? defaultConcurrency();
  ensureWritable(outDir);

  const errors: Diagnostic[] = [];
  const warnings: string[] = [];
  const outputs: OutputRecord[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    onEvent({ type: 'warning', message });
  };
  const today = reviewDay(env);

  const blocked: string[] = [];
  // The session (and puppeteer) is only loaded when something needs printing.
  let session: Promise<BrowserSession> | undefined;
  const getSession = () =>
    (session ??= import('../print/browser-session.js').then(({ BrowserSession }) => {
      const created = new BrowserSession({
        concurrency,
        policy: { allowedRoots: [...options.courseDirs.map((d) => resolve(cwd, d)), BUILTIN_TEMPLATES], onBlocked: (url) => blocked.push(url) },
      });
      handle.session = created;
      return created;
    }));
  let browserId: Promise<string> | undefined;
  const browser: BrowserAccess = {
    session: getSession,
    identity: () => (browserId ??= findBrowser(env).then((b) => {
      const s = statSync(b.executablePath);
      return `${b.executablePath}:${s.size}:${Math.floor(s.mtimeMs)}`;
    })),
    warn,
  };

  let prepared: { course: PreparedCourse; cache: CourseCache }[] = [];
  for (const dir of options.courseDirs) {
    const result = prepareCourse(dir, { today, env, cwd, ...(options.paper ? { paper: options.paper } : {}) });
    if (!result.ok) {
      errors.push(...result.diagnostics);
      onEvent({ type: 'course', course: displayPath(dir, cwd), message: `failed: ${result.diagnostics.length} problem(s)` });
      continue;
    }
    const { course } = result;
    if (!course.state.approved) {
      const reasons = course.state.reasons.join('; ');
      if (options.release) {
        errors.push(releaseError(course, reasons));
        onEvent({ type: 'course', course: course.id, message: `refused (--release): not approved: ${reasons}` });
        continue;
      }
      warn(`${course.id} is not approved (${reasons}); its PDFs carry the DRAFT watermark. Once reviewed, sign it off with: deckhand approve ${displayPath(course.loaded.dir, cwd)} --reviewer "…" --role "…"`);
    }
    prepared.push({ course, cache: readCache(join(outDir, course.id)) });
  }
  const duplicates = duplicateIdProblems(prepared.map(({ course }) => identified(course)));
  if (duplicates.length > 0) {
    errors.push(...duplicates);
    const clashing = new Set(duplicates.map((d) => d.file));
    for (const d of duplicates) onEvent({ type: 'course', course: d.file, message: 'refused: its id is not unique in this build' });
    prepared = prepared.filter(({ course }) => !clashing.has(course.loaded.file));
  }

  const ctx = {
    outDir,
    cwd,
    force: options.force ?? false,
    ...(options.bleed ? { bleed: options.bleed } : {}),
    browser,
    onOutput: (output: OutputRecord) => onEvent({ type: 'output', output }),
  };
  const codes = new Map<string, string>();
  for (const { course } of prepared) {
    const code = course.loaded.course.document.code;
    const other = codes.get(code);
    if (other) warn(`${course.id} and ${other} share the document code ${code}; each document needs its own job/approval code`);
    codes.set(code, course.id);
  }
  const courseLimit = pLimit(Math.max(2, concurrency * 2));
  try {
    // Plan first: if anything must be printed, Chromium starts now and boots
    // while the courses are rendered.
    const planned = await Promise.all(
      prepared.map(async ({ course, cache }) => {
        const wanted = kinds.filter((kind) => !options.shard || inShard({ course: course.id, kind }, options.shard));
        return { course, cache, plans: await planCourseTargets(course, cache, wanted, ctx) };
      }),
    );
    if (planned.some(({ plans }) => plans.some((p) => needsBrowser(p.kind) && p.reasons.length > 0))) {
      // Spawn Chromium before rendering, so it starts up while courses render.
      void (await getSession()).warmUp();
      // Load the stamp code now, while Chromium boots, not concurrently with a relaunch after a
      // crash: a dynamic import racing the relaunch's imports saw pdf-lib half-loaded ("rgb is not a function").
      await import('../stamp/stamp-pdf.js');
    }
    await Promise.all(
      planned.map(({ course, cache, plans }) =>
        courseLimit(async () => {
          if (plans.length === 0) return;
          try {
            const records = await buildCourseTargets(course, cache, plans, ctx);
            outputs.push(...records);
            writeCache(join(outDir, course.id), cache);
          } catch (error) {
            if (error instanceof DeckhandError && error.kind === 'environment') throw error;
            if (isWriteError(error)) throw environmentError(`cannot write to ${displayPath(outDir, cwd)}: ${(error as Error).message}`, error);
            const message = error instanceof Error ? error.message : String(error);
            errors.push({ file: course.loaded.file, line: 1, column: 1, path: '(build)', message: `build failed: ${message}` });
            onEvent({ type: 'course', course: course.id, message: `failed: ${message}` });
          }
        }),
      ),
    );
  } finally {
    if (session) await (await session).close();
  }
  for (const url of [...new Set(blocked)].sort()) warn(`blocked a request during rendering: ${url}`);

  outputs.sort((a, b) => a.course.localeCompare(b.course) || TARGET_KINDS.indexOf(a.kind) - TARGET_KINDS.indexOf(b.kind));
  const manifest = outputs.length > 0 ? await recordOutputs(outDir, outputs, prepared.map((p) => p.course)) : undefined;
  return {
    ok: errors.length === 0,
    outputs,
    errors,
    warnings,
    browserLaunches: session ? (await session).launches : 0,
    ...(manifest ? { manifest: displayPath(manifest, cwd) } : {}),
  };
}

export function identified(course: PreparedCourse): IdentifiedCourse {
  const pos = course.loaded.sourceMap.positionOf(['id']);
  return { id: course.id, file: course.loaded.file, idAt: { line: pos.line, column: pos.column } };
}

function releaseError(course: PreparedCourse, reasons: string): Diagnostic {
  const path = course.state.changed.length > 0 ? ['review', 'reviewers'] : ['review', 'status'];
  const pos = course.loaded.sourceMap.positionOf(path);
  return {
    file: course.loaded.file,
    line: pos.line,
    column: pos.column,
    path: path.join('.'),
    message: `release refused for course "${course.id}": not approved: ${reasons}. Re-approve with: deckhand approve ${displayPath(course.loaded.dir)} --reviewer "…" --role "…"`,
  };
}

function isWriteError(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code === 'EACCES' || code === 'EROFS' || code === 'EPERM' || code === 'ENOSPC' || code === 'ENOTDIR';
}

/** Fails early, before any rendering or browser, when the output folder cannot be written. */
function ensureWritable(outDir: string): void {
  const probe = join(outDir, `.deckhand-write-test-${process.pid}`);
  try {
    makeDir(outDir);
    writeFileSync(probe, '');
    rmSync(probe, { force: true });
  } catch (error) {
    throw environmentError(
      `cannot write to the output folder ${displayPath(outDir)}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}. Check its permissions or choose another with --out.`,
      error,
    );
  }
}
