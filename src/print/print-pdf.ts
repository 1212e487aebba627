/** HTML → PDF bytes in a pooled Chromium page (scripts off, network closed: see BrowserSession). */
import type { BrowserSession } from './browser-session.js';
import { mark } from '../trace.js';

export const PRINT_TIMEOUT_MS = 60_000;

export async function printPdf(session: BrowserSession, html: string): Promise<Uint8Array> {
  return session.withPage(async (page) => {
    const id = html.length;
    mark(`print ${id}: setContent`);
    await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    // Inline fonts are decoded lazily; wait until every face in use is ready.
    // A string, so Node code needs no DOM types (browser code is type-checked in tsconfig.shell.json).
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    mark(`print ${id}: fonts ready`);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, timeout: PRINT_TIMEOUT_MS });
    mark(`print ${id}: pdf done`);
    return pdf;
  });
}
