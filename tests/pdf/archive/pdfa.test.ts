import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, PDFName, PDFString, StandardFonts, rgb } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPdfA, deckhandProperties, printableAnnotations, toPdfA } from '../../../src/pdf/archive/index.js';
import { drawnContentHash } from '../../../src/pdf/structure/index.js';
import { stampFontBytes } from '../../../src/render/fonts.js';
import { writeMetadata } from '../../../src/pdf/metadata.js';
import { stampFontkit } from '../../../src/pdf/stamp-font.js';
import type { XmpFields } from '../../../src/pdf/xmp.js';

const tmp = mkdtempSync(join(tmpdir(), 'deckhand-pdfa-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const write = (name: string, bytes: Uint8Array) => {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return file;
};

const fields: XmpFields = {
  title: 'Interventional pain management',
  author: 'Medical Affairs',
  subject: 'Handout',
  keywords: ['pain', 'spinal cord stimulation'],
  language: 'en',
  producer: 'deckhand 0.1.0',
  date: new Date('2025-01-02T03:04:05Z'),
  record: {
    course: 'ipm', kind: 'handout', documentCode: 'INV-PM-TRN-0142', version: '1.0',
    reviewers: [{ name: 'Dr. Jane Reviewer', role: 'Medical reviewer', date: '2025-01-01' }],
    reviewExpires: '2026-01-01', approvalStatus: 'approved', sourceSha256: 'a'.repeat(64), contentFingerprint: 'sha256:' + 'b'.repeat(64), pagesSha256: 'c'.repeat(64), generator: 'deckhand 0.1.0',
  },
};

/** What the seal phase leaves: embedded font, a link annotation, Info + deckhand XMP. */
async function sealedLike(options: { standardFont?: boolean } = {}): Promise<PDFDocument> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(stampFontkit);
  const font = options.standardFont ? await doc.embedFont(StandardFonts.Helvetica) : await doc.embedFont(stampFontBytes(), { subset: true, customName: 'DHSTMP+NotoSans-Regular' });
  const page = doc.addPage([595, 842]);
  page.drawText(options.standardFont ? 'Approved handout text' : 'Approved handout text, Ayşe Işık', { x: 72, y: 760, size: 12, font, color: rgb(0, 0, 0) });
  const link = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [72, 700, 200, 720], Border: [0, 0, 0], A: { S: 'URI', URI: PDFString.of('https://doi.org/10.1000/xyz') } }));
  page.node.set(PDFName.of('Annots'), doc.context.obj([link]));
  writeMetadata(doc, fields);
  return doc;
}

