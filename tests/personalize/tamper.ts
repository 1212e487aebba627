/** Hand-made tampering for the tests: an incremental update that redefines objects, written the plain way. */
import { PDFDocument } from 'pdf-lib';

const latin1 = (s: string) => Buffer.from(s, 'latin1');

/** Appends an update (classic xref table) that defines `objects` (number → body text). */
export function appendUpdate(bytes: Uint8Array, objects: Record<number, string>, trailerExtra: string): Uint8Array {
  const text = Buffer.from(bytes).toString('latin1');
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)?.[1]);
  const parts: Buffer[] = [Buffer.from(bytes), latin1('\n')];
  let offset = bytes.length + 1;
  const rows: string[] = [];
  for (const [n, body] of Object.entries(objects)) {
    const obj = latin1(`${n} 0 obj\n${body}\nendobj\n`);
    rows.push(`${n} 1\n${String(offset).padStart(10, '0')} 00000 n\r`);
    parts.push(obj);
    offset += obj.length;
  }
  parts.push(latin1(`xref\n${rows.join('\n')}\ntrailer\n<< /Prev ${prev} ${trailerExtra} >>\nstartxref\n${offset}\n%%EOF\n`));
  return new Uint8Array(Buffer.concat(parts));
}

/** The trailer entries (Size, Root, Info, ID) of the file's last revision, from pdf-lib. */
export async function trailerOf(bytes: Uint8Array): Promise<{ extra: string; doc: PDFDocument }> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const t = doc.context.trailerInfo;
  return { extra: `/Size ${doc.context.largestObjectNumber + 1} /Root ${String(t.Root)} /Info ${String(t.Info)} /ID ${t.ID?.toString() ?? ''}`, doc };
}
