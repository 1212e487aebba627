/** A real Chromium for tests, with every request that is not file: or data: blocked and recorded. */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { findBrowser } from '../../src/print/find-browser.js';
import { CHROMIUM_FLAGS } from '../../src/print/browser-session.js';

export async function launchTestBrowser(): Promise<Browser> {
  const { executablePath } = await findBrowser();
  return puppeteer.launch({ executablePath, headless: true, args: [...CHROMIUM_FLAGS, '--no-sandbox'] });
}

export interface PageLog {
  failed: string[];
  blocked: string[];
  errors: string[];
}

export async function openLogged(browser: Browser, url: string, viewport = { width: 1280, height: 720 }): Promise<{ page: Page; log: PageLog }> {
  const page = await browser.newPage();
  await page.setViewport(viewport);
  const log: PageLog = { failed: [], blocked: [], errors: [] };
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const u = request.url();
    if (u.startsWith('file:') || u.startsWith('data:')) void request.continue();
    else {
      log.blocked.push(u);
      void request.abort('blockedbyclient');
    }
  });
  page.on('requestfailed', (r) => log.failed.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') log.errors.push(m.text());
  });
  page.on('pageerror', (e) => log.errors.push(String(e)));
  await page.goto(url, { waitUntil: 'load' });
  return { page, log };
}
