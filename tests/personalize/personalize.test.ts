/**
 * Personalised copies of the real sample handout, checked the way a user
 * would: poppler's text and raster, jsQR on the rendered QR code, qpdf, and
 * inspectPersonalization on honest and tampered copies.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, rgb } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/content/diagnostic.js';
import { copyBytes, inspectPersonalization, prepareBatch, writeCopies, type Batch } from '../../src/personalize/index.js';
import type { SlotDeclaration } from '../../src/render/slot-declaration.js';
import { sharedBrowser } from '../support/api.js';
import { buildBaseHandout, declaredSlot } from './base-handout.js';
import { decodeQr as decodeQrIn } from './decode-qr.js';
import { appendUpdate, trailerOf } from './tamper.js';

/** 60 characters: the longest name the slot allows. */
const LONGEST = 'Maximiliane-Wilhelmina Katharina Özdemir-Schönberg von Gürel';


const CSV = [
  '\uFEFFid,name,clinic,phone,email,url',
  'R001,Ayşe Yılmaz-Öztürk,"Klinikum Süd, Schmerzambulanz",+90 212 555 01 23,ayse.yilmaz@example.com,https://example.com/r/R001',
  'R002,"Jörg ""Jo"" Maßmann",Praxis am Ring,,jo@example.de,https://example.com/r/R002?src=handout&lang=de',
  `R003,${LONGEST},Centre Hospitalier Universitaire de Montpellier-Lapeyronie,+33 4 67 33 67 33,m.oezdemir@example.fr,https://example.com/r/R003`,
  'R004,"Dr. Ünal',
  'Kaya",Broken Line Clinic,,,https://example.com/r/R004',
  `R005,${LONGEST}x,Too Long,,,https://example.com/r/R005`,
  'R006,Bob Insecure,,,,http://example.com/r/R006',
  'R007,Extra Cell,,,,https://example.com/r/R007,surplus',
  'R008,Hidden\u202Eevil,,,,https://example.com/r/R008',
  '',
].join('\n');

let dir: string;
let base: Uint8Array;
let slot: SlotDeclaration;
let batch: Batch;
const files = new Map<string, string>();

const browser = sharedBrowser();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'deckhand-pers-'));
  base = (await buildBaseHandout(dir, browser.session)).bytes;
  slot = declaredSlot();
  batch = await prepareBatch({ base, slot, label: 'Your contact', csv: CSV, date: new Date('2026-11-27T10:00:00Z') });
  const written = await writeCopies(batch, { outDir: join(dir, 'copies') });
  for (const w of written) files.set(w.rep, w.path);
}, 180_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const byId = (id: string) => {
  const row = batch.rows.find((r) => r.id === id);
  if (!row) throw new Error(`no row ${id}`);
  return row;
};

const decodeQr = (file: string) => decodeQrIn(file, slot);

describe('personalised copies of the sample handout', () => {
  it('reports every bad row at its line and column, and writes the other rows', () => {
    expect(batch.fatal).toEqual([]);
    expect(batch.diagnostics.map(formatDiagnostic)).toEqual([
      'reps.csv:5:7  name  contains a line break; slot fields are one line',
      'reps.csv:7:6  name  is 61 characters long; the slot allows at most 60',
      'reps.csv:8:22  url  must be an https:// URL, not http:',
      'reps.csv:9:47  (column 7)  has a value, but the header names only 6 columns',
      'reps.csv:10:6  name  contains the invisible control or bidi character U+202E; remove it (it could hide or reorder text)',
    ]);
    expect([...files.keys()].sort()).toEqual(['R001', 'R002', 'R003']);
    expect(readdirSync(join(dir, 'copies')).sort()).toEqual(['R001.pdf', 'R002.pdf', 'R003.pdf']);
  });

  it.each(['R001', 'R002', 'R003'])('%s: page 1 shows the rep, the QR code gives the rep\'s URL, qpdf is clean', (id) => {
    const file = files.get(id) ?? '';
    const row = byId(id);
    const text = execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
    expect(text).toContain(row.values.name);
    expect(text).toContain('Your contact');
    if (row.values.email) expect(text).toContain(row.values.email);
    expect(execFileSync('pdftotext', ['-f', '2', '-l', '2', file, '-'], { encoding: 'utf8' })).not.toContain(row.values.name);
    expect(decodeQr(file)).toBe(row.values.url);
    const check = spawnSync('qpdf', ['--check', file], { encoding: 'utf8' });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toContain('No syntax or stream encoding errors');
  });

  it.each(['R001', 'R002', 'R003'])('%s: inspectPersonalization finds the approved base intact and names the rep', async (id) => {
    const bytes = new Uint8Array(readFileSync(files.get(id) ?? ''));
    expect(Buffer.from(bytes.subarray(0, base.length)).equals(Buffer.from(base))).toBe(true);
    const report = await inspectPersonalization(bytes, slot);
    expect(report.problems).toEqual([]);
    expect(report).toMatchObject({ personalised: true, rep: id, date: '2026-11-27T10:00:00Z', page: 1, fields: { name: byId(id).values.name } });
    expect(Buffer.from(report.baseBytes).equals(Buffer.from(base))).toBe(true);
  });

  it('the base handout itself is not personalised and has no problems', async () => {
    const report = await inspectPersonalization(base, slot);
    expect(report).toMatchObject({ personalised: false, problems: [] });
  });

  it('gives identical bytes for identical input, on the worker pool as on this thread', async () => {
    const again = await prepareBatch({ base, slot, label: 'Your contact', csv: CSV, date: new Date('2026-11-27T10:00:00Z') });
    const pooled = await writeCopies(again, { outDir: join(dir, 'pooled'), workers: 2 });
    expect(pooled).toHaveLength(3);
    for (const copy of pooled) {
      const mine = copyBytes(batch, byId(copy.rep));
      expect(Buffer.from(readFileSync(copy.path)).equals(Buffer.from(mine)), copy.rep).toBe(true);
      expect(readFileSync(files.get(copy.rep) ?? '').equals(Buffer.from(mine))).toBe(true);
    }
  });
});

