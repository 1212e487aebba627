/**
 * The sample handout (and deck PDF) as a rep and a printer would check them:
 * paper size, tags, metadata, embedded fonts, qpdf, the footer on every page,
 * bleed boxes, the DRAFT watermark and Turkish/German text.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MM } from '../../src/pdf/page-boxes.js';
import { buildArgs, sharedBrowser } from '../support/api.js';
import { SAMPLE_DIR, SAMPLE_ID, sampleWorkspace, tempDir } from '../support/fixtures.js';
import { loadPdf, pageTexts, pdffonts, pdfinfo } from '../support/pdf.js';

const course = parse(readFileSync(join(SAMPLE_DIR, 'course.yaml'), 'utf8')) as {
  title: string;
  organisation: string;
  keywords: string[];
  disclaimer: { short: string };
  document: { code: string; version: string };
};
const outputs = (out: string, id = SAMPLE_ID) => ({
  handout: join(out, id, `${id}.handout.pdf`),
  deck: join(out, id, `${id}.deck.pdf`),
});

const browser = sharedBrowser();

async function build(args: string[], env: Record<string, string> = {}, dir = SAMPLE_DIR) {
  const out = tempDir('deckhand-handout-');
  const result = await buildArgs(['build', dir, '--out', out, ...args], { env }, browser);
  expect(result.status, result.stderr).toBe(0);
  // Another paper size or bleed gets its own file name; take the handout's from the report.
  const built = result.json.outputs.find((o) => o.kind === 'handout-pdf');
  return { out, ...outputs(out), ...(built ? { handout: join(out, SAMPLE_ID, basename(built.path)) } : {}), stderr: result.stderr };
}

let a4: Awaited<ReturnType<typeof build>>;
beforeAll(async () => {
  a4 = await build(['--only', 'deck-pdf,handout-pdf']);
});

describe('the handout PDF', () => {
  it('is exact A4, tagged, with title, author, subject and keywords', () => {
    const info = pdfinfo(a4.handout);
    expect(info['Page size']).toBe('595.28 x 841.89 pts (A4)');
    expect(info.Tagged).toBe('yes');
    expect(info.Title).toBe(course.title);
    expect(info.Author).toBe(course.organisation);
    expect(info.Subject).toContain('handout');
    expect(info.Keywords).toBe(course.keywords.join('; '));
    expect(info.Creator).toMatch(/^deckhand \d/);
    expect(info.Producer).toMatch(/^deckhand \d/);
  });

  it('is US Letter with --paper letter', async () => {
    const letter = await build(['--only', 'handout-pdf', '--paper', 'letter']);
    expect(pdfinfo(letter.handout)['Page size']).toBe('612 x 792 pts (letter)');
    expect(basename(letter.handout)).toBe(`${SAMPLE_ID}.handout-letter.pdf`);
  });

  it('stays under 300 KB', () => {
    expect(statSync(a4.handout).size).toBeLessThan(300 * 1024);
  });

  it('has /Lang, DisplayDocTitle and an XMP record with document control and the source hash', async () => {
    const pdf = await loadPdf(a4.handout);
    expect(pdf.catalog.lookup(PDFName.of('Lang'))?.toString()).toContain('en');
    expect(pdf.catalog.getViewerPreferences()?.getDisplayDocTitle()).toBe(true);
    const xmp = pdf.catalog.lookup(PDFName.of('Metadata'));
    const text = new TextDecoder().decode(xmp instanceof PDFRawStream ? decodePDFRawStream(xmp).decode() : new Uint8Array());
    const sha = execFileSync('sha256sum', [join(SAMPLE_DIR, 'course.yaml')], { encoding: 'utf8' }).split(' ')[0];
    expect(text).toContain(`<deckhand:documentCode>${course.document.code}</deckhand:documentCode>`);
    expect(text).toContain(`<deckhand:version>${course.document.version}</deckhand:version>`);
    expect(text).toContain(`<deckhand:sourceSha256>${sha}</deckhand:sourceSha256>`);
    expect(text).toContain('<deckhand:reviewExpires>2027-11-30</deckhand:reviewExpires>');
    expect(text).toContain('<deckhand:name>INVAMED Medical Affairs</deckhand:name>');
    expect(text).toContain('<dc:title><rdf:Alt><rdf:li xml:lang="x-default">Interventional Pain Management</rdf:li>');
  });

  // Turkish and German text (ş ğ İ ı ç ö ü, ä ß) is checked in the TR and DE editions' outputs:
  // tests/pipeline/editions.test.ts. The base course is English only.
});

describe('both PDFs', () => {
  it('embed every font (pdffonts) and pass qpdf --check', () => {
    for (const file of [a4.handout, a4.deck]) {
      const fonts = pdffonts(file);
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((f) => !f.embedded)).toEqual([]);
      expect(fonts.map((f) => f.name)).toContain('DHSTMP+NotoSans-Regular');
      // Only the project font: no system fallback (Liberation, DejaVu…) slipped in.
      expect(fonts.filter((f) => !/\+NotoSans-/.test(f.name)).map((f) => f.name)).toEqual([]);
      expect(execFileSync('qpdf', ['--check', file], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    }
  });

  it('carry the short disclaimer, code, version, reviewer and "page X of Y" on every page', async () => {
    for (const file of [a4.handout, a4.deck]) {
      const pages = (await loadPdf(file)).getPageCount();
      pageTexts(file, pages).forEach((text, i) => {
        expect(text, `${file} page ${i + 1}`).toContain(course.disclaimer.short);
        expect(text).toContain(`${course.document.code} · Version ${course.document.version} · Reviewed by INVAMED Medical Affairs, 2026-11-16`);
        expect(text).toContain(`page ${i + 1} of ${pages}`);
        expect(text).not.toContain('NOT FOR DISTRIBUTION');
      });
    }
  });

  it('mark the stamp as an Artifact so the tagged structure stays intact', async () => {
    const pdf = await loadPdf(a4.handout);
    const page = pdf.getPage(0);
    const contents = page.node.Contents();
    const streams = contents && 'asArray' in contents ? (contents as { asArray(): unknown[] }).asArray().map((r) => pdf.context.lookup(r as never)) : [contents];
    const ops = streams.map((s) => (s instanceof PDFRawStream ? new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()) : '')).join('\n');
    expect(ops).toMatch(/\/Artifact BMC[\s\S]*EMC/);
    expect(pdf.catalog.lookup(PDFName.of('StructTreeRoot'))).toBeDefined();
  });
});

describe('press output', () => {
  it('--bleed 3mm makes the TrimBox 3 mm smaller than the MediaBox on every side', async () => {
    const press = await build(['--only', 'handout-pdf', '--bleed', '3mm']);
    expect(basename(press.handout)).toBe(`${SAMPLE_ID}.handout-bleed3mm.pdf`);
    const pdf = await loadPdf(press.handout);
    for (const page of pdf.getPages()) {
      const media = page.getMediaBox();
      const trim = page.getTrimBox();
      const bleed = page.getBleedBox();
      expect(trim.x - media.x).toBeCloseTo(3 * MM, 1);
      expect(trim.y - media.y).toBeCloseTo(3 * MM, 1);
      expect(media.width - trim.width).toBeCloseTo(6 * MM, 1);
      expect(media.height - trim.height).toBeCloseTo(6 * MM, 1);
      expect(trim.width).toBeCloseTo(595.28, 1);
      expect(bleed).toEqual(media);
    }
  });
});

describe('the DRAFT watermark', () => {
  /** mutool keeps the rotated watermark in one piece (pdftotext splits diagonal text). */
  const watermarkOnEveryPage = async (file: string) => {
    const pages = (await loadPdf(file)).getPageCount();
    return Array.from({ length: pages }, (_, i) => execFileSync('mutool', ['draw', '-F', 'txt', '-o', '-', file, String(i + 1)], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })).every((text) =>
      text.includes('DRAFT — NOT FOR DISTRIBUTION'),
    );
  };

  it('is on every page of every PDF when the review has expired on the build date', async () => {
    const expired = await build(['--only', 'deck-pdf,handout-pdf'], { SOURCE_DATE_EPOCH: String(Date.UTC(2028, 0, 15) / 1000) });
    expect(expired.stderr).toContain('review expired on 2027-11-30');
    expect(await watermarkOnEveryPage(expired.handout)).toBe(true);
    expect(await watermarkOnEveryPage(expired.deck)).toBe(true);
  });

  it('is on every page when the review status is not "approved"', async () => {
    const ws = sampleWorkspace({ edit: (y) => y.replace('status: approved', 'status: in-review') });
    const draft = await build(['--only', 'deck-pdf,handout-pdf'], {}, ws.dir);
    expect(await watermarkOnEveryPage(draft.handout)).toBe(true);
    expect(await watermarkOnEveryPage(draft.deck)).toBe(true);
    expect(execFileSync('pdftotext', [draft.handout, '-'], { encoding: 'utf8' })).toContain('Draft — review status: In review');
  });
});
