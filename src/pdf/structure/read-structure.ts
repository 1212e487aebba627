/**
 * Reads a PDF the way a viewer does, from the last `startxref` back through
 * every /Prev, and reports what a verifier must refuse: duplicate definitions
 * inside one revision, objects no cross-reference points at, cross-reference
 * offsets that do not land on the object they name, and bytes after the
 * final %%EOF. Pure: bytes in, a report out; it never throws on bad input.
 */
import { PDFName, PDFRawStream } from '../pdf-lib.js';
import { scanDefinitions, type FoundDefinition } from './definitions.js';
import { PdfBytes } from './pdf-bytes.js';
import { readXrefSection, streamEntries, trailerNumber, type XrefSection } from './xref-section.js';
import type { Duplicate, ObjectDefinition, PdfStructure, Revision, XrefEntry } from './types.js';

export function readStructure(bytes: Uint8Array): PdfStructure {
  return readWith(new PdfBytes(bytes)).structure;
}

/** Also hands back the parsed file, so the xref view does not parse twice. */
export function readWith(file: PdfBytes): { structure: PdfStructure; sections: (XrefSection & { offset: number })[] } {
  const problems: string[] = [];
  const { text } = file;
  if (!text.startsWith('%PDF-')) problems.push('the file does not start with a %PDF- header');

  const sections = followChain(file, problems);
  if (sections.some((s) => s.trailer.has(PDFName.of('Encrypt')))) problems.push('the file is encrypted (/Encrypt)');
  const revisions = toRevisions(file, sections, problems);
  const finalEnd = revisions.at(-1)?.end ?? 0;
  const trailingBytes = revisions.length ? text.slice(finalEnd).replace(/[\0\t\n\f\r ]+$/, '').length : 0;
  if (trailingBytes > 0) problems.push(`${trailingBytes} bytes follow the final %%EOF at byte ${finalEnd}`);

  const found = scanDefinitions(file, problems);
  const revisionOf = (offset: number) => revisions.findIndex((r) => offset >= r.start && offset < r.end);
  const definitions: ObjectDefinition[] = found.map((d) => ({
    num: d.num,
    gen: d.gen,
    offset: d.offset,
    revision: revisionOf(d.offset),
    ...(d.inObjectStream !== undefined ? { inObjectStream: d.inObjectStream } : {}),
  }));
  const duplicates = findDuplicates(definitions);
  for (const d of duplicates) problems.push(`object ${d.num} is defined ${d.offsets.length} times in revision ${d.revision + 1} (bytes ${d.offsets.join(', ')})`);
  checkEntries(file, revisions, found, problems);
  checkHidden(revisions, sections, found, definitions, problems);

  return { structure: { fileLength: file.bytes.length, revisions, definitions, duplicates, trailingBytes, problems }, sections };
}

function followChain(file: PdfBytes, problems: string[]): (XrefSection & { offset: number })[] {
  const at = file.text.lastIndexOf('startxref');
  const m = at < 0 ? null : /startxref[\0\t\n\f\r ]+(\d+)/y.exec(file.text.slice(at));
  if (!m) {
    problems.push('no startxref: the file has no cross-reference section a viewer could follow');
    return [];
  }
  const sections: (XrefSection & { offset: number })[] = [];
  const seen = new Set<number>();
  let offset: number | undefined = Number(m[1]);
  while (offset !== undefined) {
    if (seen.has(offset)) {
      problems.push(`the /Prev chain loops back to byte ${offset}`);
      break;
    }
    seen.add(offset);
    let section: XrefSection;
    try {
      section = readXrefSection(file, offset);
    } catch (error) {
      problems.push(`cross-reference at byte ${offset}: ${(error as Error).message}`);
      break;
    }
    const hybrid = trailerNumber(section.trailer, 'XRefStm');
    if (section.kind === 'table' && hybrid !== undefined) mergeHybrid(file, section, hybrid, problems);
    const prev = trailerNumber(section.trailer, 'Prev');
    if (prev !== undefined && prev >= offset) problems.push(`the cross-reference at byte ${offset} has a /Prev (${prev}) that does not point backwards`);
    sections.push({ ...section, offset });
    offset = prev;
  }
  return sections.sort((a, b) => a.offset - b.offset);
}

function mergeHybrid(file: PdfBytes, section: XrefSection, at: number, problems: string[]): void {
  const stream = file.indirectAt(at);
  if (!(stream?.object instanceof PDFRawStream)) {
    problems.push(`the /XRefStm at byte ${at} is not a cross-reference stream`);
    return;
  }
  const listed = new Set(section.entries.map((e) => e.num));
  for (const e of streamEntries(stream.object, file.context)) if (!listed.has(e.num) || e.kind === 'compressed') section.entries.push(e);
}

