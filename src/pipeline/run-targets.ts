/**
 * Builds the requested targets of one prepared edition. Each target is skipped
 * when its cache key (with its recorded template reads) and output still
 * match; otherwise it is produced through the registry, taken through its PDF
 * phases, and written atomically. Compiled parts and products are made once.
 */
import type { CompiledDeck, CompiledHandout } from '../compile/compile.js';
import type { InterfaceText } from '../compile/interface-text.js';
import { documentStamp, type DocumentStamp } from '../compile/stamp-text.js';
import { editionFileName } from '../content/edition.js';
import { displayPath } from '../content/load-course.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { environmentError } from '../errors.js';
import type { BrowserSession } from '../print/browser-session.js';
import type { CourseView } from '../render/course-view.js';
import { fontFaceCss } from '../render/fonts.js';
import type { TargetRegistry } from '../targets/registry.js';
import type { BuildSettings, ProduceContext, Product, Target } from '../targets/target.js';
import { codeFingerprint } from '../version.js';
import { join } from 'node:path';
import { mark } from '../trace.js';
import { sha256, staleReasons, type CacheKey, type CourseCache } from './cache.js';
import { certificationFor, type Signing } from './certification.js';
import type { PreparedCourse } from './prepare-course.js';

export interface OutputRecord {
  course: string;
  edition: string;
  kind: string;
  path: string;
  sha256: string;
  bytes: number;
  pages?: number;
  rebuilt: boolean;
  reasons: string[];
  /** PDFs: the drawn-content hash the seal recorded. */
  drawnSha256?: string;
  /** PDFs: PDF/A-2b made and checked. */
  pdfa?: boolean;
  /** PDFs: common name of the signing certificate. */
  signedBy?: string;
}

export interface BrowserAccess {
  /** The build's browser session, created (not launched) on first use. */
  session(): Promise<BrowserSession>;
  /** Resolves once the session's Chromium is connected and its first pages are open (or could not be: the print will say why). */
  connected(): Promise<void>;
  /** Identity of the browser that would print (path, size, mtime), found without launching it. */
  identity(): Promise<string>;
  /** A target that needed the browser has its printed product (or failed): once all have, Chromium can go. */
  release(): void;
  warn(message: string): void;
}

export interface TargetContext {
  outDir: string;
  cwd: string;
  force: boolean;
  settings: BuildSettings;
  registry: TargetRegistry;
  text?: InterfaceText;
  browser: BrowserAccess;
  onOutput(record: OutputRecord): void;
  /** --release: every target is rebuilt (the cache is never trusted for a release). */
  release?: boolean;
  /** PDF/A-2b for every PDF (--pdfa; always under --release). */
  pdfa?: boolean;
  /** --sign: the key that signs every released PDF. */
  signing?: Signing;
}

export interface TargetPlan {
  target: Target;
  file: string;
  /** Key without the template component, which depends on what the target reads. */
  key: CacheKey;
  /** Why it must be rebuilt; empty when it is up to date. */
  reasons: string[];
}

/** output/<course>/<course>[.<edition>].<suffix> */
export const targetFile = (outDir: string, course: PreparedCourse, target: Target, settings: BuildSettings = {}): string =>
  join(outDir, course.id, editionFileName(course.edition, variantSuffix(target.suffix, target.variant?.(course.input, settings))));

/** `handout.pdf` + `letter` → `handout-letter.pdf`. */
const variantSuffix = (suffix: string, variant: string | undefined): string => {
  if (!variant) return suffix;
  const dot = suffix.lastIndexOf('.');
  return dot < 0 ? `${suffix}-${variant}` : `${suffix.slice(0, dot)}-${variant}${suffix.slice(dot)}`;
};

