import { describe, expect, it } from 'vitest';
import { readStructure, revisionAdds, revisionBytes } from '../../../src/pdf/structure/index.js';
import { appendUpdate, fromLatin1, latin1, smallPdf } from '../fixtures.js';

describe('readStructure', () => {
  it('reads a clean pdf-lib file, with a classic xref table or an xref stream, as one revision with nothing to report', async () => {
    for (const objectStreams of [false, true]) {
      const bytes = await smallPdf({ objectStreams });
      const s = readStructure(bytes);
      expect(s.problems).toEqual([]);
      expect(s.revisions).toHaveLength(1);
      expect(s.revisions[0]).toMatchObject({ start: 0, end: bytes.length, xrefKind: objectStreams ? 'stream' : 'table' });
      expect(s.duplicates).toEqual([]);
      expect(s.trailingBytes).toBe(0);
      // every in-use object of the xref is found as a definition in revision 1
      for (const num of s.revisions[0]!.objects) expect(s.definitions.some((d) => d.num === num && d.revision === 0)).toBe(true);
      if (objectStreams) expect(s.definitions.some((d) => d.inObjectStream !== undefined)).toBe(true);
    }
  });

  it('finds each incremental update as a revision, with the objects it adds and replaces', async () => {
    const base = await smallPdf({ objectStreams: true });
    const updated = appendUpdate(base, { 4: '<< /Type /Annot /Subtype /Square /Rect [0 0 10 10] >>', 99: '(new)' });
    const s = readStructure(updated);
    expect(s.problems).toEqual([]);
    // pdf-lib ends without a newline; the updater adds one, which closes revision 1's %%EOF line
    expect(s.revisions.map((r) => [r.start, r.eof, r.end])).toEqual([
      [0, base.length, base.length + 1],
      [base.length + 1, updated.length - 1, updated.length],
    ]);
    expect(s.revisions[1]).toMatchObject({ xrefKind: 'table', prev: s.revisions[0]!.xrefOffset, objects: [4, 99] });
    expect(revisionAdds(s, 1)).toEqual({ added: [99], replaced: [4], freed: [] });
    expect(s.definitions.filter((d) => d.revision === 1).map((d) => d.num)).toEqual([4, 99]);
    expect(latin1(revisionBytes(updated, s, 0))).toBe(latin1(base));
  });

  it('reports bytes after the final %%EOF, but not trailing whitespace', async () => {
    const base = await smallPdf();
    expect(readStructure(fromLatin1(`${latin1(base)}\r\n  \n`)).problems).toEqual([]);
    const junk = readStructure(fromLatin1(`${latin1(base)}99 0 obj (hidden) endobj\n`));
    expect(junk.trailingBytes).toBe('99 0 obj (hidden) endobj'.length);
    expect(junk.problems.join('\n')).toMatch(/24 bytes follow the final %%EOF/);
  });

  it('reports an object defined twice inside one revision, and which copy is hidden from the xref', async () => {
    const text = latin1(await smallPdf());
    const xref = text.lastIndexOf('\nxref\n') + 1;
    const tampered = fromLatin1(`${text.slice(0, xref)}3 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n${text.slice(xref)}`);
    const s = readStructure(fromLatin1(fixStartxref(latin1(tampered))));
    expect(s.duplicates).toEqual([{ num: 3, revision: 0, offsets: [expect.any(Number), xref] }]);
    expect(s.problems.join('\n')).toMatch(/object 3 is defined 2 times in revision 1/);
    expect(s.problems.join('\n')).toMatch(new RegExp(`object 3 defined at byte ${xref} is not in revision 1's cross-reference`));
  });

  it('reports an xref offset that does not land on the object it names', async () => {
    const text = latin1(await smallPdf());
    const xref = text.lastIndexOf('\nxref\n') + 1;
    const body = text.slice(xref);
    const entries = body.split('\n');
    // entry for object 2 (line index 3: "xref", "0 N", entry 0, entry 1, entry 2)
    const old = Number(entries[4]!.slice(0, 10));
    entries[4] = `${String(old + 1).padStart(10, '0')}${entries[4]!.slice(10)}`;
    const s = readStructure(fromLatin1(text.slice(0, xref) + entries.join('\n')));
    expect(s.problems.join('\n')).toMatch(new RegExp(`puts object 2 0 at byte ${old + 1}, but`));
  });

  it('reports a missing startxref and a looping /Prev without throwing', async () => {
    expect(readStructure(fromLatin1('%PDF-1.7\n1 0 obj << >> endobj\n')).problems).toContain('no startxref: the file has no cross-reference section a viewer could follow');
    const base = latin1(await smallPdf());
    const own = Number(/startxref\s+(\d+)/.exec(base.slice(base.lastIndexOf('startxref')))?.[1]);
    const looped = fromLatin1(base.replace(/trailer\n<</, `trailer\n<< /Prev ${own}`));
    expect(readStructure(looped).problems.join('\n')).toMatch(/does not point backwards|loops/);
  });
});

/** After inserting bytes before the xref, point startxref at the moved xref again. */
function fixStartxref(text: string): string {
  const xref = text.lastIndexOf('\nxref\n') + 1;
  return text.replace(/startxref\n\d+\n%%EOF\s*$/, `startxref\n${xref}\n%%EOF\n`);
}
