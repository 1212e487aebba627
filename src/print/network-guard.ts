/**
 * Rendering happens behind a closed door: every request is aborted unless it is
 * a data: URL or a file inside one of the allowed folders (the course, the
 * templates, deckhand's own package). Blocked URLs are recorded so the build
 * can report them.
 */
import { realpathSync } from 'node:fs';
import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';

export interface RequestPolicy {
  /** Absolute folders whose files may be read. */
  allowedRoots: string[];
  /** Called with every blocked URL. */
  onBlocked?: (url: string) => void;
}

export function isAllowed(url: string, roots: readonly string[]): boolean {
  if (url.startsWith('data:')) return true;
  if (!url.startsWith('file:')) return false;
  let file: string;
  try {
    file = realpathSync(fileURLToPath(url));
  } catch {
    return false;
  }
  return roots.some((root) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep));
}

export async function guardNetwork(page: Page, policy: RequestPolicy): Promise<void> {
  const roots = policy.allowedRoots.map((r) => {
    try {
      return realpathSync(r);
    } catch {
      return r;
    }
  });
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (request.isInterceptResolutionHandled()) return;
    const url = request.url();
    if (isAllowed(url, roots)) {
      void request.continue().catch(() => undefined);
    } else {
      policy.onBlocked?.(url);
      void request.abort('blockedbyclient').catch(() => undefined);
    }
  });
  // Service workers and WebSockets would bypass interception; a print page needs neither.
  await page.setBypassServiceWorker(true);
}