/** Decides, from the cache alone, which targets need building and why. */
export async function planTargets(course: PreparedCourse, cache: CourseCache, targets: Target[], ctx: TargetContext): Promise<TargetPlan[]> {
  const entries = cache[course.edition.edition] ?? {};
  return Promise.all(
    targets.map(async (target) => {
      const file = targetFile(ctx.outDir, course, target, ctx.settings);
      const key = await baseKey(course, target, ctx);
      const entry = entries[target.kind];
      const current = entry ? { ...key, template: course.templates.fingerprint(entry.reads) } : key;
      const reasons = ctx.force ? ['--force'] : ctx.release ? ['--release rebuilds: a release never trusts the cache'] : staleReasons(entry, current, file);
      return { target, file, key, reasons };
    }),
  );
}

export async function buildTargets(course: PreparedCourse, cache: CourseCache, plans: TargetPlan[], ctx: TargetContext): Promise<OutputRecord[]> {
  const entries = (cache[course.edition.edition] ??= {});
  // The compiler (Marp, markdown-it, postcss, Handlebars) loads when the first target is to be built.
  let produce: Promise<ProduceContext> | undefined;
  const produceFor = () => (produce ??= loadCompiler().then((compiler) => produceContext(course, ctx, compiler)));
  const record = (plan: TargetPlan, fields: { sha256: string; bytes: number; pages?: number; drawnSha256?: string; pdfa?: boolean; signedBy?: string }, rebuilt: boolean): OutputRecord => {
    const r: OutputRecord = {
      course: course.id,
      edition: course.edition.edition,
      kind: plan.target.kind,
      path: displayPath(plan.file, ctx.cwd),
      sha256: fields.sha256,
      bytes: fields.bytes,
      ...(fields.pages ? { pages: fields.pages } : {}),
      rebuilt,
      reasons: rebuilt ? plan.reasons : [],
      ...(fields.drawnSha256 ? { drawnSha256: fields.drawnSha256 } : {}),
      ...(fields.pdfa ? { pdfa: true } : {}),
      ...(fields.signedBy ? { signedBy: fields.signedBy } : {}),
    };
    ctx.onOutput(r);
    return r;
  };
  return Promise.all(
    plans.map(async (plan) => {
      const entry = entries[plan.target.kind];
      if (plan.reasons.length === 0 && entry) return record(plan, entry, false);
      const { bytes, pages, reads, drawnSha256, pdfa, signed } = await finish(plan.target, await produceFor(), course, ctx);
      writeFileAtomic(plan.file, bytes);
      const digest = sha256(bytes);
      const key = { ...plan.key, template: course.templates.fingerprint(reads) };
      entries[plan.target.kind] = { key, sha256: digest, bytes: bytes.length, ...(pages ? { pages } : {}), reads: [...reads] };
      const signedBy = signed && ctx.signing ? ctx.signing.name : undefined;
      return record(plan, { sha256: digest, bytes: bytes.length, ...(pages ? { pages } : {}), ...(drawnSha256 ? { drawnSha256 } : {}), ...(pdfa ? { pdfa } : {}), ...(signedBy ? { signedBy } : {}) }, true);
    }),
  );
}

/** The product, through the target's PDF phases (pdf-lib loads while Chromium prints). */
async function finish(target: Target, ctx: ProduceContext, course: PreparedCourse, tctx: TargetContext): Promise<Product & { drawnSha256?: string; pdfa?: boolean; signed?: boolean }> {
  if (!target.pdf) return ctx.product(target.kind);
  // pdf-lib loads once Chromium is connected and the pages are open: evaluating it earlier held up the DevTools
  // handshake, then the page opening, by 0.4-0.6 s; now it loads while Chromium prints.
  const phases = (target.browser ? tctx.browser.connected() : Promise.resolve()).then(() => import('../pdf/phases.js'));
  const printed = target.browser ? ctx.product(target.kind).finally(() => tctx.browser.release()) : ctx.product(target.kind);
  const [product, { runPdfPhases }] = await Promise.all([printed, phases]);
  const requests = target.pdf.requests(ctx, product);
  // Archive and sign apply to every PDF kind; signing only to released ones, as the last write.
  if (tctx.pdfa || tctx.release) requests.archive = {};
  if (tctx.signing && tctx.release) requests.sign = tctx.signing.options(course, ctx.text);
  mark(`${target.kind}: phases start`);
  const done = await runPdfPhases(product.bytes, requests);
  mark(`${target.kind}: phases done`);
  return { bytes: done.bytes, pages: done.pages, reads: product.reads, drawnSha256: done.pagesSha256, pdfa: done.pdfa, signed: done.signed };
}

