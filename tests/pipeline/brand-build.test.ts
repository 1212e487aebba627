/**
 * Brands and template logos in real builds: the example brand recolours the
 * deck, the ladder and the handout (pixels of pages rendered with pdftoppm), a
 * template's logo is an image in the handout PDF, a missing one is an error
 * naming the template, and editing the brand rebuilds.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArgs, sharedBrowser } from '../support/api.js';
import { REPO, SAMPLE_ID, sampleWorkspace, tempDir } from '../support/fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

function workspace(presentation?: string): { root: string; dir: string } {
  const ws = sampleWorkspace({ editions: false, ...(presentation ? { edit: (y: string) => `${y}presentation:\n${presentation}` } : {}) });
  dirs.push(ws.root);
  return ws;
}

/** Page `page` (1-based) of a PDF as RGBA pixels, at 30 dpi. */
function pagePixels(pdf: string, page: number): PNG {
  const out = tempDir();
  dirs.push(out);
  execFileSync('pdftoppm', ['-r', '30', '-png', '-f', String(page), '-l', String(page), '-singlefile', pdf, join(out, 'p')]);
  return PNG.sync.read(readFileSync(join(out, 'p.png')));
}

/** Share of pixels near `hex` (each channel within 24). */
function share(image: PNG, hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
  let hits = 0;
  for (let i = 0; i < image.data.length; i += 4) {
    if (Math.abs((image.data[i] ?? 0) - r) < 24 && Math.abs((image.data[i + 1] ?? 0) - g) < 24 && Math.abs((image.data[i + 2] ?? 0) - b) < 24) hits++;
  }
  return hits / (image.data.length / 4);
}

const out = (root: string, suffix: string) => join(root, 'output', SAMPLE_ID, `${SAMPLE_ID}.${suffix}`);
const TEAL = '#0b5563';
const PURPLE = '#6b2c91';

describe('brands in the build', () => {
  const browser = sharedBrowser();

  it('the example brand changes the colours of the deck, the ladder and the handout', async () => {
    const plain = workspace();
    const branded = workspace('  templates: templates\n  brand: harbour\n');
    cpSync(join(REPO, 'examples/brands/harbour'), join(branded.dir, 'templates/brands/harbour'), { recursive: true });
    for (const ws of [plain, branded]) {
      const run = await buildArgs(['build', ws.dir, '--only', 'deck-pdf,handout-pdf'], { cwd: ws.root }, browser);
      expect(run.status, run.stderr).toBe(0);
    }
    // Page 1 of the deck (title slide), page 3 (the ladder), page 1 of the handout (cover and ladder figure).
    for (const [suffix, page, least] of [['deck.pdf', 1, 0.5], ['deck.pdf', 3, 0.15], ['handout.pdf', 1, 0.02]] as const) {
      const before = pagePixels(out(plain.root, suffix), page);
      const after = pagePixels(out(branded.root, suffix), page);
      expect(share(before, TEAL), `${suffix} p${page} default`).toBeGreaterThan(least);
      expect(share(before, PURPLE), `${suffix} p${page} default`).toBe(0);
      expect(share(after, PURPLE), `${suffix} p${page} branded`).toBeGreaterThan(least);
      expect(share(after, TEAL), `${suffix} p${page} branded`).toBeLessThan(0.001);
    }
    // The brand's logo is on the handout cover and on the title slide (its accent stroke: #f2a900, on a white plate).
    expect(share(pagePixels(out(branded.root, 'handout.pdf'), 1), '#f2a900')).toBeGreaterThan(0);
    expect(share(pagePixels(out(plain.root, 'handout.pdf'), 1), '#f2a900')).toBe(0);
  });

  it('a logo a course template refers to is an image in the handout; editing it rebuilds the handout', async () => {
    const ws = workspace('  templates: templates\n');
    const cover = readFileSync(join(REPO, 'templates/partials/handout/cover.hbs'), 'utf8').replace('<header class="cover">', '<header class="cover">\n  <img class="cover-logo" src="../../assets/logo.png" alt="Logo">');
    mkdirSync(join(ws.dir, 'templates/partials/handout'), { recursive: true });
    mkdirSync(join(ws.dir, 'templates/assets'), { recursive: true });
    writeFileSync(join(ws.dir, 'templates/partials/handout/cover.hbs'), cover);
    const logo = (shade: number) => {
      const image = new PNG({ width: 48, height: 24 });
      for (let i = 0; i < image.data.length; i += 4) image.data.set([shade, 40, 120, 255], i);
      writeFileSync(join(ws.dir, 'templates/assets/logo.png'), PNG.sync.write(image));
    };
    logo(200);
    const first = await buildArgs(['build', ws.dir, '--only', 'handout-pdf,deck-md'], { cwd: ws.root }, browser);
    expect(first.status, first.stderr).toBe(0);
    const images = execFileSync('pdfimages', ['-list', '-f', '1', '-l', '1', out(ws.root, 'handout.pdf')], { encoding: 'utf8' });
    expect(images).toMatch(/^\s*1\s+\d+\s+image\s+48\s+24\s/m);
    logo(90);
    const second = await buildArgs(['build', ws.dir, '--only', 'handout-pdf,deck-md'], { cwd: ws.root }, browser);
    // The course's templates folder is part of what is approved, so the content changed too; the handout also read the logo.
    expect(second.stderr).toMatch(/built\s+\S+handout\.pdf\s+\(.*template changed/);
  });

  it('a missing logo is an error naming the template and the image, at its line', async () => {
    const ws = workspace('  templates: templates\n');
    mkdirSync(join(ws.dir, 'templates/partials/handout'), { recursive: true });
    const cover = readFileSync(join(REPO, 'templates/partials/handout/cover.hbs'), 'utf8').replace('<header class="cover">', '<header class="cover">\n  <img src="logo.png" alt="Logo">');
    writeFileSync(join(ws.dir, 'templates/partials/handout/cover.hbs'), cover);
    const run = await buildArgs(['build', ws.dir, '--only', 'handout-pdf'], { cwd: ws.root }, browser);
    expect(run.status).toBe(1);
    expect(run.json.errors[0]).toMatchObject({ file: expect.stringMatching(/templates\/partials\/handout\/cover\.hbs$/), line: 2, column: 13, message: expect.stringContaining('"logo.png" does not exist') });
  });

  it('editing the brand rebuilds the deck and the handout', async () => {
    const ws = workspace('  templates: templates\n');
    mkdirSync(join(ws.dir, 'templates'), { recursive: true });
    const brand = join(ws.dir, 'templates/brand.yaml');
    writeFileSync(brand, 'name: Test\ncolours:\n  primary: "#6b2c91"\n  accent: "#f2a900"\n');
    expect((await buildArgs(['build', ws.dir, '--only', 'deck-html,handout-pdf'], { cwd: ws.root }, browser)).status).toBe(0);
    expect(readFileSync(out(ws.root, 'deck.html'), 'utf8')).toContain('--brand-primary: #6b2c91;');
    writeFileSync(brand, 'name: Test\ncolours:\n  primary: "#205020"\n  accent: "#f2a900"\n');
    const again = await buildArgs(['build', ws.dir, '--only', 'deck-html,handout-pdf'], { cwd: ws.root }, browser);
    expect(again.stderr).toMatch(/built\s+\S+deck\.html\s+\(.*template changed/);
    expect(again.stderr).toMatch(/built\s+\S+handout\.pdf\s+\(.*template changed/);
    expect(readFileSync(out(ws.root, 'deck.html'), 'utf8')).toContain('--brand-primary: #205020;');
  });
});