describe('toPdfA + checkPdfA', () => {
  it('makes a sealed deckhand PDF pass the structural PDF/A-2b checks, qpdf and pdffonts, without changing the drawn-content hash', async () => {
    const doc = await sealedLike();
    expect(printableAnnotations(doc)).toBe(1);
    const sealed = await doc.save();
    const before = checkPdfA(sealed);
    expect(before).toEqual(expect.arrayContaining(['no /OutputIntents entry with /S /GTS_PDFA1', 'the XMP does not declare pdfaid:part 2', 'the XMP uses deckhand: properties but has no PDF/A extension schema for them']));

    const archived = await toPdfA(sealed);
    expect(checkPdfA(archived)).toEqual([]);
    expect(drawnContentHash(archived)).toBe(drawnContentHash(sealed));
    const file = write('archived.pdf', archived);
    expect(spawnSync('qpdf', ['--check', file], { encoding: 'utf8' }).stdout).toMatch(/No syntax or stream encoding errors found/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
    expect(fonts.length).toBeGreaterThan(0);
    for (const row of fonts) expect(row.trim().split(/\s+/).at(-5)).toBe('yes');
    // the same input gives the same bytes
    expect(Buffer.from(await toPdfA(sealed)).equals(Buffer.from(archived))).toBe(true);
  });

  it('stays PDF/A-2b after the sign phase, which must come last', async () => {
    const { mkdirSync } = await import('node:fs');
    const { makeTestCa } = await import('../sign/test-ca.js');
    const { signPdf, verifySignature } = await import('../../../src/pdf/sign/index.js');
    mkdirSync(join(tmp, 'ca'));
    const ca = makeTestCa(join(tmp, 'ca'));
    const doc = await sealedLike();
    printableAnnotations(doc);
    const archived = await toPdfA(await doc.save());
    const signed = await signPdf(archived, { p12: ca.p12, passphrase: ca.passphrase, name: 'Dr. Jane Reviewer', reason: 'Approved for distribution', signingTime: new Date(Date.now() + 60_000) });
    expect(checkPdfA(signed)).toEqual([]);
    expect(verifySignature(signed, { trust: ca.caPem })).toMatchObject({ valid: true, coversWholeFileButContents: true, chainTrusted: true });
    expect(drawnContentHash(signed)).toBe(drawnContentHash(archived));
  });

  it('declares every deckhand: property the seal writes, including the reviewer fields', async () => {
    const archived = await toPdfA(await (await sealedLike()).save());
    const xmp = Buffer.from(archived).toString('latin1');
    for (const name of ['course', 'documentCode', 'reviewers', 'reviewExpires', 'approvalStatus', 'pagesSha256', 'generator']) expect(xmp).toContain(`<pdfaProperty:name>${name}</pdfaProperty:name>`);
    expect(xmp).toContain('<pdfaProperty:valueType>seq ReviewersEntry</pdfaProperty:valueType>');
    for (const f of ['name', 'role', 'date']) expect(xmp).toContain(`<pdfaField:name>${f}</pdfaField:name>`);
    const packet = xmp.slice(xmp.indexOf('<?xpacket begin'), xmp.indexOf('<?xpacket end'));
    expect(deckhandProperties(packet).find((p) => p.name === 'reviewers')).toEqual({ name: 'reviewers', fields: ['name', 'role', 'date'] });
  });

  it('reports what PDF/A forbids: an unembedded font, JavaScript, a hidden annotation, an undeclared property, Info that disagrees, encryption', async () => {
    const plain = await sealedLike({ standardFont: true });
    plain.catalog.set(PDFName.of('OpenAction'), plain.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert(1)') }));
    const problems = checkPdfA(await toPdfA(await plain.save()));
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^font Helvetica \(object \d+\) is not embedded$/),
        expect.stringMatching(/carries JavaScript \(\/JS\)/),
        expect.stringMatching(/is a JavaScript action, which PDF\/A forbids/),
        expect.stringMatching(/annotation object \d+ \(Link\) is not set to print/),
      ]),
    );

    const printable = await sealedLike();
    printableAnnotations(printable);
    const archived = await toPdfA(await printable.save());
    expect(Buffer.from(archived).toString('latin1').split('<?xpacket begin').length).toBe(2);
    const doc = await PDFDocument.load(archived, { updateMetadata: false });
    doc.setTitle('Another title');
    const xmpRef = doc.catalog.get(PDFName.of('Metadata'));
    const xmp = Buffer.from(archived).toString('latin1');
    const packet = xmp.slice(xmp.indexOf('<?xpacket begin'), xmp.indexOf('<?xpacket end="r"?>') + 19).replace('<deckhand:generator>', '<deckhand:smuggled>x</deckhand:smuggled><deckhand:generator>');
    doc.context.assign(xmpRef as never, doc.context.stream(Buffer.from(packet, 'latin1'), { Type: 'Metadata', Subtype: 'XML' }));
    expect(checkPdfA(await doc.save())).toEqual(expect.arrayContaining(['Info /Title and XMP dc:title differ', 'the extension schema does not declare deckhand:smuggled']));

    const encrypted = join(tmp, 'encrypted.pdf');
    execFileSync('qpdf', ['--encrypt', 'user', 'owner', '256', '--', write('plain.pdf', archived), encrypted]);
    expect(checkPdfA(readFileSync(encrypted))).toEqual(['the file is encrypted (/Encrypt)']);
  });
});
