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
import { getAt, loadSample, render, TODAY, validate, withStrings, type Path } from '../hostile/harness.js';
import { prepareCourse } from '../../src/pipeline/prepare-course.js';
import { compile } from '../../src/compile/compile.js';
import { approvalState } from '../../src/review/approval-state.js';
import { canonicalForm, fingerprint } from '../../src/review/canonical.js';
import { EPOCH, REPO, SAMPLE_DIR } from '../support/fixtures.js';
import { launchTestBrowser } from '../support/browser.js';

const WORDS = 'Interventional multidisciplinary assessment considers function, sleep, mood and daily activity before escalation';
/** German words are long: compounds that break only where the hyphenator puts a soft hyphen. */
const GERMAN = 'Interdisziplinäre Schmerzbehandlung berücksichtigt Funktionsfähigkeit, Schlafqualität, Stimmungslage und Alltagsaktivitäten vor jeder Therapieeskalation';

/** The longest run of `words` (repeated) that the field accepts, found by halving. */
function longest(course: ReturnType<typeof loadSample>['course'], path: Path, words = WORDS): string {
  let lo = 1;
  let hi = 2_000;
  const text = (n: number) => words.repeat(30).slice(0, n).trim();
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

/** The base course's deck with every free-text field at its longest. */
function longestBase(): string {
  const s = loadSample();
  const course = withStrings(s.course, s.freeText.map((p): [Path, string] => [p, longest(s.course, p)]));
  const verdict = validate(course);
  expect(verdict.ok, JSON.stringify(!verdict.ok && verdict.problems.slice(0, 3))).toBe(true);
  return verdict.ok ? render(verdict.course, { fontCss: fontFaceCss }).deck.printHtml : '';
}

/** The German edition's deck (German interface text, German hyphenation) with the same fields at their longest, in German words. */
function longestGerman(): string {
  const s = loadSample();
  const prepared = prepareCourse(SAMPLE_DIR, { today: TODAY, cwd: REPO, env: { SOURCE_DATE_EPOCH: EPOCH }, edition: 'de-de' });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.diagnostics));
  const { input, templates } = prepared.course;
  const merged = input.course;
  const course = withStrings(merged, s.freeText.filter((p) => typeof getAt(merged, p) === 'string').map((p): [Path, string] => [p, longest(merged, p, GERMAN)]));
  const verdict = validate(course);
  expect(verdict.ok, JSON.stringify(!verdict.ok && verdict.problems.slice(0, 3))).toBe(true);
  if (!verdict.ok) return '';
  const canonical = canonicalForm(verdict.course, {});
  const state = approvalState(verdict.course, { fingerprint: fingerprint(canonical), canonical }, undefined, TODAY);
  return compile({ ...input, course: verdict.course, state, day: TODAY }, templates, { fonts: fontFaceCss }).deck.printHtml;
}

async function overflowingBoxes(html: string): Promise<string[]> {
  {
    const page = await browser.newPage();
    try {
      await page.setViewport({ width: 1280, height: 720 });
      await page.setContent(html, { waitUntil: 'load' });
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
const boxes = () => (found ??= overflowingBoxes(longestBase()));

describe('slides with the longest valid value in every field', () => {
  it('the title slide keeps every box inside it, above its footer band', { timeout: 60_000 }, async () => {
    expect((await boxes()).filter((b) => b.startsWith('slide 1 '))).toEqual([]);
  });

  it('every slide keeps every box inside it, above the footer band', { timeout: 60_000 }, async () => {
    expect(await boxes()).toEqual([]);
  });

  it('so does the German edition, with German words in every field', { timeout: 90_000 }, async () => {
    expect(await overflowingBoxes(longestGerman())).toEqual([]);
  });
});
