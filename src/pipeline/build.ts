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
import { formatDiagnostic, type Diagnostic } from '../content/diagnostic.js';
import { DeckhandError, environmentError, usageError } from '../errors.js';
import type { BrowserSession } from '../print/browser-session.js';
import { findBrowser } from '../print/find-browser.js';
import { BUILTIN_TEMPLATES } from '../render/template-set.js';
import type { PaperId } from '../render/paper.js';
import type { InterfaceText } from '../compile/interface-text.js';
import { editionKey } from '../content/edition.js';
import { TargetRegistry } from '../targets/registry.js';
import { withSlideLayout } from '../targets/slides-handout.js';
import type { HandoutLayout } from '../pdf/impose/index.js';
import type { Target } from '../targets/target.js';
import type { TemplateSet } from '../render/template-set.js';
import { makeDir } from '../io/atomic-write.js';
import { readCache, writeCache, type CourseCache } from './cache.js';
import { duplicateCourseProblems, refusedBy } from './course-ids.js';
import { buildTargets, planTargets, type BrowserAccess, type OutputRecord, type TargetPlan } from './run-targets.js';
import { reviewDay } from './dates.js';
import { recordOutputs } from './manifest-lock.js';
import { manifestCourse } from './manifest.js';
import { courseEditions, prepareEditions, type PreparedCourse } from './prepare-course.js';
import { releaseRefusal } from './release-refusal.js';
import { TemplateError } from '../render/template-error.js';
import { templateDiagnostic } from './template-diagnostic.js';
import { courseWarnings, sharedCodeWarnings, uniqueDiagnostics } from './course-warnings.js';
import { openSigning } from './certification.js';
import { recordReleases } from './release-record.js';
import { checkWithdrawal, withdrawalFileFor } from './verify-checks/withdrawal.js';
import { mark } from '../trace.js';

export interface BuildOptions {
  courseDirs: string[];
  outDir: string;
  /** Output kinds to build (default: every kind in the registry). */
  kinds?: string[];
  /** Output kinds beyond the built-in ones (see src/targets/target.ts). */
  targets?: readonly Target[];
  paper?: PaperId;
  /** Slides per page of the slide handout (default 3: slides-3up). */
  layout?: HandoutLayout;
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
  /** Editions to build ("base", "tr-tr", …; default: every edition of every course). */
  editions?: string[];
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
  mark('build started');
  options.signal?.throwIfAborted();
  const registry = new TargetRegistry(options.targets);
  const env = options.env ?? process.env;
  const cwd = options.cwd ?? process.cwd();
  const outDir = resolve(cwd, options.outDir);
  const kinds = withSlideLayout(options.kinds ?? registry.defaultKinds, options.layout);
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
  /** Every session this build made (a print after an early close gets a new one), for the launch count. */
  const made: Promise<BrowserSession>[] = [];
  const getSession = (): Promise<BrowserSession> => {
    if (!session) {
      session = borrowed
        ? Promise.resolve(borrowed)
        : import('../print/browser-session.js').then(({ BrowserSession }) => {
            const created = new BrowserSession({
              concurrency,
              policy: { allowedRoots: [...options.courseDirs.map((d) => resolve(cwd, d)), options.templates ? resolve(cwd, options.templates) : BUILTIN_TEMPLATES], onBlocked: (url) => blocked.push(url) },
            });
            if (options.signal?.aborted) created.killNow();
            options.signal?.addEventListener('abort', () => created.killNow(), { once: true });
            return created;
          });
      made.push(session);
    }
    return session;
  };
  // Chromium is closed as soon as the last planned print is back, while the PDF phases still run
  // (about 0.1 s off every build that prints). The finally below waits for it and reports a failure.
  let printsLeft = 0;
  const closings: Promise<void>[] = [];
  const closeSession = (): void => {
    if (!session || borrowed) return;
    const closing = session.then((s) => s.close());
    closing.catch(() => undefined);
    closings.push(closing);
    session = undefined;
  };
  let browserId: Promise<string> | undefined;
  /** Chromium connected and the pool's first pages open: the PDF code loads after that (see run-targets finish). */
  let warming: Promise<void> | undefined;
  const browser: BrowserAccess = {
    session: getSession,
    connected: () => (warming ??= getSession().then((s) => s.warmUp())),
    identity: () => (browserId ??= findBrowser(env).then((b) => {
      const s = statSync(b.executablePath);
      return `${b.executablePath}:${s.size}:${Math.floor(s.mtimeMs)}`;
    })),
    release: () => {
      printsLeft -= 1;
      if (printsLeft === 0) closeSession();
    },
    warn,
  };

