/**
 * The CLI contract of `deckhand personalize` and of `verify` on its copies:
 * exit codes, the row/column report, "personalised for <rep> on <date>", and
 * exit 1 naming what changed for a tampered copy.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDocument, PDFName, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWith, removeAll } from '../support/api.js';
import { SAMPLE_ID, runCli, sampleWorkspace, tempDir } from '../support/fixtures.js';
import { appendUpdate, trailerOf } from '../personalize/tamper.js';

const dirs: string[] = [];
let root: string;
let course: string;
const copy = (rep: string) => join(root, 'out', SAMPLE_ID, 'personalised', 'base', `${rep}.pdf`);
let run: ReturnType<typeof runCli>;

beforeAll(async () => {
  root = tempDir('deckhand-cli-personalize-');
  dirs.push(root);
  course = sampleWorkspace({ root }).dir;
  expect((await buildWith({ courseDirs: [course], outDir: join(root, 'out'), kinds: ['handout-pdf'], release: true })).ok).toBe(true);
  writeFileSync(
    join(root, 'reps.csv'),
    '\uFEFFid,name,clinic,phone,email,url\r\n' +
      'R001,Ayşe Yılmaz-Öztürk,"Klinikum Süd, Schmerzambulanz",+90 212 555 01 23,ayse@example.com,https://example.com/r/R001\r\n' +
      'R002,Ana Nowak,"Klinikum\r\nSüd",,,https://example.com/r/R002\r\n' +
      'R004,Bob Insecure,,,,http://example.com/r/R004\r\n' +
      'R003,Jo Maßmann,Praxis am Ring,,jo@example.de,https://example.com/r/R003\r\n',
  );
  run = runCli(['personalize', 'decks/interventional-pain-management', '--reps', 'reps.csv', '--out', 'out'], { cwd: root });
});

afterAll(() => removeAll(dirs));

describe('deckhand personalize', () => {
  it('writes the good rows, names the bad one at row and column, and exits 1', () => {
    expect(run.status, run.stderr).toBe(1);
    const lines = run.stderr.trim().split('\n');
    // R002's clinic holds a quoted line break (refused: slot fields are one line), so R004 starts on line 5.
    expect(lines.slice(0, 2)).toEqual(['reps.csv:3:17  clinic  contains a line break; slot fields are one line', 'reps.csv:5:22  url  must be an https:// URL, not http:']);
    expect(lines[2]).toMatch(/^failed: 2 personalised copies of out\/interventional-pain-management\/interventional-pain-management\.handout\.pdf, 2 row\(s\) refused in [\d.]+ s; manifest out\/manifest\.json$/);
  });

  it('refuses with exit 1, and says which command builds it, when the handout is not built', () => {
    const r = runCli(['personalize', 'decks/interventional-pain-management', '--reps', 'reps.csv', '--out', 'nowhere'], { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('has no built handout to personalise: nowhere/interventional-pain-management/interventional-pain-management.handout.pdf does not exist; build it with: deckhand build decks/interventional-pain-management --only handout-pdf --out nowhere');
  });

  it('is a usage error (exit 2) without --reps', () => {
    expect(runCli(['personalize', 'decks/interventional-pain-management'], { cwd: root }).status).toBe(2);
  });
});

describe('deckhand verify on a personalised copy', () => {
  it('exits 0 and names the rep and the date', () => {
    const r = runCli(['verify', copy('R001'), 'decks/interventional-pain-management'], { cwd: root });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('personalised for R001 (Ayşe Yılmaz-Öztürk) on 2026-11-20');
    expect(r.stdout).toContain('pages      intact');
    expect(r.stdout).toContain('verified: this PDF matches an approved, unexpired source');
  });

  it('exits 1 for a second incremental update that changes page 2, naming it', async () => {
    const bytes = new Uint8Array(readFileSync(copy('R003')));
    const { extra, doc } = await trailerOf(bytes);
    const page2 = doc.getPages()[1];
    if (!page2) throw new Error('no page 2');
    const dict = page2.node.clone(doc.context);
    dict.set(PDFName.of('Annots'), doc.context.obj([doc.context.obj({ Type: 'Annot', Subtype: 'FreeText', Rect: [50, 50, 300, 100], Contents: 'OFF-LABEL' })]));
    const tampered = join(root, 'page2.pdf');
    writeFileSync(tampered, appendUpdate(bytes, { [page2.ref.objectNumber]: dict.toString() }, extra));
    const r = runCli(['verify', tampered, 'decks/interventional-pain-management'], { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`that deckhand did not make; it defines object ${page2.ref.objectNumber} (page 2)`);
    expect(r.stdout).toContain('NOT verified');
  });

  it('exits 1 for a copy whose slot text was replaced and re-saved with pdf-lib', async () => {
    const doc = await PDFDocument.load(readFileSync(copy('R003')), { updateMetadata: false });
    doc.getPages()[0]?.drawRectangle({ x: 60, y: 90, width: 200, height: 20, color: rgb(0.91, 0.945, 0.953) });
    doc.getPages()[0]?.drawText('Approved for off-label use', { x: 60, y: 95, size: 11 });
    const tampered = join(root, 'resaved.pdf');
    writeFileSync(tampered, await doc.save());
    const r = runCli(['verify', tampered, 'decks/interventional-pain-management'], { cwd: root });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('it carries a personalisation record but no incremental update: the file was re-saved as a whole');
  });
});
