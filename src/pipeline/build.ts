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
import { displayPath } from '../content/load-course.js';
import type { Diagnostic } from '../content/diagnostic.js';
import { DeckhandError, environmentError, usageError } from '../errors.js';
import type { BrowserSession } from '../print/browser-session.js';
import { findBrowser } from '../print/find-browser.js';
import { BUILTIN_TEMPLATES } from '../render/template-set.js';
import type { PaperId } from '../render/paper.js';
import type { InterfaceText } from '../compile/interface-text.js';
import { editionKey } from '../content/edition.js';
import { TargetRegistry } from '../targets/registry.js';
import type { Target } from '../targets/target.js';
import type { TemplateSet } from '../render/template-set.js';
import { makeDir } from '../io/atomic-write.js';
import { readCache, writeCache, type CourseCache } from './cache.js';
import { buildTargets, planTargets, type BrowserAccess, type OutputRecord } from './run-targets.js';
import { reviewDay } from './dates.js';
import { writeManifest } from './manifest.js';
import { prepareCourse, type PreparedCourse } from './prepare-course.js';
import { openSigning } from './certification.js';
import { recordReleases } from './release-record.js';
import { checkWithdrawal, withdrawalFileFor } from './verify-checks/withdrawal.js';

export interface BuildOptions {
  courseDirs: string[];
  outDir: string;
  /** Output kinds to build (default: every kind in the registry). */
  kinds?: string[];
  /** Output kinds beyond the built-in ones (see src/targets/target.ts). */
  targets?: readonly Target[];
  paper?: PaperId;
  /** Press bleed in points. */
  bleed?: number;
  release?: boolean;
  /** PDF/A-2b for every PDF (always under release). */
  pdfa?: boolean;
  /** Sign every released PDF (PAdES B-B) with this PKCS#12 key; only with release. */
  sign?: { p12: Uint8Array; passphrase: string };
  force?: boolean;
  concurrency?: number;
  shard?: { index: number; count: number };
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  /** Aborting stops Chromium at once and fails the build with an AbortError. */
  signal?: AbortSignal;
  /** A browser session to borrow (e.g. one per test file); the build neither launches a second nor closes it. */
  session?: BrowserSession;
  /** Interface strings for the documents (default English). */
  text?: InterfaceText;
  /** The base templates folder every course falls back to (default: deckhand's own templates/). */
  templates?: string;
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
  /** Chromium launches during this build (0 when nothing needed printing, or the session was borrowed). */
  browserLaunches: number;
  /** Whether anything was printed (the browser, own or borrowed, was used). */
  browserUsed: boolean;
  manifest?: string;
}

export const defaultConcurrency = () => Math.max(1, Math.min(4, availableParallelism()));