describe('tampered copies are named', () => {
  const copy = () => new Uint8Array(readFileSync(files.get('R001') ?? ''));

  it('a second incremental update that changes page 2', async () => {
    const bytes = copy();
    const { extra, doc } = await trailerOf(bytes);
    const page2 = doc.getPages()[1];
    if (!page2) throw new Error('no page 2');
    const dict = page2.node.clone(doc.context);
    dict.set(PDFName.of('Annots'), doc.context.obj([doc.context.obj({ Type: 'Annot', Subtype: 'FreeText', Rect: [50, 50, 300, 100], Contents: 'OFF-LABEL' })]));
    const tampered = appendUpdate(bytes, { [page2.ref.objectNumber]: dict.toString() }, extra);
    const report = await inspectPersonalization(tampered, slot);
    expect(report.problems).toEqual([`it has a further incremental update (revision 3, at byte ${Buffer.from(tampered).lastIndexOf('\nxref\n') + 1}) that deckhand did not make; it defines object ${page2.ref.objectNumber} (page 2)`]);
  });

  it('the slot text replaced and the file re-saved with pdf-lib', async () => {
    const doc = await PDFDocument.load(copy(), { updateMetadata: false });
    doc.getPages()[0]?.drawRectangle({ x: 60, y: 90, width: 200, height: 20, color: rgb(0.91, 0.945, 0.953) });
    doc.getPages()[0]?.drawText('Approved for off-label use', { x: 60, y: 95, size: 11 });
    const report = await inspectPersonalization(await doc.save(), slot);
    expect(report.personalised).toBe(true);
    expect(report.problems).toEqual([expect.stringContaining('re-saved as a whole')]);
  });

  it('the slot stream edited in place (other text, recorded fields unchanged)', async () => {
    const bytes = copy();
    const text = Buffer.from(bytes).toString('latin1');
    const label = text.indexOf(' Tj ET', base.length + batch.plan.prefix.length);
    const at = text.indexOf(' Tj ET', label + 1);
    // Swap two glyphs of the second line (the name): still valid, no longer what was recorded.
    const start = text.lastIndexOf('<', at) + 1;
    const glyphs = text.slice(start, start + 8);
    Buffer.from(`${glyphs.slice(4)}${glyphs.slice(0, 4)}`, 'latin1').copy(Buffer.from(bytes.buffer, bytes.byteOffset), start);
    const report = await inspectPersonalization(bytes, slot);
    expect(report.problems).toEqual([expect.stringContaining('the slot shows text that is not the recorded personalisation')]);
  });

  it('an update that draws outside the slot or redefines another object, made in the personalisation revision itself', async () => {
    const bytes = copy();
    const text = Buffer.from(bytes).toString('latin1');
    // Widen the clip: the slot stream's first rectangle, same byte length.
    const clipAt = text.indexOf(' re W n', base.length);
    const lineStart = text.lastIndexOf('\n', clipAt) + 1;
    const line = text.slice(lineStart, clipAt);
    const wider = `0 0 ${'9'.repeat(Math.max(1, line.length - 4 - 4))} 999`.padEnd(line.length).slice(0, line.length);
    Buffer.from(wider, 'latin1').copy(Buffer.from(bytes.buffer, bytes.byteOffset), lineStart);
    const report = await inspectPersonalization(bytes, slot);
    expect(report.problems.join('\n')).toContain('not to the declared slot box');
  });

  it('an appended duplicate object and bytes after %%EOF', async () => {
    const bytes = copy();
    const { doc } = await trailerOf(bytes);
    const n = doc.getPages()[1]?.ref.objectNumber ?? 0;
    const tampered = new Uint8Array(Buffer.concat([Buffer.from(bytes), Buffer.from(`${n} 0 obj\n<< /Type /Page >>\nendobj\n`)]));
    const report = await inspectPersonalization(tampered, slot);
    expect(report.problems).toEqual([expect.stringMatching(/^it has \d+ bytes after its last %%EOF$/)]);
  });

  it('a changed byte inside the base revision', async () => {
    const bytes = copy();
    const title = Buffer.from(bytes).indexOf('Interventional Pain Management');
    bytes[title] = 'J'.charCodeAt(0);
    const report = await inspectPersonalization(bytes, slot);
    expect(report.problems).toContain('its first revision is not the handout it was personalised from: the sha256 recorded in the update does not match');
  });
});
