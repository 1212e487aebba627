/** A technology's image is on its deck slide (an image XObject on that page of deck.pdf), not only in the handout. */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFName, PDFRawStream } from 'pdf-lib';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWith, removeAll, sharedBrowser } from '../support/api.js';
import { sampleWorkspace } from '../support/fixtures.js';
import { loadPdf, pageTexts } from '../support/pdf.js';

const browser = sharedBrowser();
const made: string[] = [];
afterAll(() => removeAll(made));

function png(): Buffer {
  const image = new PNG({ width: 48, height: 32 });
  for (let i = 0; i < image.data.length; i += 4) image.data.set([200, 30, 40, 255], i);
  return PNG.sync.write(image);
}

describe('technology images', () => {
  it('appear on their deck slide in deck.pdf', async () => {
    const ws = sampleWorkspace({
      edit: (t) => t.replace(/(technologies:\n\s+- id: [^\n]+\n(?:\s+references: [^\n]+\n)?(\s+)name: [^\n]+\n)/, '$1$2image: {src: assets/device.png, alt: The device}\n'),
    });
    made.push(ws.root);
    mkdirSync(join(ws.dir, 'assets'));
    writeFileSync(join(ws.dir, 'assets', 'device.png'), png());
    expect(readFileSync(ws.file, 'utf8')).toContain('image: {src: assets/device.png');
    const out = join(ws.root, 'out');
    const result = await buildWith({ courseDirs: [ws.dir], outDir: out, cwd: ws.root, kinds: ['deck-md', 'deck-pdf'] }, browser);
    expect(result.ok, JSON.stringify(result.errors)).toBe(true);
    const deck = join(out, 'interventional-pain-management', 'interventional-pain-management.deck.pdf');
    const pdf = await loadPdf(deck);
    const texts = pageTexts(deck, pdf.getPageCount());
    const images = (index: number) => {
      const xobjects = pdf.getPage(index).node.Resources()?.lookup(PDFName.of('XObject'));
      if (!(xobjects instanceof PDFDict)) return 0;
      return xobjects.keys().filter((k) => {
        const o = xobjects.lookup(k);
        return o instanceof PDFRawStream && o.dict.get(PDFName.of('Subtype'))?.toString() === '/Image';
      }).length;
    };
    const withImage = texts.map((_, i) => i).filter((i) => images(i) > 0);
    expect(withImage.length).toBeGreaterThan(0);
    // Only the slide that lists the technology carries the image.
    expect(withImage.map((i) => (texts[i] ?? '').includes('Imaging guidance'))).toEqual(withImage.map(() => true));
    expect(readFileSync(join(out, 'interventional-pain-management', 'interventional-pain-management.deck.md'), 'utf8')).toMatch(/!\[The device h:96px\]\(data:image\/png;base64,/);
  });
});
