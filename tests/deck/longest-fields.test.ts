/**
 * Every free-text field at the longest value the schema allows (words, so the
 * browser can wrap): no box of any slide may leave its slide, reach into the
 * bottom band the PDF stamp prints the footer in, or be cut off at the top.
 * (A 189-character title with a long subtitle lost its first words off the top
 * of the title slide, and the code line sat under the stamped footer.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'puppeteer-core';
import { fontFaceCss } from '../../src/render/fonts.js';
import { loadSample, render, validate, withStrings, type Path } from '../hostile/harness.js';
import { launchTestBrowser } from '../support/browser.js';

const WORDS = 'Interventional multidisciplinary assessment considers function, sleep, mood and daily activity before escalation';

/** The longest run of WORDS (repeated) that the field accepts, found by halving. */
function longest(course: ReturnType<typeof loadSample>['course'], path: Path): string {
  let lo = 1;
  let hi = 2_000;
  const text = (n: number) => WORDS.repeat(30).slice(0, n).trim();
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (validate(withStrings(course, [[path, text(mid)]])).ok) lo = mid;
    else hi = mid - 1;
  }
  return text(lo);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchTestBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function overflowingBoxes(): Promise<string[]> {
  {
    const s = loadSample();
    const course = withStrings(s.course, s.freeText.map((p): [Path, string] => [p, longest(s.course, p)]));
    const verdict = validate(course);
    expect(verdict.ok, JSON.stringify(!verdict.ok && verdict.problems.slice(0, 3))).toBe(true);
    if (!verdict.ok) return [];
    const { deck } = render(verdict.course, { fontCss: fontFaceCss });
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 720 });
      await page.setContent(deck.printHtml, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const overflowing = await page.evaluate(() => {
        return Array.from(document.querySelectorAll('section')).flatMap((section, i) => {
          // The stamp's footer band at the bottom (see the theme's layout budget); the title slide's white band is 76 px.
          const FOOTER_BAND = section.classList.contains('title') ? 76 : 30;
          const slide = section.getBoundingClientRect();
          const out: string[] = [];
          for (const el of Array.from(section.querySelectorAll('*'))) {
            if (['HEADER', 'FOOTER', 'STYLE'].includes(el.tagName) || el.closest('header, footer')) continue;
            const r = el.getBoundingClientRect();
            if (r.width === 0 && r.height === 0) continue;
            // The ladder's bars have a fixed height: white label text spilling out of a bar is lost on the white slide.
            if (el.matches('section.ladder ol > li') && el.scrollHeight > el.clientHeight + 1) out.push(`slide ${i + 1} (${section.className}): <${el.tagName.toLowerCase()}> text taller than its box`);
            if (r.top < slide.top - 0.5 || r.left < slide.left - 0.5 || r.right > slide.right + 0.5 || r.bottom > slide.bottom - FOOTER_BAND + 0.5) {
              out.push(`slide ${i + 1} (${section.className}): <${el.tagName.toLowerCase()}> ${Math.round(r.top - slide.top)}..${Math.round(r.bottom - slide.top)} px "${(el.textContent ?? '').slice(0, 40)}"`);
            }
          }
          if (section.scrollHeight > section.clientHeight + 1) out.push(`slide ${i + 1} (${section.className}): content taller than the slide`);
          return out.slice(0, 3);
        });
      });
      return overflowing;
    } finally {
      await page.close();
    }
  }
}

let found: Promise<string[]> | undefined;
const boxes = () => (found ??= overflowingBoxes());

describe('slides with the longest valid value in every field', () => {
  it('the title slide keeps every box inside it, above its footer band', { timeout: 60_000 }, async () => {
    expect((await boxes()).filter((b) => b.startsWith('slide 1 '))).toEqual([]);
  });

  it('every slide keeps every box inside it, above the footer band', { timeout: 60_000 }, async () => {
    expect(await boxes()).toEqual([]);
  });
});
