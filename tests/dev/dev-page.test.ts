/** The dev form of a page: the built policy plus exactly the dev client and its event stream. */
import { describe, expect, it } from 'vitest';
import { devPage, devPolicy } from '../../src/dev/dev-page.js';

const ORIGIN = 'http://127.0.0.1:4321';

describe('dev page', () => {
  it('adds only the client script and the event stream to the built policy', () => {
    const policy = devPolicy("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; base-uri 'none'", ORIGIN);
    expect(policy).toBe(
      `default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline' ${ORIGIN}/__deckhand/client.js; base-uri 'none'; connect-src ${ORIGIN}/__deckhand/events`,
    );
  });

  it('replaces a none source rather than adding to it', () => {
    expect(devPolicy("default-src 'none'; connect-src 'none'", ORIGIN)).toBe(`default-src 'none'; connect-src ${ORIGIN}/__deckhand/events; script-src ${ORIGIN}/__deckhand/client.js`);
  });

  it('puts the client before the last </body> and keeps one policy', () => {
    const html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>&lt;/body&gt;</p></body></html>`;
    const page = devPage(html, { origin: ORIGIN, version: 3 });
    expect(page.match(/Content-Security-Policy/g)).toHaveLength(1);
    expect(page).toContain('<script src="/__deckhand/client.js" data-version="3" defer></script>\n</body></html>');
  });
});
