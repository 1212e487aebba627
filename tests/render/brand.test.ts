/** Brand files and template-relative images, without a browser. */
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { afterAll, describe, expect, it } from 'vitest';
import { loadBrand } from '../../src/render/brand.js';
import { brandColours, brandCss } from '../../src/render/brand-css.js';
import { findAssetRefs, inlineTemplateAssets } from '../../src/render/template-assets.js';
import { TemplateError } from '../../src/render/template-error.js';
import { TemplateSet } from '../../src/render/template-set.js';
import { REPO, tempDir } from '../support/fixtures.js';

const dirs: string[] = [];
afterAll(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A course templates folder holding `files` (rel path → text or bytes). */
function templatesWith(files: Record<string, string | Uint8Array>): { set: TemplateSet; dir: string } {
  const course = tempDir();
  dirs.push(course);
  const dir = join(course, 'templates');
  for (const [rel, body] of Object.entries(files)) {
    mkdirSync(join(dir, rel, '..'), { recursive: true });
    writeFileSync(join(dir, rel), body);
  }
  return { set: new TemplateSet(dir, undefined, course), dir };
}

function png(): Buffer {
  const image = new PNG({ width: 4, height: 4 });
  image.data.fill(200);
  return PNG.sync.write(image);
}

describe('brand file', () => {
  it('the default brand is deckhand\'s teal, with the values the stylesheets declare', () => {
    const result = loadBrand(new TemplateSet(), undefined);
    expect(result.ok && result.brand?.colours.primary).toBe('#0b5563');
    // The themes' fallback declarations agree with templates/brand.yaml.
    const css = new TemplateSet();
    for (const sheet of ['themes/clinical.css', 'themes/handout.css']) {
      expect(css.text(sheet)).toContain('--brand-primary: #0b5563;');
      expect(css.text(sheet)).toContain('--brand-tint-strong: #cfe2e6;');
    }
  });

  it('the example brand is ten lines: two colours, the rest mixed from the primary, and its logo inlined', () => {
    const { set } = templatesWith({});
    const course = join(set.roots[0] ?? '', 'brands');
    cpSync(join(REPO, 'examples/brands/harbour'), join(course, 'harbour'), { recursive: true });
    const result = loadBrand(new TemplateSet(set.roots[0], undefined, join(set.roots[0] ?? '', '..')), 'harbour');
    expect(result.ok, JSON.stringify(result)).toBe(true);
    if (!result.ok || !result.brand) return;
    expect(result.brand.colours).toMatchObject({ primary: '#6b2c91', accent: '#f2a900' });
    expect(result.brand.logo?.dataUri).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(result.brand.files).toEqual(['brands/harbour/brand.yaml', 'brands/harbour/logo.svg']);
  });

  it('a colour that is not #rgb/#rrggbb is refused at brand.yaml:line:column with its field', () => {
    const { set } = templatesWith({ 'brand.yaml': 'name: X\ncolours:\n  primary: "red; } body { display: none"\n  accent: "#fff"\n' });
    const result = loadBrand(set, undefined, '/');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.diagnostics[0]).toMatchObject({ line: 3, column: 12, path: 'colours.primary', message: expect.stringContaining('#rgb or #rrggbb') });
    expect(result.diagnostics[0]?.file).toMatch(/templates\/brand\.yaml$/);
  });

  it('a font deckhand does not ship, a misspelt key and a missing logo are each reported', () => {
    const font = loadBrand(templatesWith({ 'brand.yaml': 'name: X\ncolours: { primary: "#123", accent: "#456" }\nfont: "Comic Sans; src: url(http://x)"\n' }).set, undefined);
    expect(!font.ok && font.diagnostics[0]).toMatchObject({ path: 'font', message: expect.stringContaining('Noto Sans') });
    const key = loadBrand(templatesWith({ 'brand.yaml': 'name: X\ncolours: { primary: "#123", acent: "#456" }\n' }).set, undefined);
    expect(!key.ok && key.diagnostics.map((d) => d.message).join('\n')).toContain('did you mean "accent"');
    const logo = loadBrand(templatesWith({ 'brand.yaml': 'name: X\ncolours: { primary: "#123", accent: "#456" }\nlogo: logo.png\n' }).set, undefined);
    expect(!logo.ok && logo.diagnostics[0]).toMatchObject({ line: 3, path: 'logo', message: expect.stringContaining('"logo.png" does not exist') });
  });

  it('the CSS made from a brand holds only the validated values', () => {
    const css = brandCss(brandColours({ primary: '#abc', accent: '#123456' }), 'Noto Sans', ':root');
    expect(css).toContain('--brand-primary: #aabbcc;');
    expect(css).toContain("--brand-font: 'Noto Sans';");
    expect(css).not.toContain('--brand-logo');
  });
});

describe('template-relative images', () => {
  it('finds Markdown images, <img> and CSS url(), but not Handlebars-built or data: references or comments', () => {
    const refs = findAssetRefs('![a](logo.png)\n<img class="x" src=\'b.svg\'>\n.c { background: url(c.png) }\n<img src="{{image.src}}">\nurl(data:image/png;base64,AA)\n{{!-- <img src="gone.png"> --}}');
    expect(refs.map((r) => r.ref)).toEqual(['logo.png', 'b.svg', 'c.png']);
  });

  it('inlines an image relative to the template\'s folder and records it as read', () => {
    const { set } = templatesWith({ 'themes/handout.css': '.cover { background: url("../assets/logo.png") }', 'assets/logo.png': png() });
    const { value, reads } = set.record(() => set.text('themes/handout.css'));
    expect(value).toMatch(/url\("data:image\/png;base64,[A-Za-z0-9+/=]+"\)/);
    expect(reads).toEqual(['assets/logo.png', 'themes/handout.css']);
  });

  it('a missing, remote or escaping image is an error at the template\'s line and column naming the image', () => {
    const lookup = () => undefined;
    expect(inlineTemplateAssets('x\n  <img src="logo.png">', 'partials/handout/cover.hbs', lookup).problem).toMatchObject({ offset: 14, message: expect.stringContaining('"logo.png" does not exist (looked for partials/handout/logo.png') });
    expect(inlineTemplateAssets('url(https://example.org/a.png)', 'a.css', lookup).problem?.message).toContain('is a URL');
    expect(inlineTemplateAssets('![x](../../../etc/a.png)', 'deck.md.hbs', lookup).problem?.message).toContain('leaves the templates folder');
    const { set, dir } = templatesWith({ 'partials/handout/cover.hbs': '<header>\n  <img src="logo.png">\n</header>' });
    let error: unknown;
    try {
      set.render('partials/handout/cover.hbs', {});
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TemplateError);
    expect(error).toMatchObject({ file: join(dir, 'partials/handout/cover.hbs'), line: 2, column: 13 });
  });

  it('a changed image changes the fingerprint of the reads that include it', () => {
    const a = templatesWith({ 'x.css': 'a { background: url(l.png) }', 'l.png': png() });
    const reads = a.set.record(() => a.set.text('x.css')).reads;
    const other = png();
    other[other.length - 20] = (other[other.length - 20] ?? 0) ^ 1;
    writeFileSync(join(a.dir, 'l.png'), other);
    expect(new TemplateSet(a.dir, undefined, join(a.dir, '..')).fingerprint(reads)).not.toBe(a.set.fingerprint(reads));
  });
});
