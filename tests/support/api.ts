/**
 * Building in-process through the programmatic API, with one Chromium per
 * test file: `const browser = sharedBrowser()` at the top of a describe block
 * starts a session in beforeAll and closes it in afterAll; builds borrow it.
 */
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll } from 'vitest';
import { build, type BuildOptions, type BuildResult } from '../../src/index.js';
import { BrowserSession } from '../../src/print/browser-session.js';
import { BUILTIN_TEMPLATES } from '../../src/render/template-set.js';
import { EPOCH, REPO } from './fixtures.js';

export interface SharedBrowser {
  readonly session: BrowserSession;
  /** Pages refused by the network guard while this file ran. */
  readonly blocked: string[];
}

export function sharedBrowser(): SharedBrowser {
  const blocked: string[] = [];
  let session: BrowserSession | undefined;
  beforeAll(() => {
    session = new BrowserSession({ concurrency: 2, policy: { allowedRoots: [tmpdir(), REPO, BUILTIN_TEMPLATES], onBlocked: (url) => blocked.push(url) } });
    void session.warmUp();
  });
  afterAll(async () => {
    await session?.close();
  });
  return {
    get session() {
      if (!session) throw new Error('sharedBrowser() is used before beforeAll ran');
      return session;
    },
    blocked,
  };
}

/** build() with the test defaults: SOURCE_DATE_EPOCH fixed, cwd at the workspace, the shared browser when given. */
export function buildWith(options: Partial<BuildOptions> & Pick<BuildOptions, 'courseDirs' | 'outDir'>, browser?: SharedBrowser): Promise<BuildResult> {
  return build({ env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH }, ...(browser ? { session: browser.session } : {}), ...options });
}

/** Removes the temp folders a test made. */
export const removeAll = (dirs: string[]) => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true }));