type Compiler = typeof import('../compile/compile.js');
let compiler: Promise<Compiler> | undefined;
const loadCompiler = () => (compiler ??= import('../compile/compile.js'));

function produceContext(course: PreparedCourse, ctx: TargetContext, { compileDeck, compileHandout, compileView, textOf }: Compiler): ProduceContext {
  const text = textOf(course.input, ctx.text);
  const options = { fonts: fontFaceCss, text };
  let view: CourseView | undefined;
  let deck: CompiledDeck | undefined;
  let handout: CompiledHandout | undefined;
  const stamps = new Map<string, DocumentStamp>();
  const products = new Map<string, Promise<Product>>();
  const produce: ProduceContext = {
    edition: course.edition,
    input: course.input,
    templates: course.templates,
    text,
    settings: ctx.settings,
    view: () => (view ??= compileView(course.input, text)),
    deck: () => (deck ??= compileDeck(course.input, course.templates, options, (view ??= compileView(course.input, text)))),
    handout: () => (handout ??= compileHandout(course.input, course.templates, options, (view ??= compileView(course.input, text)))),
    stamp: (kind) => {
      let s = stamps.get(kind);
      if (!s) stamps.set(kind, (s = documentStamp(course.input, kind, text)));
      return s;
    },
    print: (html, what) => printWithRetry(ctx.browser, html, what),
    certification: (box) => certificationFor(course, text, box, ctx.release && ctx.signing ? ctx.signing : undefined),
    product: (kind) => {
      let p = products.get(kind);
      if (!p) products.set(kind, (p = ctx.registry.get(kind).produce(produce)));
      return p;
    },
  };
  return produce;
}

/**
 * If Chromium dies or stops making pages while printing, the browser is checked
 * (seconds, not the protocol timeout), replaced if it is sick, and the document
 * retried once. A second failure is the machine's, not the content's: exit 3.
 */
async function printWithRetry(browser: BrowserAccess, html: string, what: string): Promise<Uint8Array> {
  const [{ printPdf }, session] = await Promise.all([import('../print/print-pdf.js'), browser.session()]);
  try {
    return await printPdf(session, html);
  } catch (error) {
    if ((error as { kind?: string }).kind === 'environment') throw error;
    browser.warn(`printing ${what} failed (${(error as Error).message.split('\n')[0]}); retrying once`);
    await session.ensureHealthy();
    try {
      return await printPdf(session, html);
    } catch (again) {
      if ((again as { kind?: string }).kind === 'environment') throw again;
      throw environmentError(`printing ${what} failed twice in Chromium (${(again as Error).message.split('\n')[0]}); the browser keeps failing, not the course`, again);
    }
  }
}

async function baseKey(course: PreparedCourse, target: Target, ctx: TargetContext): Promise<CacheKey> {
  const { state } = course;
  const key: CacheKey = {
    content: sha256(course.canonicalJson),
    review: sha256(JSON.stringify([course.loaded.course.review, state.approved, state.reasons])),
    deckhand: codeFingerprint(),
    date: course.date.toISOString(),
  };
  if (target.options) key.options = target.options(course.input, ctx.settings);
  if (target.pdf && (ctx.pdfa || ctx.release)) key.archive = 'pdfa-2b';
  if (target.pdf && ctx.release && ctx.signing) key.sign = ctx.signing.fingerprint;
  if (target.browser) key.browser = await ctx.browser.identity();
  return key;
}
