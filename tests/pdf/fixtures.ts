/**
 * Small PDFs made with pdf-lib, and the raw byte edits an attacker would make
 * to them: incremental updates written by hand, and in-place xref rewrites.
 */
import { PDFDocument, PDFName, PDFNumber, StandardFonts, concatTransformationMatrix, drawObject, popGraphicsState, pushGraphicsState, rgb, type PDFDict } from 'pdf-lib';

/** A 2x2 RGB image, as an image XObject. */
function tinyImage(doc: PDFDocument, colour: number[]) {
  const pixels = Uint8Array.from([...colour, ...colour, ...colour, ...colour]);
  return doc.context.register(doc.context.stream(pixels, { Type: 'XObject', Subtype: 'Image', Width: 2, Height: 2, ColorSpace: 'DeviceRGB', BitsPerComponent: 8 }));
}

/** Two A4 pages with body text, an image, and a footer line with the disclaimer near the bottom edge. */
export async function smallPdf(options: { objectStreams?: boolean } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setTitle('Small handout');
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const image = tinyImage(doc, [200, 30, 30]);
  for (let i = 0; i < 2; i++) {
    const page = doc.addPage([595, 842]);
    page.drawText(`Approved body text on page ${i + 1}`, { x: 72, y: 760, size: 14, font, color: rgb(0, 0, 0) });
    page.drawText('FOOTER: For healthcare professionals only. Reviewed by Dr. A. Example.', { x: 40, y: 20, size: 8, font });
    const name = page.node.newXObject('Im', image);
    page.pushOperators(...drawImageOps(name));
  }
  return doc.save({ useObjectStreams: options.objectStreams ?? false });
}

const drawImageOps = (name: PDFName) => [pushGraphicsState(), concatTransformationMatrix(50, 0, 0, 50, 72, 600), drawObject(name), popGraphicsState()];

export const latin1 = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
export const fromLatin1 = (text: string) => new Uint8Array(Buffer.from(text, 'latin1'));

/** Appends an incremental update (classic xref table) that defines `objects` (num -> body without `obj`/`endobj`). */
export function appendUpdate(bytes: Uint8Array, objects: Record<number, string>, trailerExtra = ''): Uint8Array {
  const text = latin1(bytes);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text)?.[1];
  const size = Math.max(...[...text.matchAll(/\/Size (\d+)/g)].map((m) => Number(m[1])), ...Object.keys(objects).map((n) => Number(n) + 1));
  let out = text.endsWith('\n') ? text : `${text}\n`;
  const offsets: [number, number][] = [];
  for (const [num, body] of Object.entries(objects)) {
    offsets.push([Number(num), out.length]);
    out += `${num} 0 obj\n${body}\nendobj\n`;
  }
  const xref = out.length;
  out += 'xref\n';
  for (const [num, offset] of offsets) out += `${num} 1\n${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${size} /Root ${root} /Prev ${prev}${trailerExtra} >>\nstartxref\n${xref}\n%%EOF\n`;
  return fromLatin1(out);
}

/** Object number and PDF syntax of page `index`'s dictionary, after `edit`. */
export async function editedPageDict(bytes: Uint8Array, index: number, edit: (page: PDFDict, doc: PDFDocument) => void): Promise<{ num: number; body: string }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const page = doc.getPage(index);
  edit(page.node, doc);
  return { num: page.ref.objectNumber, body: page.node.toString() };
}

export const box = (doc: PDFDocument, x1: number, y1: number, x2: number, y2: number) => doc.context.obj([x1, y1, x2, y2].map((n) => PDFNumber.of(n)));
export { PDFName };
