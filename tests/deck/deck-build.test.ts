/**
 * The sample deck, built by the real CLI and inspected the way a trainer would:
 * PDF pages and text, the HTML deck in a real Chromium with the network closed,
 * keyboard navigation and the presenter view, and marp-cli on our Markdown.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { findBrowser } from '../../src/print/find-browser.js';
import { launchTestBrowser, openLogged } from '../support/browser.js';
import { buildArgs, sharedBrowser } from '../support/api.js';
import { REPO, SAMPLE_DIR, SAMPLE_ID, tempDir } from '../support/fixtures.js';
import { loadPdf, pageTexts, pdfinfo } from '../support/pdf.js';

const course = parse(readFileSync(join(SAMPLE_DIR, 'course.yaml'), 'utf8')) as {
  document: { code: string; version: string };
  ladder: { steps: { title: string; notes?: string }[] };
  faq: { question: string }[];
  speakerNotes: { title: string };
};
const out = tempDir('deckhand-deck-');
const file = (suffix: string) => join(out, SAMPLE_ID, `${SAMPLE_ID}.${suffix}`);
let browser: Browser;
const shared = sharedBrowser();
let build: Awaited<ReturnType<typeof buildArgs>>;

beforeAll(async () => {
  build = await buildArgs(['build', SAMPLE_DIR, '--out', out, '--only', 'deck-md,deck-html,deck-pdf', '--edition', 'base'], {}, shared);
  browser = await launchTestBrowser();
});
afterAll(async () => browser?.close());

const htmlSlides = () => (readFileSync(file('deck.html'), 'utf8').match(/<svg[^>]*data-marpit-svg/g) ?? []).length;

describe('deckhand build: deck', () => {
  it('writes deck Markdown, HTML and PDF and reports them as JSON', () => {
    expect(build.status, build.stderr).toBe(0);
    expect(build.json.ok).toBe(true);
    expect(build.json.outputs.map((o) => o.kind)).toEqual(['deck-md', 'deck-html', 'deck-pdf']);
    for (const suffix of ['deck.md', 'deck.html', 'deck.pdf']) expect(existsSync(file(suffix))).toBe(true);
  });

  it('prints one 16:9 PDF page per slide of the HTML deck', async () => {
    const pdf = await loadPdf(file('deck.pdf'));
    expect(pdf.getPageCount()).toBe(htmlSlides());
    expect(htmlSlides()).toBeGreaterThan(12);
    const { width, height } = pdf.getPage(0).getSize();
    expect(width / height).toBeCloseTo(16 / 9, 3);
  });

  it('has every ladder step title and FAQ question in the PDF text, and the document code on every page', async () => {
    const pages = pageTexts(file('deck.pdf'), htmlSlides());
    const all = pages.join(' ');
    for (const step of course.ladder.steps) expect(all).toContain(step.title);
    for (const item of course.faq) expect(all).toContain(item.question);
    pages.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain(course.document.code);
      expect(text, `page ${i + 1}`).toContain(`page ${i + 1} of ${pages.length}`);
    });
  });

  it('has bookmarks for the sections and the document metadata', async () => {
    const info = pdfinfo(file('deck.pdf'));
    expect(info.Title).toBe('Interventional Pain Management');
    expect(info.Tagged).toBe('yes');
    const outline = execFileSync('mutool', ['show', file('deck.pdf'), 'outline'], { encoding: 'utf8' });
    expect(outline).toContain('Agenda');
    expect(outline).toContain('Step 1');
    expect(outline).toContain('Frequently asked questions');
  });

  it('opens offline with no failed request and no console error, and navigates with the keyboard', async () => {
    const { page, log } = await openLogged(browser, pathToFileURL(file('deck.html')).href);
    try {
      expect(log).toEqual({ failed: [], blocked: [], errors: [] });
      // The slides are set in the embedded Noto Sans, not a system fallback.
      expect(await page.evaluate(async () => {
        await document.fonts.ready;
        return document.fonts.check('700 42px "Noto Sans"', 'Step') && [...document.fonts].some((f) => f.family.includes('Noto Sans') && f.status === 'loaded');
      })).toBe(true);
      expect(await page.evaluate(() => document.documentElement.dataset.slide)).toBe('1');
      await page.keyboard.press('ArrowRight');
      expect(await page.evaluate(() => [document.documentElement.dataset.slide, location.hash])).toEqual(['2', '#2']);
      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.documentElement.dataset.slide)).toBe(String(htmlSlides()));
      await page.keyboard.press('Home');
      expect(await page.evaluate(() => document.documentElement.dataset.slide)).toBe('1');
    } finally {
      await page.close();
    }
  });

  it('shows the current slide\'s speaker notes from the YAML in the presenter view', async () => {
    const url = `${pathToFileURL(file('deck.html')).href}?view=presenter#4`;
    const { page, log } = await openLogged(browser, url);
    try {
      expect(log.errors).toEqual([]);
      const notes = await page.$eval('#deckhand-presenter-notes', (el) => el.textContent);
      expect(notes).toBe(course.ladder.steps[0]?.notes?.replace(/\s+/g, ' ').trim());
      expect(await page.$eval('#deckhand-presenter-next svg', (el) => el.tagName.toLowerCase())).toBe('svg');
      expect(await page.$eval('#deckhand-timer', (el) => el.textContent)).toMatch(/^\d\d:\d\d$/);
      await page.keyboard.press('ArrowLeft');
      expect(await page.$eval('#deckhand-presenter-notes', (el) => el.textContent)).toBe(
        // slide 3 is the ladder overview, whose notes are ladder.notes
        (parse(readFileSync(join(SAMPLE_DIR, 'course.yaml'), 'utf8')) as { ladder: { notes: string } }).ladder.notes.replace(/\s+/g, ' ').trim(),
      );
    } finally {
      await page.close();
    }
  });

  it('keeps every slide\'s content inside the slide', async () => {
    const { page } = await openLogged(browser, pathToFileURL(file('deck.html')).href);
    try {
      const overflowing = await page.evaluate(() =>
        Array.from(document.querySelectorAll('section')).flatMap((section, i) => {
          const box = section.getBoundingClientRect();
          const scale = box.height / 720;
          const limit = box.bottom - parseFloat(getComputedStyle(section).paddingBottom) * scale + 1;
          const kids = Array.from(section.children).filter((k) => !['HEADER', 'FOOTER', 'STYLE'].includes(k.tagName));
          const bottom = Math.max(...kids.map((k) => k.getBoundingClientRect().bottom));
          return bottom > limit || section.scrollHeight > section.clientHeight ? [`slide ${i + 1}`] : [];
        }),
      );
      expect(overflowing).toEqual([]);
    } finally {
      await page.close();
    }
  });

  it('stays valid Marp: marp-cli converts our Markdown to a PDF with the same page count', async () => {
    const target = join(out, 'marp-cli.pdf');
    const { executablePath } = await findBrowser();
    execFileSync(process.execPath, [join(REPO, 'node_modules/@marp-team/marp-cli/marp-cli.js'), '--pdf', '--theme-set', join(REPO, 'templates/themes'), '--browser-path', executablePath, '-o', target, file('deck.md')], {
      stdio: 'pipe',
      env: { ...process.env, CHROME_NO_SANDBOX: '1' },
    });
    expect((await loadPdf(target)).getPageCount()).toBe(htmlSlides());
  });
});