function toRevisions(file: PdfBytes, sections: (XrefSection & { offset: number })[], problems: string[]): Revision[] {
  const { text } = file;
  let start = 0;
  return sections.map((section, index): Revision => {
    const eof = text.indexOf('%%EOF', section.offset);
    let end = eof < 0 ? text.length : eof + 5;
    const eofEnd = end;
    if (eof < 0) problems.push(`revision ${index + 1} (cross-reference at byte ${section.offset}) has no %%EOF`);
    else {
      const eol = /\r\n|\r|\n/y;
      eol.lastIndex = end;
      if (eol.exec(text)) end = eol.lastIndex;
      const sx = /startxref[\0\t\n\f\r ]+(\d+)[\0\t\n\f\r ]*$/.exec(text.slice(section.offset, eof));
      if (!sx || Number(sx[1]) !== section.offset) problems.push(`revision ${index + 1} ends with a startxref that does not point at its own cross-reference (byte ${section.offset})`);
    }
    const next = sections[index + 1];
    if (next && end > next.offset) problems.push(`revision ${index + 1} overlaps the next one`);
    const inUse = section.entries.filter((e) => e.kind !== 'free' && e.num !== section.streamObject).map((e) => e.num);
    const freed = section.entries.filter((e) => e.kind === 'free' && e.num !== 0).map((e) => e.num);
    const prev = trailerNumber(section.trailer, 'Prev');
    const revision: Revision = {
      index,
      start,
      end,
      eof: eofEnd,
      xrefOffset: section.offset,
      xrefKind: section.kind,
      ...(prev !== undefined ? { prev } : {}),
      objects: [...new Set(inUse)].sort((a, b) => a - b),
      freed: [...new Set(freed)].sort((a, b) => a - b),
      entries: section.entries,
      trailer: section.trailer,
    };
    start = end;
    return revision;
  });
}

function findDuplicates(definitions: ObjectDefinition[]): Duplicate[] {
  const groups = new Map<string, ObjectDefinition[]>();
  for (const d of definitions) {
    const key = `${d.revision}:${d.num}`;
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return [...groups.values()].filter((g) => g.length > 1).map((g) => ({ num: g[0]!.num, revision: g[0]!.revision, offsets: g.map((d) => d.offset) }));
}

/** Every in-use entry must land on the object it names, inside its own revision or an earlier one. */
function checkEntries(file: PdfBytes, revisions: Revision[], found: FoundDefinition[], problems: string[]): void {
  for (const r of revisions) {
    for (const e of r.entries) {
      if (e.kind === 'offset') {
        const header = file.headerAt(e.offset);
        if (!header || header.num !== e.num || header.gen !== e.gen) {
          problems.push(`revision ${r.index + 1}'s cross-reference puts object ${e.num} ${e.gen} at byte ${e.offset}, but ${header ? `object ${header.num} ${header.gen}` : 'no object'} is there`);
        } else if (header.at >= r.end) problems.push(`revision ${r.index + 1}'s cross-reference points object ${e.num} at byte ${e.offset}, after the revision's end`);
      } else if (e.kind === 'compressed') {
        if (!found.some((d) => d.inObjectStream === e.stream && d.index === e.index && d.num === e.num)) {
          problems.push(`revision ${r.index + 1}'s cross-reference puts object ${e.num} in object stream ${e.stream} at index ${e.index}, but it is not there`);
        }
      }
    }
  }
}

/** A definition that its own revision's cross-reference does not point at is invisible to viewers, but not to a sequential parser. */
function checkHidden(revisions: Revision[], sections: XrefSection[], found: FoundDefinition[], definitions: ObjectDefinition[], problems: string[]): void {
  found.forEach((d, i) => {
    const revision = definitions[i]!.revision;
    const r = revisions[revision];
    if (!r) return;
    if (d.num === sections[revision]?.streamObject && d.inObjectStream === undefined) return;
    const listed = r.entries.some((e: XrefEntry) =>
      d.inObjectStream === undefined ? e.kind === 'offset' && e.num === d.num && atSame(e.offset, d.offset) : e.kind === 'compressed' && e.num === d.num && e.stream === d.inObjectStream && e.index === d.index,
    );
    if (!listed) problems.push(`object ${d.num} defined at byte ${d.offset}${d.inObjectStream !== undefined ? ` (in object stream ${d.inObjectStream})` : ''} is not in revision ${revision + 1}'s cross-reference`);
  });
}

/** Offsets may point at whitespace before the header; the scan finds the first digit. */
const atSame = (entryOffset: number, headerOffset: number) => entryOffset <= headerOffset && headerOffset - entryOffset < 8;

