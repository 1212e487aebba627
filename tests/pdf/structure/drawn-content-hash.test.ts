/**
 * The four page tamperings of issue 18 that the old hash (MediaBox + content
 * streams, as pdf-lib parses them) let through. Each test first shows the old
 * hash is blind to it, then that the drawn-content hash changes or the
 * structure reader refuses the file.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, StandardFonts, decodePDFRawStream } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { drawnContentHash, readStructure } from '../../../src/pdf/structure/index.js';
import { pagesContentHash } from '../../../src/pdf/content-hash.js';
import { appendUpdate, box, editedPageDict, fromLatin1, latin1, smallPdf } from '../fixtures.js';

const tmp = mkdtempSync(join(tmpdir(), 'deckhand-drawn-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const oldHash = async (bytes: Uint8Array) => pagesContentHash(await PDFDocument.load(bytes, { updateMetadata: false }));
const renderedHeight = (bytes: Uint8Array, name: string) => {
  const file = join(tmp, `${name}.pdf`);
  writeFileSync(file, bytes);
  const png = execFileSync('pdftoppm', ['-cropbox', '-r', '72', '-f', '1', '-l', '1', '-png', file]);
  return png.readUInt32BE(20);
};
const text = (bytes: Uint8Array, name: string) => {
  const file = join(tmp, name);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-f', '1', '-l', '1', file, '-'], { encoding: 'utf8' });
};

describe('drawnContentHash', () => {
  it('is the same for the in-memory document, its saved bytes with or without object streams, and a reload', async () => {
    const bytes = await smallPdf();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    const h = drawnContentHash(bytes);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(drawnContentHash(doc)).toBe(h);
    expect(drawnContentHash(await doc.save({ useObjectStreams: true }))).toBe(h);
    expect(drawnContentHash(await doc.save({ useObjectStreams: false }))).toBe(h);
    const fresh = await PDFDocument.create();
    fresh.addPage();
    expect(drawnContentHash(fresh)).toBe(drawnContentHash(await fresh.save()));
  });

  it('reads a file qpdf rewrote (xref stream with PNG predictor, new object numbers) as the same drawing', async () => {
    const bytes = await smallPdf();
    const input = join(tmp, 'q-in.pdf');
    const output = join(tmp, 'q-out.pdf');
    writeFileSync(input, bytes);
    execFileSync('qpdf', ['--object-streams=generate', input, output]);
    const rewritten = new Uint8Array(readFileSync(output));
    expect(latin1(rewritten)).toMatch(/\/Predictor 12/);
    expect(readStructure(rewritten).problems).toEqual([]);
    expect(drawnContentHash(rewritten)).toBe(drawnContentHash(bytes));
  });

  it('ignores what the seal writes: XMP metadata, Info, /ID', async () => {
    const bytes = await smallPdf();
    const doc = await PDFDocument.load(bytes, { updateMetadata: false });
    doc.setTitle('Another title');
    doc.setProducer('someone');
    doc.catalog.set(PDFName.of('Metadata'), doc.context.register(doc.context.stream('<x:xmpmeta/>', { Type: 'Metadata', Subtype: 'XML' })));
    doc.context.trailerInfo.ID = doc.context.obj([PDFName.of('x'), PDFName.of('y')]);
    expect(drawnContentHash(await doc.save())).toBe(drawnContentHash(bytes));
  });

  it('changes with an annotation added in an incremental update, which the structure reader also reports as a second revision', async () => {
    const base = await smallPdf();
    const page = await editedPageDict(base, 0, (node, doc) => node.set(PDFName.of('Annots'), doc.context.obj([PDFRef.of(900)])));
    const ap = '<< /Type /XObject /Subtype /Form /BBox [0 0 200 40] /Length 40 >>\nstream\n1 0 0 rg 0 0 200 40 re f 0 0 0 RG BT ET\nendstream';
    const tampered = appendUpdate(base, {
      [page.num]: page.body,
      900: '<< /Type /Annot /Subtype /Square /Rect [300 700 500 740] /F 4 /C [1 0 0] /Contents (OFF-LABEL) /AP << /N 901 0 R >> >>',
      901: ap,
    });
    expect(await oldHash(tampered)).toBe(await oldHash(base));
    expect(drawnContentHash(tampered)).not.toBe(drawnContentHash(base));
    const s = readStructure(tampered);
    expect(s.problems).toEqual([]);
    expect(s.revisions).toHaveLength(2);
    expect(s.revisions[1]!.objects).toEqual([page.num, 900, 901].sort((a, b) => a - b));
  });

  it('changes with a CropBox that hides the footer, whether saved whole or as an update', async () => {
    const base = await smallPdf();
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    doc.getPage(0).node.set(PDFName.of('CropBox'), box(doc, 0, 60, 595, 842));
    const resaved = await doc.save();
    expect(await oldHash(resaved)).toBe(await oldHash(base));
    expect(drawnContentHash(resaved)).not.toBe(drawnContentHash(base));
    // viewers show the crop box (pdftoppm -cropbox does the same): the page is 60 pt shorter, without the footer strip
    expect(renderedHeight(base, 'base')).toBe(842);
    expect(renderedHeight(resaved, 'cropped')).toBe(782);

    const page = await editedPageDict(base, 0, (node, d) => node.set(PDFName.of('CropBox'), box(d, 0, 60, 595, 842)));
    expect(drawnContentHash(appendUpdate(base, { [page.num]: page.body }))).not.toBe(drawnContentHash(base));
  });

  it('changes with a swapped font or a swapped image XObject', async () => {
    const base = await smallPdf();
    const fontSwap = await PDFDocument.load(base, { updateMetadata: false });
    const courier = await fontSwap.embedFont(StandardFonts.Courier);
    const fonts = fontSwap.getPage(0).node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
    fonts.set(fonts.keys()[0]!, courier.ref);
    const swappedFont = await fontSwap.save();
    expect(await oldHash(swappedFont)).toBe(await oldHash(base));
    expect(drawnContentHash(swappedFont)).not.toBe(drawnContentHash(base));

    const imageSwap = await PDFDocument.load(base, { updateMetadata: false });
    const xobjects = imageSwap.getPage(0).node.Resources()!.lookup(PDFName.of('XObject'), PDFDict);
    const imageRef = xobjects.get(xobjects.keys()[0]!) as PDFRef;
    const image = imageSwap.context.lookup(imageRef) as PDFRawStream;
    imageSwap.context.assign(imageRef, PDFRawStream.of(image.dict, Uint8Array.from({ length: 12 }, () => 0)));
    const swappedImage = await imageSwap.save();
    expect(await oldHash(swappedImage)).toBe(await oldHash(base));
    expect(drawnContentHash(swappedImage)).not.toBe(drawnContentHash(base));
  });

  it('reads the copy of a duplicated content stream that the xref points at, and the structure reader refuses the duplicate', async () => {
    const base = await smallPdf();
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    const contents = doc.getPage(0).node.lookup(PDFName.of('Contents'), PDFArray);
    const contentsRef = contents.asArray().find((ref) => latin1(decodePDFRawStream(doc.context.lookup(ref) as PDFRawStream).decode()).includes(hex('Approved body text'))) as PDFRef;
    const original = doc.context.lookup(contentsRef) as PDFRawStream;
    const ops = latin1(decodePDFRawStream(original).decode()).replace(hex('Approved body text'), hex('OFF-LABEL dosing text'));
    const copy = `${contentsRef.objectNumber} 0 obj\n<< /Length ${ops.length} >>\nstream\n${ops}\nendstream\nendobj\n`;
    const tampered = insertBeforeFirstObject(latin1(base), copy, contentsRef.objectNumber);

    // A viewer follows the xref to the edited copy; pdf-lib's sequential parse keeps the later, original one.
    expect(text(tampered, 'dup.pdf')).toContain('OFF-LABEL dosing text');
    expect(await oldHash(tampered)).toBe(await oldHash(base));
    expect(drawnContentHash(tampered)).not.toBe(drawnContentHash(base));
    const s = readStructure(tampered);
    expect(s.duplicates.map((d) => d.num)).toEqual([contentsRef.objectNumber]);
    expect(s.problems.join('\n')).toMatch(new RegExp(`object ${contentsRef.objectNumber} is defined 2 times`));
  });
});

/** pdf-lib writes drawn text as upper-case hex strings. */
const hex = (s: string) => Buffer.from(s, 'latin1').toString('hex').toUpperCase();

/** Puts `copy` right after the header, shifts every xref offset, and points object `num` at the copy. */
function insertBeforeFirstObject(text: string, copy: string, num: number): Uint8Array {
  const at = text.search(/\n\d+ 0 obj/) + 1;
  const shifted = text.slice(0, at) + copy + text.slice(at);
  const xref = shifted.lastIndexOf('\nxref\n') + 1;
  let index = -1;
  const table = shifted.slice(xref).replace(/^(\d{10}) (\d{5}) ([nf])/gm, (line, offset: string, gen: string, kind: string) => {
    index++;
    if (kind === 'f') return line;
    const moved = index === num ? at : Number(offset) + copy.length;
    return `${String(moved).padStart(10, '0')} ${gen} ${kind}`;
  });
  return fromLatin1(shifted.slice(0, xref) + table.replace(/startxref\n\d+/, `startxref\n${xref}`));
}
