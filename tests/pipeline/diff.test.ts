/**
 * The redline for reviewers: edit an approved copy, run diff, and the review
 * PDF holds the old and the new wording, with the deleted and inserted words
 * marked, grouped under the item's id; added references are listed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { diff } from '../../src/index.js';
import { removeAll, sharedBrowser } from '../support/api.js';
import { EPOCH, runCli, sampleWorkspace, tempDir } from '../support/fixtures.js';
import { loadPdf, pdfinfo } from '../support/pdf.js';

const browser = sharedBrowser();
const dirs: string[] = [];
afterAll(() => removeAll(dirs));
const env = { ...process.env, SOURCE_DATE_EPOCH: EPOCH };
const OLD = 'Trained physicians with specific interventional training, often pain medicine';
const NEW = 'Physicians with dedicated interventional training, usually pain medicine';
/** Text as pdftotext gives it, on one line (the watermark's letters are drawn as separate artifacts). */
const text = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');

describe('deckhand diff', () => {
  it('an FAQ answer edited after approval gives a review PDF with the old and the new wording, deletions and insertions marked', async () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace(OLD, NEW) });
    const out = tempDir();
    dirs.push(ws.root, out);
    const result = await diff({ courseDir: ws.dir, out: join(out, 'redline.pdf'), cwd: ws.root, env, session: browser.session });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.changed).toEqual(['faq[id=faq-who-performs].answer']);
    expect(result.pdf).toBe(join(out, 'redline.pdf'));

    const html = readFileSync(join(out, 'redline.html'), 'utf8');
    expect(html).toContain('<h3>faq[id&#61;faq-who-performs]</h3>');
    // Approved text with the removed words struck through; current text with the new words underlined.
    expect(html).toContain('<del>Trained</del> <del>physicians </del>with');
    expect(html).toContain('<del>specific</del>');
    expect(html).toContain('<ins>Physicians</ins>');
    expect(html).toContain('<ins>dedicated</ins>');
    expect(html).toContain('<ins>usually</ins>');

    const pdf = text(join(out, 'redline.pdf'));
    expect(pdf).toContain(OLD);
    expect(pdf).toContain(NEW);
    expect(pdf).toMatch(/Approved .*Now /);
    expect(pdf).toContain('faq[id=faq-who-performs]');
    expect(pdf).toContain('REVIEW COPY — NOT FOR DISTRIBUTION');
    expect(pdf).toContain('INV-PM-TRN-0142 · Version 1.0');
    // The marks are in the page: deleted words in red, inserted in green (fill colours of the text runs).
    const content = execFileSync('qpdf', ['--qdf', '--object-streams=disable', join(out, 'redline.pdf'), '-'], { maxBuffer: 1 << 26 }).toString('latin1');
    expect(content).toContain('.7255 .1098 .1098 rg'); // #b91c1c, deleted words
    expect(content).toContain('.0863 .3961 .2039 rg'); // #166534, inserted words
    expect(pdfinfo(join(out, 'redline.pdf')).Title).toBe('Changes since approval: Interventional Pain Management');
    expect((await loadPdf(join(out, 'redline.pdf'))).getPageCount()).toBe(1);

    // Same input, same bytes.
    const again = await diff({ courseDir: ws.dir, out: join(out, 'again.pdf'), cwd: ws.root, env, session: browser.session });
    expect(again.ok).toBe(true);
    expect(readFileSync(join(out, 'again.pdf')).equals(readFileSync(join(out, 'redline.pdf')))).toBe(true);
  });

  it('lists references added and removed, and an unchanged course says so', async () => {
    const added = '  - id: invamed-data-on-file\n    type: data-on-file\n    title: Peta RFA System service records\n    source: INVAMED\n    year: 2026\n';
    const ws = sampleWorkspace({ edit: (y) => y.replace('\n# Which kinds of item', `\n${added}\n# Which kinds of item`).replace('- id: rf-lesion-generator\n    references: [invamed-ipm-care-overview]', '- id: rf-lesion-generator\n    references: [invamed-ipm-care-overview, invamed-data-on-file]') });
    const out = tempDir();
    dirs.push(ws.root, out);
    const result = await diff({ courseDir: ws.dir, out: join(out, 'r.html'), cwd: ws.root, env, htmlOnly: true });
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.redline.referencesAdded).toEqual([{ id: 'invamed-data-on-file', title: 'Peta RFA System service records' }]);
    expect(result.changed).toEqual(['references[id=invamed-data-on-file]', 'technologies[id=rf-lesion-generator].references[1]']);
    expect(readFileSync(join(out, 'r.html'), 'utf8')).toContain('<h2>References added</h2>');

    const same = sampleWorkspace();
    dirs.push(same.root);
    const none = await diff({ courseDir: same.dir, out: join(out, 'none.html'), cwd: same.root, env, htmlOnly: true });
    expect(none.ok && none.redline.count).toBe(0);
    expect(readFileSync(join(out, 'none.html'), 'utf8')).toContain('No content has changed since the approval.');
  });

  it('CLI: diff writes both files; a course never approved is exit 1; an unknown edition is a usage error', () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace(OLD, NEW) });
    dirs.push(ws.root);
    const ok = runCli(['diff', ws.dir, '--out', join(ws.root, 'red.pdf')], { cwd: ws.root });
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stderr).toContain('1 changed field(s) since approval on 2026-11-16: faq[id=faq-who-performs].answer');
    expect(text(join(ws.root, 'red.pdf'))).toContain(NEW);
    expect(runCli(['diff', ws.dir, '--edition', 'xx-yy'], { cwd: ws.root }).status).toBe(2);
    execFileSync('rm', [join(ws.dir, 'approval.json')]);
    const never = runCli(['diff', ws.dir, '--out', join(ws.root, 'x.pdf')], { cwd: ws.root });
    expect(never.status).toBe(1);
    expect(never.stderr).toContain('has no approved snapshot (approval.json)');
  });
});
