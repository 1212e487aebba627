import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/content/diagnostic.js';
import { readRepsCsv } from '../../src/personalize/reps-csv.js';
import { safeFileName } from '../../src/personalize/file-names.js';
import { parseSlotDeclaration } from '../../src/render/slot-declaration.js';
import { declaredSlot } from './base-handout.js';

const slot = declaredSlot();
const read = (csv: string, nameBy?: string) => readRepsCsv(csv, slot, nameBy ? { nameBy } : {});
const lines = (list: Parameters<typeof formatDiagnostic>[0][]) => list.map(formatDiagnostic);

describe('reps CSV', () => {
  it('reads UTF-8 with a BOM, quoted fields, CRLF and embedded line breaks, keeping each cell\'s line and column', () => {
    const csv = '\uFEFFid,name,url\r\nA1,"Smith, Jane",https://e.org/a\r\n"A\r\n2",Ünal,https://e.org/b\r\nA3,"x""y",https://e.org/c\r\n';
    const t = read(csv);
    expect(t.fatal).toEqual([]);
    expect(t.rows.map((r) => [r.line, r.id, r.values.name])).toEqual([[2, 'A1', 'Smith, Jane'], [5, 'A3', 'x"y']]);
    expect(lines(t.diagnostics)).toEqual(['reps.csv:3:2  id  contains a line break; slot fields are one line']);
    expect(t.rows[1]?.cells.url).toEqual({ line: 5, column: 11 });
  });

  it('refuses each bad cell at its position and keeps the good rows', () => {
    const csv = [
      'id,name,email,url',
      `B1,${'n'.repeat(61)},b1@example.org,https://e.org/1`,
      'B2,Ok,not-an-email,https://e.org/2',
      'B3,Ok,,ftp://e.org/3',
      'B4,Ok,,https://user:pw@e.org/4',
      'B5,\u200Fhidden,,https://e.org/5',
      'B6,Tab\there,,https://e.org/6',
      'B7,,,https://e.org/7',
      'B8,Good,,https://e.org/8',
      '',
    ].join('\n');
    const t = read(csv);
    expect(lines(t.diagnostics)).toEqual([
      'reps.csv:2:4  name  is 61 characters long; the slot allows at most 60',
      'reps.csv:3:7  email  is not an e-mail address (name@example.org)',
      'reps.csv:4:8  url  must be an https:// URL, not ftp:',
      'reps.csv:5:8  url  must not carry a user name or password',
      'reps.csv:6:4  name  contains the invisible control or bidi character U+200F; remove it (it could hide or reorder text)',
      'reps.csv:7:4  name  contains a tab; slot fields are one line',
      'reps.csv:8:4  name  is required and empty',
    ]);
    expect(t.rows.map((r) => r.id)).toEqual(['B8']);
  });

  it('an unknown or duplicate column, or a missing required one, stops the whole file', () => {
    const t = read('id,nmae,url,fax,url\nC1,A,https://e.org/1,1,https://e.org/1\n');
    expect(lines(t.fatal)).toEqual([
      'reps.csv:1:4  nmae  is not a field of the "contact" slot; did you mean "name"? (allowed: id, name, clinic, phone, email, url)',
      'reps.csv:1:13  fax  is not a field of the "contact" slot (allowed: id, name, clinic, phone, email, url)',
      'reps.csv:1:17  url  is named twice (first in column 3)',
      'reps.csv:1:1  name  is a required column and missing from the header',
    ]);
    expect(t.rows).toEqual([]);
  });

  it('broken quoting is a file problem at its line', () => {
    expect(lines(read('id,name,url\nD1,"open,https://e.org\n').fatal)).toEqual([expect.stringMatching(/^reps\.csv:2:\d+ {2}\(file\) {2}is not valid CSV: Quote Not Closed/)]);
  });

  it('names files safely, and a clash (ignoring case) refuses every row involved', () => {
    const t = read('id,name,url\nRep/1,A,https://e.org/1\nrep 1,B,https://e.org/2\nCON,C,https://e.org/3\n../x,D,https://e.org/4\n');
    expect(lines(t.diagnostics)).toEqual([
      'reps.csv:2:1  id  gives the file name "Rep-1", as do the rows on line 3; names must be unique',
      'reps.csv:3:1  id  gives the file name "rep-1", as do the rows on line 2; names must be unique',
    ]);
    expect(t.rows.map((r) => r.fileName)).toEqual(['_CON', 'x']);
    expect(read('id,name,url\nE1,Zoë Ångström,https://e.org/1\n', 'name').rows[0]?.fileName).toBe('Zoë-Ångström');
    expect(safeFileName('...')).toBeUndefined();
    expect(read('id,name,url\nE1,A,https://e.org/1\n', 'fax').fatal.map(formatDiagnostic)).toEqual([expect.stringContaining('fax  cannot name the files')]);
  });
});

describe('slot declaration', () => {
  it('the shipped declaration loads', () => {
    expect(slot).toMatchObject({ id: 'contact', page: 1, box: { left: 18, bottom: 23, width: 174, height: 30 } });
    expect(slot.fields.map((f) => `${f.name}:${f.kind}:${f.maxLength}`)).toEqual(['id:id:40', 'name:text:60', 'clinic:text:80', 'phone:text:32', 'email:text:80', 'url:qr:200']);
  });

  it('reports problems at file:line:column and field', () => {
    const yaml = ['schemaVersion: 1', 'slot:', '  id: contact', '  page: 2', '  box: { left: 18, bottom: 10, width: 174, height: 12 }', '  labelKey: x', '  colour: red', '  fields:', '    name: { kind: text, maxLength: 60 }', ''].join('\n');
    const r = parseSlotDeclaration(yaml, 'personalization.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map(formatDiagnostic)).toEqual([
      'personalization.yaml:4:9  slot.page  must be 1: the handout keeps the box free on its first page only',
      'personalization.yaml:7:3  slot.colour  is not a known field (colour)',
    ]);
    const r2 = parseSlotDeclaration(yaml.replace('  page: 2\n', '  page: 1\n').replace('  colour: red\n', ''), 'personalization.yaml');
    expect(r2.ok ? [] : r2.diagnostics.map(formatDiagnostic)).toEqual([
      'personalization.yaml:5:28  slot.box.bottom  must be at least 18 mm: the bottom 16 mm of the page belong to the stamped footer',
      'personalization.yaml:5:52  slot.box.height  is too small for the label and the text fields at full size: they need 13.1 mm',
      'personalization.yaml:8:5  slot.fields  needs exactly one field of kind "id" (the rep id that names each copy); found 0',
    ]);
  });
});
