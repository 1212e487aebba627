/**
 * The one Chromium of a build. It is launched lazily on the first print, lends
 * pages from a small pool (at most `concurrency` at once), and is always closed
 * with its temporary profile removed, on error too. If Chromium dies, the memo
 * is cleared and the next request relaunches it.
 */
import type { ChildProcess } from 'node:child_process';
import pLimit, { type LimitFunction } from 'p-limit';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { environmentError } from '../errors.js';
import { mark } from '../trace.js';
import { BrowserUnhealthyError, openPage, PAGE_DEADLINE_MS, whenPageDies, withDeadline } from './browser-health.js';
import { killChromium, killGroup, killGroupAndWait, killProcessesUsing, removeDir, spawnChromium, type ChromiumProcess } from './chromium-process.js';
import { findBrowser } from './find-browser.js';
import { guardNetwork, type RequestPolicy } from './network-guard.js';
import { takePrestarted } from './prestart.js';

export { CHROMIUM_FLAGS } from './chromium-process.js';

export interface SessionOptions {
  concurrency: number;
  policy: RequestPolicy;
}

export class BrowserSession {
  /** How many times Chromium was launched (tests and the bench read this). */
  launches = 0;
  private browserPromise: Promise<Browser> | undefined;
  /** The browser browserPromise resolved to, once it has. */
  private current: Browser | undefined;
  private idle: Page[] = [];
  /** Pages warmUp() asked for that are not open yet; acquire() takes them first. */
  private opening: Promise<Page>[] = [];
  private closed = false;
  /** Every Chromium this session ever started, dead or alive: close() and killNow() end them all and remove their folders. */
  private readonly chromiums: ChromiumProcess[] = [];
  private readonly processOf = new WeakMap<Browser, ChildProcess>();
  private readonly limit: LimitFunction;

  constructor(private readonly options: SessionOptions) {
    this.limit = pLimit(options.concurrency);
  }

  /**
   * Runs `fn` with a page borrowed from the pool (at most `concurrency` at once).
   * The page goes back to the pool afterwards, or is closed if `fn` failed.
   */
  withPage<T>(fn: (page: Page) => Promise<T>): Promise<T> {
    return this.limit(async () => {
      const page = await this.acquire();
      let healthy = true;
      // A crashed renderer or a vanished browser fails the work at once, not at its timeout.
      const dies = whenPageDies(page);
      try {
        return await Promise.race([fn(page), dies.promise]);
      } catch (error) {
        healthy = false;
        throw error;
      } finally {
        dies.dispose();
        if (healthy && !page.isClosed() && page.browser().connected && !this.closed) this.idle.push(page);
        else await withDeadline(page.close(), 1_000, 'closing a page').catch(() => undefined);
      }
    });
  }

  /**
   * Connects to Chromium (starting it if need be) and opens up to `pages`
   * pool pages in the background, so they are ready when the first document
   * is. Resolves when they are; never rejects (the print that needs them will).
   */
  warmUp(pages = 0): Promise<void> {
    const wanted = Math.min(pages, this.options.concurrency) - this.idle.length - this.opening.length;
    const connecting = this.browser();
    const opening = Array.from({ length: Math.max(0, wanted) }, () => this.prepared());
    this.opening.push(...opening);
    return Promise.all([connecting, ...opening])
      .then(
        () => undefined,
        () => undefined,
      );
  }

  /**
   * Kills every Chromium this session ever launched (the current one and any
   * that died or were replaced) with their whole process groups, and deletes
   * all temp profiles. The profile is thrown away, so there is nothing for
   * Chromium to save: no graceful shutdown (which costs ~150 ms per build).
   */
  async close(): Promise<void> {
    this.closed = true;
    const pending = this.browserPromise;
    this.browserPromise = undefined;
    this.idle = [];
    this.opening = [];
    const browser = pending ? await withDeadline(pending, 35_000, 'starting Chromium').catch(() => undefined) : undefined;
    if (browser) {
      await withDeadline(browser.disconnect(), 1_000, 'disconnecting').catch(() => undefined);
    }
    await Promise.all(this.chromiums.map(({ proc }) => killGroupAndWait(proc)));
    // Anything left that still uses a profile (a helper that left the group) goes too.
    for (const { dir } of this.chromiums) killProcessesUsing(dir);
    for (const { dir } of this.chromiums.splice(0)) removeDir(dir);
  }

