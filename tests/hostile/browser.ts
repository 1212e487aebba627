/**
 * One shared Chromium for a test file, with JavaScript enabled and every request
 * other than data: and the document itself aborted and recorded. `inspect`
 * loads a written document and reports what a hostile string could have done:
 * run script, add elements or attributes, fetch, navigate, log errors.
 */
import { pathToFileURL } from 'node:url';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { PWNED } from './corpus.js';

export const CHROMIUM = process.env.PUPPETEER_EXECUTABLE_PATH ?? process.env.CHROME_PATH ?? '/usr/bin/chromium';

export function launch(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-gpu'],
  });
}

export interface PageReport {
  /** Set only if a payload's script ran (`window.__pwned = …` as an own property, not a named element). */
  pwned: boolean;
  dialogs: string[];
  blocked: string[];
  consoleErrors: string[];
  /** URL after load: a meta refresh or script navigation would change it. */
  url: string;
  frames: number;
  /** Every element in order as tag[attribute names]{inline style properties}; the handout's ladder figure is summarised. */
  signature: string[];
  /** Elements with an on* attribute, and attributes whose value is a javascript: URL. */
  handlers: string[];
  scripts: string[];
  duplicateIds: string[];
  slides: number;
  /** Text of the slides (deck) or of the body without the ladder figure (handout), whitespace collapsed. */
  text: string;
  /** The notes JSON, read from script#deckhand-notes. */
  notes: string[] | null;
  /** Does getElementById('deckhand-notes'), as the shell uses it, find that script? */
  notesFoundById: boolean;
  /** Text of the presenter view's notes pane. */
  presenterNotes: string | null;
  /** Tags inside the handout's ladder figure. */
  ladderTags: string[];
}

/**
 * Runs in the page. Plain JavaScript in a string, so that no compiler helper
 * (e.g. esbuild's __name) leaks into the page.
 */
const IN_PAGE = String.raw`(pwnedName) => {
  const collapse = (s) => s.replace(/[\u00AD\u2060]/g, '').replace(/\s+/g, ' ').trim();
  const all = Array.from(document.querySelectorAll('*'));
  const ladder = document.querySelector('svg.care-ladder');
  const inLadder = (el) => ladder !== null && el !== ladder && ladder.contains(el);
  const signature = all.filter((el) => !inLadder(el)).map((el) => {
    const attrs = Array.from(el.attributes, (a) => a.name).sort();
    // Custom properties are left out: Marp mirrors directives (footer, header, …) into --footer etc.
    // and drops the declaration when the escaped text does not parse as one; no theme reads them.
    const style = el.style ? Array.from(el.style).filter((p) => !p.startsWith('--')).sort().join(',') : '';
    return el.tagName.toLowerCase() + '[' + attrs.join(' ') + ']' + (style ? '{' + style + '}' : '');
  });
  const handlers = all.flatMap((el) => Array.from(el.attributes)
    .filter((a) => /^on/i.test(a.name) || /^\s*javascript:/i.test(a.value))
    .map((a) => el.tagName.toLowerCase() + '.' + a.name));
  const ids = all.map((el) => el.id).filter(Boolean);
  const main = document.querySelector('main#deckhand-deck');
  let text;
  if (main) text = collapse(main.textContent || '');
  else {
    const body = document.body.cloneNode(true);
    const figure = body.querySelector('svg.care-ladder');
    if (figure) figure.remove();
    text = collapse(body.textContent || '');
  }
  const notesEl = document.querySelector('script#deckhand-notes');
  const aside = document.querySelector('aside#deckhand-presenter');
  const pane = aside && aside.querySelector('#deckhand-presenter-notes');
  return {
    pwned: Object.prototype.hasOwnProperty.call(window, pwnedName),
    url: location.href,
    frames: window.frames.length,
    signature,
    handlers,
    scripts: Array.from(document.scripts, (s) => s.id || s.type || '(inline)'),
    duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
    slides: document.querySelectorAll('main#deckhand-deck > div.marpit > svg[data-marpit-svg]').length,
    text,
    notes: notesEl ? JSON.parse(notesEl.textContent || 'null') : null,
    notesFoundById: notesEl !== null && document.getElementById('deckhand-notes') === notesEl,
    presenterNotes: pane && !aside.hidden ? pane.textContent : null,
    ladderTags: ladder ? Array.from(new Set(Array.from(ladder.querySelectorAll('*'), (e) => e.tagName.toLowerCase()))).sort() : [],
  };
}`;

async function settle(page: Page): Promise<void> {
  // Not requestAnimationFrame: a pooled page may be a background tab, where frames do not run.
  await page.evaluate('new Promise((resolve) => setTimeout(resolve, 30))');
}

interface PageState {
  own: string;
  blocked: string[];
  consoleErrors: string[];
  dialogs: string[];
}

/** Idle pages per browser, each with interception and listeners installed once. */
const pools = new WeakMap<Browser, Page[]>();
const states = new WeakMap<Page, PageState>();

async function newGuardedPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  const state: PageState = { own: '', blocked: [], consoleErrors: [], dialogs: [] };
  states.set(page, state);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.split(/[?#]/)[0] === state.own) void request.continue().catch(() => undefined);
    else {
      state.blocked.push(url);
      void request.abort('blockedbyclient').catch(() => undefined);
    }
  });
  page.on('console', (m) => {
    if (m.type() === 'error') state.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => state.consoleErrors.push(`pageerror: ${String(e)}`));
  page.on('dialog', (d) => {
    state.dialogs.push(d.message());
    void d.dismiss().catch(() => undefined);
  });
  return page;
}

/**
 * Loads `file` (optionally with ?query#hash) and reports on it. Pages are
 * reused (a navigation starts a fresh document; listeners are installed once).
 */
export async function inspect(browser: Browser, file: string, suffix = ''): Promise<PageReport> {
  let pool = pools.get(browser);
  if (!pool) pools.set(browser, (pool = []));
  const page = pool.pop() ?? (await newGuardedPage(browser));
  const state = states.get(page) as PageState;
  state.own = pathToFileURL(file).href;
  state.blocked = [];
  state.consoleErrors = [];
  state.dialogs = [];
  let healthy = false;
  try {
    await page.goto(state.own + suffix, { waitUntil: 'load', timeout: 15_000 });
    await settle(page);
    const report = (await page.evaluate(`(${IN_PAGE})(${JSON.stringify(PWNED)})`)) as Omit<PageReport, 'blocked' | 'consoleErrors' | 'dialogs'>;
    healthy = true;
    return { ...report, blocked: state.blocked, consoleErrors: state.consoleErrors, dialogs: state.dialogs };
  } finally {
    if (healthy) pool.push(page);
    else await page.close().catch(() => undefined);
  }
}
