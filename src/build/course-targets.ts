/**
 * Builds the requested targets of one prepared course. Each target is skipped
 * when its cache key and output still match; otherwise it is rendered (deck
 * Markdown/HTML are pure), printed in the shared browser and stamped (PDFs),
 * and written atomically.
 */


import { displayPath } from '../content/load-course.js';
import { environmentError } from '../errors.js';
import type { RenderedDeck } from '../deck/render-deck.js';
import type { BrowserSession } from '../print/browser-session.js';
import { fontFaceCss } from '../render/fonts.js';
import type { StampRequest } from '../stamp/stamp-pdf.js';
import { FOOTER_BOXES } from '../stamp/footer-boxes.js';
import { codeFingerprint, DECKHAND_VERSION } from '../version.js';
import { writeFileAtomic } from './atomic-write.js';
import { sha256, staleReasons, type CacheKey, type CourseCache } from './cache.js';
import type { PreparedCourse } from './prepare-course.js';
import { needsBrowser, targetFile, type TargetKind } from './targets.js';
import { templateHash } from './template-hash.js';

export interface OutputRecord {
  course: string;
  kind: TargetKind;
  path: string;
  sha256: string;
  bytes: number;
  pages?: number;
  rebuilt: boolean;
  reasons: string[];
}

export interface BrowserAccess {
  /** The build's browser session, created (not launched) on first use. */
  session(): Promise<BrowserSession>;
  /** Identity of the browser that would print (path, size, mtime), found without launching it. */
  identity(): Promise<string>;
  warn(message: string): void;
}

export interface TargetContext {
  outDir: string;
  cwd: string;
  force: boolean;
  bleed?: number;
  browser: BrowserAccess;
  onOutput(record: OutputRecord): void;
}

const GENERATOR = `deckhand ${DECKHAND_VERSION}`;

export interface TargetPlan {
  kind: TargetKind;
  file: string;
  key: CacheKey;
  /** Why it must be rebuilt; empty when it is up to date. */
  reasons: string[];
}

/** Decides, from the cache alone, which targets need building and why. */
export async function planCourseTargets(course: PreparedCourse, cache: CourseCache, kinds: TargetKind[], ctx: TargetContext): Promise<TargetPlan[]> {
  return Promise.all(
    kinds.map(async (kind) => {
      const file = targetFile(ctx.outDir, course.id, kind);
      const key = await cacheKey(course, kind, ctx);
      return { kind, file, key, reasons: ctx.force ? ['--force'] : staleReasons(cache[kind], key, file) };
    }),
  );
}

