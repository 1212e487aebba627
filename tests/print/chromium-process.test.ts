/**
 * deckhand spawns Chromium itself (so the CLI can start it before loading the
 * build) and connects puppeteer to it. The command line must stay the one
 * puppeteer.launch() would use, or the PDFs change; the process must be
 * reachable, and killing it must leave no process and no profile folder.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { describe, expect, it } from 'vitest';
import { chromiumArgs, CHROMIUM_FLAGS, killChromium, spawnChromium } from '../../src/print/chromium-process.js';
import { findBrowser } from '../../src/print/find-browser.js';
import { BrowserSession } from '../../src/print/browser-session.js';
import { discardPrestarted, prestartChromium } from '../../src/print/prestart.js';
import { BUILTIN_TEMPLATES } from '../../src/render/template-set.js';
import { tempDir } from '../support/fixtures.js';
import { chromiumProcesses, profileDirs, waitFor } from '../support/processes.js';

describe('the Chromium command line', () => {
  it('is what puppeteer.launch() would pass (its defaults, profile, headless), then deckhand\'s flags', () => {
    const profile = '/tmp/some-profile';
    const puppeteers = puppeteer.defaultArgs({ headless: true, userDataDir: profile, args: [] });
    const ours = chromiumArgs(profile, true);
    expect(ours.slice(0, puppeteers.length)).toEqual(puppeteers);
    expect(ours.slice(puppeteers.length)).toEqual([...CHROMIUM_FLAGS, '--no-sandbox', '--remote-debugging-port=0']);
    expect(chromiumArgs(profile, false)).not.toContain('--no-sandbox');
  });

  it('carries the flags this machine requires', () => {
    const args = chromiumArgs('/p');
    for (const flag of ['--disable-background-networking', '--disable-component-update', '--no-first-run']) expect(args).toContain(flag);
  });
});

describe('spawnChromium', () => {
  it('gives an endpoint puppeteer connects to, and killChromium leaves nothing behind', { timeout: 40_000 }, async () => {
    const { executablePath } = await findBrowser();
    const chromium = spawnChromium(executablePath, { ...process.env }, 30_000);
    try {
      expect(existsSync(join(chromium.dir, 'profile')), 'a fresh profile folder').toBe(true);
      const endpoint = await chromium.endpoint;
      expect(endpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/devtools\/browser\//);
      const browser = await puppeteer.connect({ browserWSEndpoint: endpoint });
      const page = await browser.newPage();
      expect(await page.evaluate('6 * 7')).toBe(42);
      await browser.disconnect();
    } finally {
      killChromium(chromium);
    }
    expect(await waitFor(() => (chromiumProcesses(chromium.dir).length === 0 ? true : undefined), 3_000)).toBe(true);
    expect(existsSync(chromium.dir)).toBe(false);
  });

  it('rejects the endpoint with Chromium\'s own words when it cannot start', async () => {
    const chromium = spawnChromium('/bin/false');
    await expect(chromium.endpoint).rejects.toThrow(/exited \(code 1\) before it was ready/);
    killChromium(chromium);
    expect(existsSync(chromium.dir)).toBe(false);
  });
});

describe('a prestarted Chromium', () => {
  it('is the one the session prints with (one launch), and nothing is left to discard', { timeout: 40_000 }, async () => {
    const tmp = tempDir('dh-prestart-');
    const before = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    const session = new BrowserSession({ concurrency: 1, policy: { allowedRoots: [BUILTIN_TEMPLATES] } });
    try {
      prestartChromium();
      const early = await waitFor(() => chromiumProcesses(tmp).find((p) => !p.args.includes('--type=')), 10_000);
      expect(early, 'Chromium runs before the session asked for it').toBeDefined();
      const pdf = await session.withPage(async (page) => {
        await page.setContent('<p>hello</p>');
        return page.pdf();
      });
      expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
      expect(session.launches).toBe(1);
      const main = chromiumProcesses(tmp).filter((p) => !p.args.includes('--type='));
      expect(main.map((p) => p.pid)).toEqual([early!.pid]);
      expect(await discardPrestarted()).toBe(false);
    } finally {
      await session.close();
      if (before === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = before;
    }
    expect(chromiumProcesses(tmp)).toEqual([]);
    expect(profileDirs(tmp)).toEqual([]);
  });
});