  /**
   * After a failed print: can the current browser still make pages? If not
   * (a dead zygote, a lost connection), it is killed and forgotten so the next
   * page comes from a fresh one. Bounded to a few seconds.
   */
  async ensureHealthy(): Promise<void> {
    const pending = this.browserPromise;
    if (!pending || this.closed) return;
    const browser = await withDeadline(pending, 35_000, 'starting Chromium').catch(() => undefined);
    if (!browser) return;
    try {
      const page = await openPage(browser);
      await withDeadline(page.close(), 1_000, 'closing a page').catch(() => undefined);
    } catch {
      this.discard(browser);
    }
  }

  /** Forgets `browser` (its pages too) and kills its process group; the next page relaunches. */
  private discard(browser: Browser): void {
    // Synchronously: the very next request must not get this browser again.
    if (this.current === browser) {
      this.current = undefined;
      this.browserPromise = undefined;
    }
    this.idle = this.idle.filter((page) => page.browser() !== browser);
    const proc = this.processOf.get(browser);
    if (proc) killGroup(proc);
    void browser.disconnect().catch(() => undefined);
  }

  /** Synchronous last resort for signal handlers: kill Chromium and remove the profiles. */
  killNow(): void {
    this.closed = true;
    for (const { proc, dir } of this.chromiums) {
      killGroup(proc);
      killProcessesUsing(dir);
    }
    // We are about to exit: give the dying processes a moment to stop writing
    // into their profile before it is removed (a synchronous pause is fine here).
    if (this.chromiums.length > 0) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    for (const { dir } of this.chromiums.splice(0)) removeDir(dir);
  }

  private browser(): Promise<Browser> {
    if (this.closed) return Promise.reject(new Error('the browser session is closed'));
    // A launch can fail once for passing reasons (a crashed predecessor still exiting); try twice.
    if (!this.browserPromise) {
      const launching: Promise<Browser> = this.launch()
        .catch(() => this.launch())
        .then((browser) => {
          if (this.browserPromise === launching) this.current = browser;
          return browser;
        })
        .catch((error: unknown) => {
          if (this.browserPromise === launching) this.browserPromise = undefined;
          throw error;
        });
      this.browserPromise = launching;
    }
    return this.browserPromise;
  }

  /**
   * Chromium for this session: the one the CLI prestarted if it is waiting
   * (see prestart.ts), or a new one; then puppeteer connects to its endpoint.
   */
  private async launch(): Promise<Browser> {
    const found = await findBrowser();
    this.launches += 1;
    const chromium: ChromiumProcess = (await takePrestarted(found.executablePath)) ?? spawnChromium(found.executablePath);
    mark('chromium launching');
    this.chromiums.push(chromium);
    try {
      const browser = await puppeteer.connect({
        browserWSEndpoint: await chromium.endpoint,
        // Any DevTools call that gets no answer fails instead of hanging the build.
        protocolTimeout: 90_000,
      });
      mark('chromium connected');
      this.processOf.set(browser, chromium.proc);
      // Chromium died or was closed: forget it and its pages, and kill what is left of its
      // process group, so the next print relaunches and nothing outlives the build.
      browser.once('disconnected', () => this.discard(browser));
      return browser;
    } catch (error) {
      killChromium(chromium);
      throw environmentError(`could not start ${found.executablePath} (found via ${found.source}): ${(error as Error).message}`, error);
    }
  }

  private async acquire(): Promise<Page> {
    const page = this.idle.pop();
    if (page && !page.isClosed()) return page;
    // A page warmUp() is still opening is taken over rather than opening one more.
    const opening = this.opening.shift();
    if (opening) {
      const warm = await opening.catch(() => undefined);
      if (warm && !warm.isClosed() && warm.browser().connected) return warm;
    }
    return this.prepared();
  }

  /** A new page, scripts off and network guarded. */
  private async prepared(): Promise<Page> {
    let created: Page;
    try {
      created = await this.openOn(await this.browser());
    } catch (error) {
      if (!(error instanceof BrowserUnhealthyError)) throw error;
      // A browser that cannot make pages within seconds is replaced once; then it is the machine.
      try {
        created = await this.openOn(await this.browser());
      } catch (again) {
        throw environmentError(`Chromium cannot open pages (${(again as Error).message}), also after a restart; check memory and /dev/shm, then try again`, again);
      }
    }
    mark('page opened');
    // Print pages never run scripts, and every request outside the allowed folders is refused.
    await withDeadline(Promise.all([created.setJavaScriptEnabled(false), guardNetwork(created, this.options.policy)]), PAGE_DEADLINE_MS, 'preparing a page');
    return created;
  }

  private async openOn(browser: Browser): Promise<Page> {
    try {
      return await openPage(browser);
    } catch (error) {
      this.discard(browser);
      throw error;
    }
  }
}
