/**
 * Finds a Chromium/Chrome to print with, in this order:
 *   1. PUPPETEER_EXECUTABLE_PATH or CHROME_PATH;
 *   2. a browser in puppeteer's cache (PUPPETEER_CACHE_DIR or ~/.cache/puppeteer);
 *   3. the system chromium or chrome.
 * deckhand never downloads a browser itself.
 */
import { accessSync, constants, existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { environmentError } from '../errors.js';

export interface FoundBrowser {
  executablePath: string;
  /** Where it was found, for messages: "CHROME_PATH", "puppeteer cache", "system". */
  source: string;
}

const SYSTEM_CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

export const NO_BROWSER_HELP = [
  'no Chromium or Chrome found. deckhand needs one to print PDFs. Either:',
  '  - install Chromium:  sudo apt-get install chromium   (Debian/Ubuntu), or your OS package manager;',
  '  - or point deckhand at a browser:  CHROME_PATH=/path/to/chrome (or PUPPETEER_EXECUTABLE_PATH);',
  '  - or download one into puppeteer\'s cache:  npx @puppeteer/browsers install chrome-headless-shell@stable',
  'Building only deck-md and deck-html (--only deck-md,deck-html) needs no browser.',
].join('\n');

const isExecutable = (file: string) => {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
};

export async function findBrowser(env: NodeJS.ProcessEnv = process.env): Promise<FoundBrowser> {
  for (const name of ['PUPPETEER_EXECUTABLE_PATH', 'CHROME_PATH'] as const) {
    const value = env[name];
    if (!value) continue;
    if (!isExecutable(value)) throw environmentError(`${name} is set to "${value}", which is not an executable file.\n${NO_BROWSER_HELP}`);
    return { executablePath: value, source: name };
  }

  const cacheDir = env.PUPPETEER_CACHE_DIR ?? join(homedir(), '.cache', 'puppeteer');
  if (existsSync(cacheDir)) {
    const { Browser, getInstalledBrowsers } = await import('@puppeteer/browsers');
    const installed = (await getInstalledBrowsers({ cacheDir }).catch(() => []))
      .filter((b) => b.browser === Browser.CHROME || b.browser === Browser.CHROMEHEADLESSSHELL || b.browser === Browser.CHROMIUM)
      .sort((a, b) => b.buildId.localeCompare(a.buildId, undefined, { numeric: true }));
    const usable = installed.find((b) => isExecutable(b.executablePath));
    if (usable) return { executablePath: usable.executablePath, source: 'puppeteer cache' };
  }

  const system = SYSTEM_CANDIDATES.find(isExecutable);
  if (system) return { executablePath: system, source: 'system' };
  throw environmentError(NO_BROWSER_HELP);
}
