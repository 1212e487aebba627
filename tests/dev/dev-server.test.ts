/**
 * `deckhand dev` in a real Chromium: the page updates within 2 s of saving
 * course.yaml, broken YAML shows an overlay naming the line over the last good
 * render, and fixing it clears the overlay. Runs on a temp copy of the sample.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { courseCompile, courseWatchPaths } from '../../src/dev/course-compile.js';
import { startDevServer, type DevServer } from '../../src/dev/server.js';
import { launchTestBrowser } from '../support/browser.js';
import { sampleWorkspace } from '../support/fixtures.js';

let root: string;
let file: string;
let original: string;
let server: DevServer;
let browser: Browser;
let page: Page;
const controller = new AbortController();

beforeAll(async () => {
  const ws = sampleWorkspace();
  ({ root, file } = ws);
  original = readFileSync(file, 'utf8');
  server = await startDevServer({ courseDir: ws.dir, compile: courseCompile(), watchPaths: courseWatchPaths(ws.dir), signal: controller.signal, cwd: root, onEvent: (e) => process.env.DEV_TRACE && console.log(JSON.stringify({ ...e, diagnostics: undefined })) });
  browser = await launchTestBrowser();
  page = await browser.newPage();
  await page.setViewport({ width: 1280, height: 720 });
});

afterAll(async () => {
  await browser?.close();
  controller.abort();
  await server?.closed;
  rmSync(root, { recursive: true, force: true });
});

/** Polls the page (across reloads) until `probe` returns true; returns the time it took. */
async function within(ms: number, probe: () => boolean): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    const ok = await page.evaluate(probe).catch(() => false); // false while the page is reloading
    if (ok) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not seen within ${ms} ms`);
}

const overlayText = () => page.evaluate(() => document.querySelector('deckhand-error-overlay')?.shadowRoot?.textContent ?? null);

describe('deckhand dev', () => {
  it('serves the deck on 127.0.0.1 with the reload client and a CSP that allows only its own stream', async () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const response = await page.goto(`${server.url}deck`, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    const html = (await response?.text()) ?? '';
    const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1]?.replace(/&#39;/g, "'") ?? '';
    expect(csp).toContain(`connect-src ${server.url}__deckhand/events`);
    expect(csp).toContain("default-src 'none'");
    expect(await page.evaluate(() => document.body.innerText)).toContain('Interventional Pain Management');
    // Any other request from the page is still refused by the page's own policy.
    expect(await page.evaluate(() => fetch('/handout').then(() => 'fetched', () => 'blocked'))).toBe('blocked');
  });

  it('the built deck keeps its strict policy: no dev client, no connect-src', async () => {
    const result = await courseCompile()(root + '/decks/interventional-pain-management', undefined);
    if (!('pages' in result)) throw new Error('sample does not compile');
    expect(result.pages.deck).not.toContain('__deckhand');
    expect(result.pages.deck).not.toContain('connect-src');
  });

  it('shows an edit to course.yaml within 2 s', async () => {
    writeFileSync(file, original.replace(/^title: .*$/m, 'title: Pain Management Live Preview 4711'));
    const ms = await within(2000, () => document.body.innerText.includes('Pain Management Live Preview 4711'));
    expect(ms).toBeLessThan(2000);
  });

  it('broken YAML shows an overlay naming the line, over the last good render', async () => {
    const broken = original.replace(/^title: (.*)$/m, 'title: "Pain Management Live Preview 4711');
    const line = broken.split('\n').findIndex((l) => l.startsWith('title: "')) + 1;
    writeFileSync(file, broken);
    await within(2000, () => Boolean(document.querySelector('deckhand-error-overlay')));
    const text = (await overlayText()) ?? '';
    expect(text).toMatch(new RegExp(`course\\.yaml:${line}:\\d+`));
    expect(text).toContain('decks/interventional-pain-management/course.yaml:'); // relative to where dev runs
    expect(text).not.toContain(root);
    expect(text).toContain('Missing closing');
    // Under the overlay: the last good render, not a blank page.
    expect(await page.evaluate(() => document.querySelector('main')?.innerText ?? '')).toContain('Pain Management Live Preview 4711');
  });

  it('a page opened while the course is broken shows the overlay too', async () => {
    const other = await browser.newPage();
    await other.goto(`${server.url}handout`, { waitUntil: 'load' });
    await other.waitForFunction(() => Boolean(document.querySelector('deckhand-error-overlay')), { timeout: 2000 });
    await other.close();
  });

  it('fixing the YAML clears the overlay', async () => {
    writeFileSync(file, original.replace(/^title: .*$/m, 'title: Pain Management Fixed 4712'));
    await within(2000, () => !document.querySelector('deckhand-error-overlay') && document.body.innerText.includes('Pain Management Fixed 4712'));
    expect(await overlayText()).toBeNull();
  });

  it('serves the presenter view and the handout preview, and refuses other hosts', async () => {
    await page.goto(`${server.url}presenter`, { waitUntil: 'load' });
    expect(page.url()).toContain('/deck?view=presenter');
    expect(await page.evaluate(() => Boolean(document.querySelector('#deckhand-presenter:not([hidden])')))).toBe(true);
    const handout = await fetch(`${server.url}handout`);
    expect(await handout.text()).toContain('Pain Management Fixed 4712');
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${server.url}deck`, { headers: { host: 'evil.example:80' } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(403);
  });

  it('stops cleanly on abort: the port is closed and streams end', async () => {
    const ws = sampleWorkspace();
    const stop = new AbortController();
    const second = await startDevServer({ courseDir: ws.dir, compile: courseCompile(), watchPaths: courseWatchPaths(ws.dir), signal: stop.signal });
    const stream = await fetch(`${second.url}__deckhand/events`);
    const reader = stream.body!.getReader();
    stop.abort();
    await second.closed;
    // The stream ends instead of hanging.
    for (;;) if ((await reader.read()).done) break;
    await expect(fetch(second.url)).rejects.toThrow();
    rmSync(ws.root, { recursive: true, force: true });
  });
});