export async function build(options: BuildOptions, onEvent: (e: BuildEvent) => void = () => {}): Promise<BuildResult> {
  options.signal?.throwIfAborted();
  const registry = new TargetRegistry(options.targets);
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir);
  const kinds = options.kinds ?? registry.kinds;
  const unknown = kinds.filter((kind) => !registry.has(kind));
  if (unknown.length > 0) throw usageError(`unknown output kind(s) ${unknown.join(', ')}; known: ${registry.kinds.join(', ')}`);
  const concurrency = options.concurrency ?? defaultConcurrency();
  if (options.sign && !options.release) throw usageError('--sign signs released PDFs only: add --release');
  const signing = options.sign ? openSigning(options.sign.p12, options.sign.passphrase) : undefined;
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
  const borrowed = options.session;
  const getSession = () =>
    (session ??= borrowed
      ? Promise.resolve(borrowed)
      : import('../print/browser-session.js').then(({ BrowserSession }) => {
          const created = new BrowserSession({
            concurrency,
            policy: { allowedRoots: [...options.courseDirs.map((d) => resolve(cwd, d)), options.templates ? resolve(cwd, options.templates) : BUILTIN_TEMPLATES], onBlocked: (url) => blocked.push(url) },
          });
          if (options.signal?.aborted) created.killNow();
          options.signal?.addEventListener('abort', () => created.killNow(), { once: true });
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

  const prepared: { course: PreparedCourse; cache: CourseCache }[] = [];
  const templateSets = new Map<string, TemplateSet>();
  for (const dir of options.courseDirs) {
    const result = prepareCourse(dir, { today, env, cwd, templateSets, ...(options.templates ? { baseTemplates: resolve(cwd, options.templates) } : {}), ...(options.paper ? { paper: options.paper } : {}) });
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
    const doc = course.loaded.course.document;
    const withdrawal = checkWithdrawal(withdrawalFileFor(course.loaded.dir), doc.code, doc.version);
    if (withdrawal.problems.length > 0) {
      if (options.release) {
        errors.push({ file: withdrawal.withdrawn?.file ?? course.loaded.file, line: withdrawal.withdrawn?.line ?? 1, column: 1, path: 'withdrawn', message: `release refused for course "${course.id}": ${withdrawal.problems.join('; ')}` });
        onEvent({ type: 'course', course: course.id, message: `refused (--release): ${withdrawal.problems.join('; ')}` });
        continue;
      }
      warn(`${course.id}: ${withdrawal.problems.join('; ')}`);
    }
    prepared.push({ course, cache: readCache(join(outDir, course.id)) });
  }

  const ctx = {
    outDir,
    cwd,
    force: options.force ?? false,
    settings: options.bleed ? { bleed: options.bleed } : {},
    registry,
    ...(options.text ? { text: options.text } : {}),
    browser,
    onOutput: (output: OutputRecord) => onEvent({ type: 'output', output }),
    release: options.release ?? false,
    pdfa: (options.pdfa ?? false) || (options.release ?? false),
    ...(signing ? { signing } : {}),
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
        const wanted = kinds.filter((kind) => !options.shard || inShard(`${editionKey(course.edition)}/${kind}`, options.shard));
        return { course, cache, plans: await planTargets(course, cache, wanted.map((k) => registry.get(k)), ctx) };
      }),
    );
    options.signal?.throwIfAborted();
    if (planned.some(({ plans }) => plans.some((p) => p.target.browser && p.reasons.length > 0))) {
      // Spawn Chromium before rendering, so it starts up while courses render.
      void (await getSession()).warmUp();
    }
    await Promise.all(
      planned.map(({ course, cache, plans }) =>
        courseLimit(async () => {
          if (plans.length === 0) return;
          try {
            const records = await buildTargets(course, cache, plans, ctx);
            outputs.push(...records);
            writeCache(join(outDir, course.id), cache);
            if (options.release) recordRelease(course, records);
          } catch (error) {
            if (options.signal?.aborted) throw options.signal.reason;
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
    if (session && !borrowed) await (await session).close();
  }
  for (const url of [...new Set(blocked)].sort()) warn(`blocked a request during rendering: ${url}`);

  outputs.sort((a, b) => a.course.localeCompare(b.course) || a.edition.localeCompare(b.edition) || registry.order(a.kind) - registry.order(b.kind));
  const manifest = outputs.length > 0 ? writeManifest(outDir, outputs, prepared.map((p) => p.course)) : undefined;
  return {
    ok: errors.length === 0,
    outputs,
    errors,
    warnings,
    browserLaunches: session && !borrowed ? (await session).launches : 0,
    browserUsed: session !== undefined,
    ...(manifest ? { manifest: displayPath(manifest, cwd) } : {}),
  };
}

/** The release record beside course.yaml: what verify checks an unsigned PDF against (see release-record.ts). */
function recordRelease(course: PreparedCourse, records: OutputRecord[]): void {
  const doc = course.loaded.course.document;
  const bindings = course.loaded.course.review.reviewers.map((r) => r.binding ?? '').filter(Boolean);
  const entries = records
    .filter((r) => r.drawnSha256)
    .map((r) => ({
      edition: r.edition,
      kind: r.kind,
      documentCode: doc.code,
      version: doc.version,
      fingerprint: course.fingerprint,
      drawnSha256: r.drawnSha256 ?? '',
      sha256: r.sha256,
      bindings,
      date: course.date.toISOString(),
      ...(r.signedBy ? { signedBy: r.signedBy } : {}),
    }));
  if (entries.length > 0) recordReleases(course.loaded.dir, entries);
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

/** Stable 1/n of the targets for CI matrices: by a hash of "<edition key>/<kind>", so adding a course or edition moves nothing else. */
export function inShard(key: string, shard: { index: number; count: number }): boolean {
  let h = 2166136261;
  for (const c of key) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h % shard.count === shard.index - 1;
}
