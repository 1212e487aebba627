/**
 * Issue 18's white-box attacks on a released handout, each of which main took
 * for an intact, approved handout: every one now makes verify (or --release)
 * fail with a reason.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, StandardFonts, decodePDFRawStream } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawnContentHash } from '../../src/pdf/structure/index.js';
import { verifyPdf } from '../../src/pipeline/verify.js';
import { buildArgs, sharedBrowser } from '../support/api.js';
import { SAMPLE_ID, sampleWorkspace, tempDir } from '../support/fixtures.js';
import { appendUpdate, box, editedPageDict, fromLatin1, latin1 } from '../pdf/fixtures.js';

const browser = sharedBrowser();
const TODAY = '2026-11-20';
const dirs: string[] = [];
const ws = sampleWorkspace();
const draftWs = sampleWorkspace({ edit: (y) => y.replace('status: approved', 'status: in-review') });
dirs.push(ws.root, draftWs.root);
const out = join(ws.root, 'out');
const handout = join(out, SAMPLE_ID, `${SAMPLE_ID}.handout.pdf`);
let released: Uint8Array;
const tmp = (name: string, bytes: Uint8Array) => {
  const file = join(ws.root, name);
  writeFileSync(file, bytes);
  return file;
};
const verify = (file: string, course: string | undefined = ws.dir, today = TODAY) => verifyPdf(file, course, today);

beforeAll(async () => {
  const run = await buildArgs(['build', ws.dir, '--out', out, '--only', 'handout-pdf', '--release'], { cwd: ws.root }, browser);
  expect(run.status, run.stderr).toBe(0);
  released = new Uint8Array(readFileSync(handout));
});
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('verify refuses what main let through', () => {
  it('passes the released handout itself, decided by the course and its release record', async () => {
    const v = await verify(handout);
    expect(v.problems).toEqual([]);
    expect(v.ok).toBe(true);
    expect(v.decidedBy).toBe('course');
    expect(v.source?.released).toBe(true);
  });

  it('an "OFF-LABEL" annotation added in an incremental update', async () => {
    const page = await editedPageDict(released, 0, (node, doc) => node.set(PDFName.of('Annots'), doc.context.obj([PDFRef.of(9000)])));
    const tampered = appendUpdate(released, {
      [page.num]: page.body,
      9000: '<< /Type /Annot /Subtype /FreeText /Rect [300 700 500 740] /F 4 /Contents (OFF-LABEL) /DA (/Helv 12 Tf 1 0 0 rg) >>',
    });
    const v = await verify(tmp('annot.pdf', tampered));
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/incremental update not made by deckhand/);
    expect(v.problems.join('\n')).toMatch(/edited after deckhand wrote it/);
  });

  it('a CropBox that hides the footer', async () => {
    const doc = await PDFDocument.load(released, { updateMetadata: false });
    doc.getPage(0).node.set(PDFName.of('CropBox'), box(doc, 0, 60, 595, 842));
    const v = await verify(tmp('crop.pdf', await doc.save({ useObjectStreams: true })));
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/edited after deckhand wrote it/);
  });

  it('a swapped font', async () => {
    const doc = await PDFDocument.load(released, { updateMetadata: false });
    const courier = await doc.embedFont(StandardFonts.Courier);
    const fonts = doc.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    fonts.set(fonts.keys()[0]!, courier.ref);
    const v = await verify(tmp('font.pdf', await doc.save({ useObjectStreams: true })));
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/edited after deckhand wrote it/);
  });

  it('a second copy of a content stream appended to the file', async () => {
    const doc = await PDFDocument.load(released, { updateMetadata: false });
    const contents = doc.getPage(0).node.Contents();
    const ref = (contents instanceof PDFRawStream ? undefined : (contents as unknown as { asArray(): PDFRef[] }).asArray()[0]) as PDFRef;
    const stream = doc.context.lookup(ref) as PDFRawStream;
    const ops = latin1(decodePDFRawStream(stream).decode()).replace(/<[0-9A-F]{4}/, '<0000');
    const copy = `${ref.objectNumber} 0 obj\n<< /Length ${ops.length} >>\nstream\n${ops}\nendstream\nendobj\n`;
    const v = await verify(tmp('dup.pdf', fromLatin1(latin1(released) + copy)));
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/file structure/);
  });

  it('an XMP expiry pushed to 2099 (the label must agree with the course)', async () => {
    const text = latin1(released);
    expect(text).toContain('<deckhand:reviewExpires>2027-11-30</deckhand:reviewExpires>');
    const v = await verify(tmp('expiry.pdf', fromLatin1(text.replace('<deckhand:reviewExpires>2027-11-30', '<deckhand:reviewExpires>2099-11-30'))));
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/XMP label gives the review expiry as "2099-11-30", but the course says "2027-11-30"/);
  });

  it('a DRAFT-watermarked PDF whose XMP says approved', async () => {
    const draftOut = join(draftWs.root, 'out');
    expect((await buildArgs(['build', draftWs.dir, '--out', draftOut, '--only', 'handout-pdf', '--pdfa'], { cwd: draftWs.root }, browser)).status).toBe(0);
    const doc = await PDFDocument.load(readFileSync(join(draftOut, SAMPLE_ID, `${SAMPLE_ID}.handout.pdf`)), { updateMetadata: false });
    const ref = doc.catalog.get(PDFName.of('Metadata')) as PDFRef;
    const xmp = latin1(decodePDFRawStream(doc.context.lookup(ref) as PDFRawStream).decode());
    expect(xmp).toContain('<deckhand:approvalStatus>draft</deckhand:approvalStatus>');
    const edited = fromLatin1(xmp.replace('<deckhand:approvalStatus>draft<', '<deckhand:approvalStatus>approved<'));
    doc.context.assign(ref, doc.context.stream(edited, { Type: 'Metadata', Subtype: 'XML', Length: edited.length }));
    const relabelled = await doc.save({ useObjectStreams: true });
    // against the (approved, same-content) course: these drawn pages were never released
    const v = await verify(tmp('relabelled.pdf', relabelled));
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/not a released copy/);
    // and alone, the label decides nothing
    const alone = await verifyPdf(join(ws.root, 'relabelled.pdf'), undefined, TODAY);
    expect(alone.ok).toBe(false);
    expect(alone.problems.join('\n')).toMatch(/approval cannot be established/);
  });

  it('a forged one-page PDF with the genuine XMP and a recomputed hash', async () => {
    const genuine = await PDFDocument.load(released, { updateMetadata: false });
    const xmpStream = genuine.catalog.lookup(PDFName.of('Metadata')) as PDFRawStream;
    const xmp = latin1(decodePDFRawStream(xmpStream).decode());
    const forged = await PDFDocument.create();
    forged.addPage([595, 842]).drawText('Interventional Pain Management: OFF-LABEL dosing', { x: 50, y: 700, size: 14 });
    await forged.flush();
    const hash = drawnContentHash(forged);
    const packet = xmp.replace(/<deckhand:pagesSha256>[0-9a-f]+</, `<deckhand:pagesSha256>${hash}<`);
    forged.catalog.set(PDFName.of('Metadata'), forged.context.register(forged.context.stream(fromLatin1(packet), { Type: 'Metadata', Subtype: 'XML' })));
    const file = tmp('forged.pdf', await forged.save());
    const v = await verify(file);
    expect(v.pages?.intact).toBe(true); // the forger recomputed the hash correctly...
    expect(v.ok).toBe(false); // ...but the release record has never seen these pages
    expect(v.problems.join('\n')).toMatch(/not a released copy of INV-PM-TRN-0142 version 1\.0/);
  });

  it('a tampered handout with its sha256 written into the cache is rebuilt by --release, and the manifest records the real file', async () => {
    const page = await editedPageDict(released, 0, (node, doc) => node.set(PDFName.of('CropBox'), box(doc, 0, 60, 595, 842)));
    const tampered = appendUpdate(released, { [page.num]: page.body });
    writeFileSync(handout, tampered);
    const cacheFile = join(out, SAMPLE_ID, '.deckhand-cache.json');
    const cache = JSON.parse(readFileSync(cacheFile, 'utf8')) as { editions: Record<string, Record<string, { sha256: string; bytes: number }>> };
    const entry = cache.editions.base!['handout-pdf']!;
    entry.sha256 = createHash('sha256').update(tampered).digest('hex');
    entry.bytes = tampered.length;
    writeFileSync(cacheFile, JSON.stringify(cache));
    const run = await buildArgs(['build', ws.dir, '--out', out, '--only', 'handout-pdf', '--release'], { cwd: ws.root }, browser);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/built {4}.*handout\.pdf {2}\(--release rebuilds/);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as { outputs: { kind: string; sha256: string }[] };
    expect(manifest.outputs.find((o) => o.kind === 'handout-pdf')?.sha256).not.toBe(entry.sha256);
    expect(Buffer.from(readFileSync(handout)).equals(Buffer.from(released))).toBe(true);
  });

  it('past the expiry: "expired on …", exit 1', async () => {
    const v = await verify(handout, ws.dir, '2027-12-01');
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/expired on 2027-11-30/);
  });
});

describe('bound review', () => {
  it('a reviewer name and role edited after approval: --release refuses and names the fields; verify fails', async () => {
    const edited = sampleWorkspace({ edit: (y) => y.replace('- name: INVAMED Medical Affairs\n      role: Medical Affairs', '- name: Prof. Dr. Jane Smith\n      role: Chief Medical Officer') });
    dirs.push(edited.root);
    const run = await buildArgs(['build', edited.dir, '--out', join(edited.root, 'out'), '--only', 'handout-pdf', '--release'], { cwd: edited.root }, browser);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('edited after approval: review.reviewers[0].name (signed as "INVAMED Medical Affairs"), review.reviewers[0].role (signed as "Medical Affairs")');
    const v = await verify(handout, edited.dir);
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toMatch(/review\.reviewers\[0\]\.name/);
  });

  it('the expiry pushed to 2099 in course.yaml after approval: named as review.expires', async () => {
    const edited = sampleWorkspace({ edit: (y) => y.replace('expires: "2027-11-30"', 'expires: "2099-11-30"') });
    dirs.push(edited.root);
    const run = await buildArgs(['build', edited.dir, '--out', join(edited.root, 'out'), '--only', 'handout-pdf', '--release'], { cwd: edited.root }, browser);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('review.expires (signed as "2027-11-30")');
  });
});

describe('withdrawal', () => {
  it('a withdrawn code and version: verify and --release refuse with the reason; a draft build records it in the manifest', async () => {
    const w = sampleWorkspace();
    dirs.push(w.root);
    const wOut = join(w.root, 'out');
    expect((await buildArgs(['build', w.dir, '--out', wOut, '--only', 'handout-pdf', '--release'], { cwd: w.root }, browser)).status).toBe(0);
    writeFileSync(join(w.root, 'decks', 'withdrawn.yaml'), 'withdrawn:\n  - code: INV-PM-TRN-0142\n    version: "1.0"\n    date: 2026-11-19\n    reason: Dosing table corrected in 1.1\n');
    const v = await verify(join(wOut, SAMPLE_ID, `${SAMPLE_ID}.handout.pdf`), w.dir);
    expect(v.ok).toBe(false);
    expect(v.problems.join('\n')).toContain('INV-PM-TRN-0142 version 1.0 was withdrawn on 2026-11-19: Dosing table corrected in 1.1');
    const release = await buildArgs(['build', w.dir, '--out', wOut, '--only', 'handout-pdf', '--release'], { cwd: w.root }, browser);
    expect(release.status).toBe(1);
    expect(release.stderr).toContain('Dosing table corrected in 1.1');
    const draft = await buildArgs(['build', w.dir, '--out', wOut, '--only', 'handout-pdf'], { cwd: w.root }, browser);
    expect(draft.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(wOut, 'manifest.json'), 'utf8')) as { outputs: { edition: string; kind: string; withdrawn?: { reason: string } }[] };
    const entry = (edition: string) => manifest.outputs.find((o) => o.edition === edition && o.kind === 'handout-pdf');
    expect(entry('base')?.withdrawn?.reason, JSON.stringify(manifest.outputs.map((o) => [o.edition, o.kind, o.withdrawn]))).toBe('Dosing table corrected in 1.1');
    // Each edition has its own code: the German edition (INV-PM-TRN-0142-DE) is not withdrawn.
    expect(entry('de-de')).toBeDefined();
    expect(entry('de-de')?.withdrawn).toBeUndefined();
  });
});