export async function buildCourseTargets(course: PreparedCourse, cache: CourseCache, plans: TargetPlan[], ctx: TargetContext): Promise<OutputRecord[]> {
  let deck: Promise<RenderedDeck> | undefined;
  const renderedDeck = () =>
    (deck ??= import('../deck/render-deck.js').then(({ renderDeck }) => renderDeck(course.templates, course.view, course.theme, sectionNotes(course), fontFaceCss)));

  const jobs = plans.map(async ({ kind, file, key, reasons }): Promise<OutputRecord> => {
    const entry = cache[kind];
    if (reasons.length === 0 && entry) {
      const record: OutputRecord = { course: course.id, kind, path: displayPath(file, ctx.cwd), sha256: entry.sha256, bytes: entry.bytes, ...(entry.pages ? { pages: entry.pages } : {}), rebuilt: false, reasons: [] };
      ctx.onOutput(record);
      return record;
    }
    const { bytes, pages } = await produce(kind);
    writeFileAtomic(file, bytes);
    const digest = sha256(bytes);
    cache[kind] = { key, sha256: digest, bytes: bytes.length, ...(pages ? { pages } : {}) };
    const record: OutputRecord = { course: course.id, kind, path: displayPath(file, ctx.cwd), sha256: digest, bytes: bytes.length, ...(pages ? { pages } : {}), rebuilt: true, reasons };
    ctx.onOutput(record);
    return record;
  });

  async function produce(kind: TargetKind): Promise<{ bytes: Uint8Array; pages?: number }> {
    switch (kind) {
      case 'deck-md':
        return { bytes: Buffer.from((await renderedDeck()).markdown) };
      case 'deck-html': {
        const d = await renderedDeck();
        return { bytes: Buffer.from(d.html), pages: d.slideCount };
      }
      case 'deck-pdf': {
        const d = await renderedDeck();
        // The stamp code loads while Chromium prints.
        const [pdf, { stampPdf }] = await Promise.all([printWithRetry(ctx.browser, d.printHtml, `${course.id} deck`), import('../stamp/stamp-pdf.js')]);
        return stampPdf(pdf, stampRequest(course, 'deck-pdf', { bookmarks: d.outline }));
      }
      case 'handout-pdf': {
        const { renderHandout } = await import('../handout/render-handout.js');
        const html = renderHandout(course.templates, course.view, course.paper, fontFaceCss);
        const [pdf, { stampPdf }] = await Promise.all([printWithRetry(ctx.browser, html, `${course.id} handout`), import('../stamp/stamp-pdf.js')]);
        return stampPdf(pdf, stampRequest(course, 'handout-pdf', { paper: course.paper, ...(ctx.bleed ? { bleed: ctx.bleed } : {}) }));
      }
    }
  }

  return Promise.all(jobs);
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

async function cacheKey(course: PreparedCourse, kind: TargetKind, ctx: TargetContext): Promise<CacheKey> {
  const { state } = course;
  const key: CacheKey = {
    content: sha256(course.canonicalJson),
    review: sha256(JSON.stringify([course.loaded.course.review, state.approved, state.reasons])),
    template: templateHash(course.templates.roots, kind, course.theme),
    deckhand: codeFingerprint(),
    date: course.date.toISOString(),
  };
  if (kind === 'handout-pdf') key.options = JSON.stringify({ paper: course.paper, bleed: ctx.bleed ?? 0 });
  if (needsBrowser(kind)) key.browser = await ctx.browser.identity();
  return key;
}

function sectionNotes(course: PreparedCourse) {
  const c = course.loaded.course;
  return { ...c.speakerNotes, ladder: c.ladder.notes, team: c.team.notes };
}

function stampRequest(course: PreparedCourse, kind: 'deck-pdf' | 'handout-pdf', extra: Partial<StampRequest>): StampRequest {
  const c = course.loaded.course;
  const reviewers = c.review.reviewers.map((r) => ({ name: r.name, role: r.role, date: r.date }));
  return {
    footer: {
      disclaimer: c.disclaimer.short,
      code: c.document.code,
      version: c.document.version,
      reviewedBy: reviewedByLine(reviewers),
    },
    footerBox: kind === 'deck-pdf' ? FOOTER_BOXES.deck : FOOTER_BOXES.handout,
    watermark: !course.state.approved,
    ...extra,
    metadata: {
      title: c.title,
      author: c.organisation,
      subject: `${c.subtitle ?? c.title} (${kind === 'deck-pdf' ? 'training deck' : 'handout'})`,
      keywords: c.keywords,
      language: c.language,
      producer: GENERATOR,
      date: course.date,
      record: {
        course: c.id,
        kind,
        documentCode: c.document.code,
        version: c.document.version,
        reviewers,
        reviewExpires: c.review.expires,
        approvalStatus: course.state.approved ? 'approved' : 'draft',
        sourceSha256: course.loaded.sourceSha256,
        contentFingerprint: course.fingerprint,
        pagesSha256: '',
        generator: GENERATOR,
      },
    },
  };
}


/** "Reviewed by A, 2026-11-16; B, 2026-11-17": the first three sign-offs; the rest are in the document-control block. */
function reviewedByLine(reviewers: { name: string; date: string }[]): string {
  const shown = reviewers.slice(0, 3).map((r) => `${r.name}, ${r.date}`);
  const more = reviewers.length - shown.length;
  return `Reviewed by ${shown.join('; ')}${more > 0 ? ` and ${more} more` : ''}`;
}
