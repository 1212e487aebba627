/**
 * Recorded dependencies: the cache hashes exactly the template files each
 * target read last time (no hand-kept list), so a partial only the handout
 * reads rebuilds only the handout, and a partial that did not exist before,
 * included from deck.md.hbs, rebuilds the deck when it changes. The build
 * runs on a copy of deckhand's templates/ (a course's own templates folder is
 * part of its approved content, so editing one rebuilds everything anyway).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWith, removeAll, sharedBrowser } from '../support/api.js';
import { REPO, sampleWorkspace, SAMPLE_ID, tempDir } from '../support/fixtures.js';

const temps: string[] = [];
afterAll(() => removeAll(temps));

describe('recorded dependencies', () => {
  const browser = sharedBrowser();

  it('rebuild exactly the targets that read a changed template file', async () => {
    const ws = sampleWorkspace();
    const out = tempDir();
    temps.push(ws.root, out);
    const tpl = join(ws.root, 'templates');
    cpSync(join(REPO, 'templates'), tpl, { recursive: true });
    const warnings: string[] = [];
    const run = async () => {
      const result = await buildWith({ courseDirs: [ws.dir], outDir: out, cwd: ws.root, templates: tpl }, browser);
      expect(result.errors).toEqual([]);
      warnings.push(...result.warnings);
      return Object.fromEntries(result.outputs.map((o) => [o.kind, o.rebuilt ? o.reasons.join(', ') : 'current']));
    };
    const current = {
      'deck-md': 'current',
      'deck-html': 'current',
      'deck-pdf': 'current',
      'handout-pdf': 'current',
      'deck-public-html': 'current',
      'deck-pptx': 'current',
      'notes-pdf': 'current',
      'slides-3up': 'current',
    };

    expect(Object.values(await run())).toEqual(Array(Object.keys(current).length).fill('not built before'));
    expect(await run()).toEqual(current);

    // A partial only the handout reads: only the handout.
    const faq = join(tpl, 'partials', 'handout', 'faq.hbs');
    writeFileSync(faq, `${readFileSync(faq, 'utf8')}<p class="extra">Ask your trainer.</p>\n`);
    expect(await run()).toEqual({ ...current, 'handout-pdf': 'template changed' });

    // A new partial, included from deck.md.hbs and named in no list.
    const deckTemplate = readFileSync(join(REPO, 'templates', 'deck.md.hbs'), 'utf8');
    writeFileSync(join(tpl, 'partials', 'deck', 'closing.hbs'), '\n---\n\n# Thank you\n');
    writeFileSync(join(tpl, 'deck.md.hbs'), `${deckTemplate.trimEnd()}\n{{> deck/closing}}\n`);
    // Everything made from the deck's Markdown: the HTML copies, the PDF and what is imposed from its print; the PPTX reads no template.
    const changed = 'template changed';
    const deckChanged = { ...current, 'deck-md': changed, 'deck-html': changed, 'deck-pdf': changed, 'deck-public-html': changed, 'notes-pdf': changed, 'slides-3up': changed };
    expect(await run()).toEqual(deckChanged);
    const md = join(out, SAMPLE_ID, `${SAMPLE_ID}.deck.md`);
    expect(readFileSync(md, 'utf8')).toContain('# Thank you');

    writeFileSync(join(tpl, 'partials', 'deck', 'closing.hbs'), '\n---\n\n# Questions?\n');
    expect(await run()).toEqual(deckChanged);
    expect(readFileSync(md, 'utf8')).toContain('# Questions?');

    // The deck shell is read by the HTML deck only.
    writeFileSync(join(tpl, 'deck-shell', 'shell.css'), `${readFileSync(join(REPO, 'templates', 'deck-shell', 'shell.css'), 'utf8')}\n/* brand */\n`);
    expect(await run()).toEqual({ ...current, 'deck-html': 'template changed', 'deck-public-html': 'template changed' });
    // A relaunch means a print failed on the way (the warnings say which and why).
    expect(browser.session.launches, warnings.join('\n')).toBe(1);
  });
});
