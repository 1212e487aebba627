/**
 * The floor: the least work that gives the same PDFs' pages. Launch Chromium
 * (deckhand's flags), print each HTML file with the same page.pdf() options on
 * `concurrency` pooled pages, write the PDFs, close. No render, no stamp, no
 * network guard, no cache. Run by bench/run.ts as plain node (transpiled), so
 * its wall time includes node startup just like deckhand's and marp-cli's.
 *
 *   node floor.mjs <out-dir> <concurrency> <flags-json> <file.html>...
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import puppeteer, { type Page } from 'puppeteer-core';

const [outArg, concurrencyArg, flagsJson, ...files] = process.argv.slice(2);
if (!outArg || !concurrencyArg || !flagsJson || files.length === 0) throw new Error('usage: floor <out-dir> <concurrency> <flags-json> <file.html>...');
const outDir: string = outArg;
const flags = JSON.parse(flagsJson) as string[];
const isRoot = process.getuid?.() === 0;

const profile = mkdtempSync(join(tmpdir(), 'deckhand-floor-'));
const browser = await puppeteer.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  userDataDir: profile,
  args: [...flags, ...(isRoot ? ['--no-sandbox'] : [])],
});

async function print(page: Page, file: string): Promise<void> {
  await page.setJavaScriptEnabled(false);
  await page.setContent(readFileSync(file, 'utf8'), { waitUntil: 'load' });
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true });
  writeFileSync(join(outDir, basename(file).replace(/\.html$/, '.pdf')), pdf);
}

const queue = [...files];
await Promise.all(
  Array.from({ length: Math.min(Number(concurrencyArg), files.length) }, async () => {
    const page = await browser.newPage();
    for (let file = queue.shift(); file; file = queue.shift()) await print(page, file);
  }),
);
await browser.close();
rmSync(profile, { recursive: true, force: true });