  let prepared: { course: PreparedCourse; cache: CourseCache }[] = [];
  const templateSets = new Map<string, TemplateSet>();
  if (options.editions) {
    const offered = new Set(options.courseDirs.flatMap((dir) => courseEditions(resolve(cwd, dir))));
    const missing = options.editions.filter((e) => !offered.has(e));
    if (missing.length > 0) throw usageError(`no edition ${missing.join(', ')} in the given course(s); editions: ${[...offered].sort().join(', ')}`);
  }
  // One cache object per course output folder, shared by its editions.
  const caches = new Map<string, CourseCache>();
  for (const dir of options.courseDirs) {
    const result = prepareEditions(dir, { today, env, cwd, templateSets, ...(options.templates ? { baseTemplates: resolve(cwd, options.templates) } : {}), ...(options.paper ? { paper: options.paper } : {}) }, options.editions);
    if (result.diagnostics.length > 0) {
      errors.push(...result.diagnostics);
      onEvent({ type: 'course', course: displayPath(dir, cwd), message: `failed: ${result.diagnostics.length} problem(s)` });
    }
    for (const w of uniqueDiagnostics(result.prepared.flatMap((course) => course.loaded.warnings))) warn(formatDiagnostic(w));
    for (const course of result.prepared) {
      const name = editionKey(course.edition);
      for (const message of courseWarnings(course)) warn(message);
      if (!course.state.approved) {
        const reasons = course.state.reasons.join('; ');
        if (options.release) {
          // The reasons and what to do are in the diagnostic, printed once with the other errors.
          errors.push(releaseRefusal(course, cwd));
          onEvent({ type: 'course', course: name, message: 'refused (--release): not approved' });
          continue;
        }
        const flag = course.overlay ? ` --edition ${course.edition.edition}` : '';
        warn(`${name} is not approved (${reasons}); its PDFs carry the DRAFT watermark. Once reviewed, sign it off with: deckhand approve ${displayPath(course.loaded.dir, cwd)}${flag} --reviewer "…" --role "…"`);
      }
      // A withdrawn code and version (decks/withdrawn.yaml) never goes out again; each edition has its own code.
      const doc = course.loaded.course.document;
      const withdrawal = checkWithdrawal(withdrawalFileFor(course.loaded.dir), doc.code, doc.version);
      if (withdrawal.problems.length > 0) {
        if (options.release) {
          errors.push({ file: withdrawal.withdrawn?.file ?? course.loaded.file, line: withdrawal.withdrawn?.line ?? 1, column: 1, path: 'withdrawn', message: `release refused for ${name}: ${withdrawal.problems.join('; ')}` });
          onEvent({ type: 'course', course: name, message: `refused (--release): ${withdrawal.problems.join('; ')}` });
          continue;
        }
        warn(`${name}: ${withdrawal.problems.join('; ')}`);
      }
      let cache = caches.get(course.id);
      if (!cache) caches.set(course.id, (cache = readCache(join(outDir, course.id))));
      prepared.push({ course, cache });
    }
  }
  mark('courses prepared');
  const duplicates = duplicateCourseProblems(prepared.map(({ course }) => course));
  if (duplicates.length > 0) {
    errors.push(...duplicates);
    const refused = refusedBy(duplicates);
    for (const d of duplicates) onEvent({ type: 'course', course: d.file, message: 'refused: its id is not unique in this build' });
    prepared = prepared.filter(({ course }) => !refused(course));
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
  for (const message of sharedCodeWarnings(prepared.map(({ course }) => ({ id: editionKey(course.edition), code: course.loaded.course.document.code })))) warn(message);
  // From here on a course is held only until its outputs are written; the manifest needs just these facts.
  const facts = prepared.map(({ course }) => manifestCourse(course));
  const courseLimit = pLimit(Math.max(2, concurrency * 2));
  try {
    // Plan first: if anything must be printed, Chromium starts now and boots
    // while the courses are rendered.
    const planned: ({ course: PreparedCourse; cache: CourseCache; plans: TargetPlan[] } | undefined)[] = await Promise.all(
      prepared.splice(0).map(async ({ course, cache }) => {
        // By course: all of a course's outputs (and its cache file) stay on one runner.
        const wanted = !options.shard || inShard(course.id, options.shard) ? kinds : [];
        return { course, cache, plans: await planTargets(course, cache, wanted.map((k) => registry.get(k)), ctx) };
      }),
    );
    mark('planned');
    options.signal?.throwIfAborted();
    const prints = planned.reduce((n, entry) => n + (entry?.plans.filter((p) => p.target.browser && p.reasons.length > 0).length ?? 0), 0);
    printsLeft = prints;
    if (prints > 0) {
      // Connect to Chromium (the CLI may have started it already) and open the pool's pages while courses render.
      warming = (await getSession()).warmUp(prints);
      mark('session created');
    }
    await Promise.all(
      planned.map((_, index) =>
        courseLimit(async () => {
          const entry = planned[index];
          planned[index] = undefined;
          if (!entry || entry.plans.length === 0) return;
          const { course, cache, plans } = entry;
          try {
            const records = await buildTargets(course, cache, plans, ctx);
            outputs.push(...records);
            writeCache(join(outDir, course.id), cache);
            if (options.release) recordRelease(course, records);
          } catch (error) {
            if (options.signal?.aborted) throw options.signal.reason;
            if (error instanceof DeckhandError && error.kind === 'environment') throw error;
            if (isWriteError(error)) throw environmentError(`cannot write to ${displayPath(outDir, cwd)}: ${(error as Error).message}`, error);
            if (error instanceof TemplateError) {
              errors.push(templateDiagnostic(error, cwd));
              onEvent({ type: 'course', course: course.id, message: 'failed: template error' });
              return;
            }
            const message = error instanceof Error ? error.message : String(error);
            errors.push({ file: course.loaded.file, line: 1, column: 1, path: '(build)', message: `build failed: ${message}` });
            onEvent({ type: 'course', course: editionKey(course.edition), message: `failed: ${message}` });
          }
        }),
      ),
    );
  } finally {
    mark('outputs written');
    closeSession();
    await Promise.all(closings);
    mark('browser closed');
  }
  for (const url of [...new Set(blocked)].sort()) warn(`blocked a request during rendering: ${url}`);

  outputs.sort((a, b) => a.course.localeCompare(b.course) || a.edition.localeCompare(b.edition) || registry.order(a.kind) - registry.order(b.kind));
  const manifest = outputs.length > 0 ? await recordOutputs(outDir, outputs, facts) : undefined;
  return {
    ok: errors.length === 0,
    outputs,
    errors,
    warnings,
    browserLaunches: borrowed ? 0 : (await Promise.all(made)).reduce((n, s) => n + s.launches, 0),
    browserUsed: made.length > 0,
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

/** Stable 1/n of the courses for CI matrices: by a hash of the course id, so adding a course moves no other. */
export function inShard(key: string, shard: { index: number; count: number }): boolean {
  let h = 2166136261;
  for (const c of key) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h % shard.count === shard.index - 1;
}
