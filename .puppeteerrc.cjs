// deckhand never downloads a browser: it finds one (see src/print/find-browser.ts).
// Puppeteer's own Chrome download fails on closed networks, so skip it on install.
/** @type {import('puppeteer').Configuration} */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
};
