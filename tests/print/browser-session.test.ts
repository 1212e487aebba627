/**
 * A build prints hundreds of documents through one session, so nothing may
 * accumulate per print: the crash watch each print installs must be removed
 * again (it once stayed, and kept every PDF reachable: 0.12 MiB a print).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../src/print/browser-session.js';
import { printPdf } from '../../src/print/print-pdf.js';
import { BUILTIN_TEMPLATES } from '../../src/render/template-set.js';

const session = new BrowserSession({ concurrency: 1, policy: { allowedRoots: [BUILTIN_TEMPLATES] } });
afterAll(() => session.close());

describe('a session printing many documents', () => {
  it('leaves no listener behind on the page or the browser', { timeout: 60_000 }, async () => {
    const counts = () => session.withPage(async (page) => [page.listenerCount('error'), page.browser().listenerCount('disconnected')]);
    await printPdf(session, '<p>warm</p>');
    const before = await counts();
    for (let i = 0; i < 5; i++) await printPdf(session, `<p>document ${i}</p>`);
    // Inside withPage the watch of that very call is installed: the same +1 both times.
    expect(await counts()).toEqual(before);
  });
});
