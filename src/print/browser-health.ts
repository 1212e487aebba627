/**
 * "Can this browser still make pages?" A Chromium whose zygote was killed stays
 * "connected", but every new page waits for a renderer that never comes, until
 * the 90 s protocol timeout. These probes bound each step to seconds so that a
 * sick browser is found, killed and replaced quickly.
 */
import type { Browser, Page } from 'puppeteer-core';

/** Longest a new page may take to open and answer (a healthy one takes ~50 ms). */
export const PAGE_DEADLINE_MS = 5_000;

export class BrowserUnhealthyError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BrowserUnhealthyError';
  }
}

/**
 * `promise`, or a BrowserUnhealthyError after `ms`. The timer is cleared once the
 * race is decided; it keeps the process alive until then on purpose, so a
 * promise that never settles cannot let node exit in the middle of a cleanup.
 */
export function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new BrowserUnhealthyError(`${what} took longer than ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** A new page that has run one script turn, within the deadline; throws BrowserUnhealthyError otherwise. */
export async function openPage(browser: Browser, ms = PAGE_DEADLINE_MS): Promise<Page> {
  if (!browser.connected) throw new BrowserUnhealthyError('Chromium is no longer connected');
  const opening = browser.newPage();
  try {
    const page = await withDeadline(opening, ms, 'opening a page');
    // A page without a renderer accepts commands but never answers them.
    await withDeadline(page.evaluate('1'), ms, 'the first script turn of a new page');
    return page;
  } catch (error) {
    void opening.then((p) => p.close().catch(() => undefined), () => undefined);
    throw error instanceof BrowserUnhealthyError ? error : new BrowserUnhealthyError(`cannot open a page: ${(error as Error).message}`, { cause: error });
  }
}

/**
 * Rejects as soon as the page's renderer crashes or the browser goes away, so a
 * print in flight fails in moments ("Target closed") instead of at its timeout.
 */
export function whenPageDies(page: Page): { promise: Promise<never>; dispose(): void } {
  let dispose = () => {};
  const promise = new Promise<never>((_, reject) => {
    const crashed = (error: Error) => reject(new BrowserUnhealthyError(`the page crashed: ${error.message}`));
    const gone = () => reject(new BrowserUnhealthyError('Chromium disconnected (Target closed)'));
    // on(), not once(): puppeteer's once() registers a wrapper that off(handler) cannot remove, so every
    // print's listeners (and, through the race in withPage, its PDF bytes) stayed reachable: 0.12 MiB a print.
    page.on('error', crashed);
    page.browser().on('disconnected', gone);
    dispose = () => {
      page.off('error', crashed);
      page.browser().off('disconnected', gone);
    };
  });
  promise.catch(() => undefined);
  return { promise, dispose: () => dispose() };
}
