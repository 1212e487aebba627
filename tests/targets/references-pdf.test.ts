/**
 * Citations in the printed documents: superscript numbers in deck and handout
 * that are PDF link annotations to the references slide/section, DOI and URL
 * entries as URI links, follow-on reference slides when the list is long, and
 * the same bytes on every build.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFName, PDFRef, PDFString, PDFHexString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { buildArgs, removeAll, sharedBrowser } from '../support/api.js';
import { SAMPLE_DIR, SAMPLE_ID, sampleWorkspace, tempDir } from '../support/fixtures.js';
import { loadPdf, pageTexts } from '../support/pdf.js';

const browser = sharedBrowser();
const dirs: string[] = [];
afterAll(() => removeAll(dirs));
const out = () => {
  const d = tempDir();
  dirs.push(d);
  return d;
};

interface Link {
  page: number;
  /** Page index the link jumps to (internal links). */
  target?: number;
  uri?: string;
}

const str = (o: PDFObject | undefined) => (o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : o instanceof PDFName ? o.decodeText() : undefined);

/** Every link annotation: internal ones resolved through /Dest (named or explicit) or a GoTo action to their page. */
function links(doc: PDFDocument): Link[] {
  const pages = doc.getPages();
  const pageOf = (ref: PDFObject | undefined) => pages.findIndex((p) => ref instanceof PDFRef && p.ref === ref);
  const dests = doc.catalog.lookupMaybe(PDFName.of('Dests'), PDFDict);
  const named = (name: string) => {
    const dest = dests?.lookup(PDFName.of(name));
    return dest instanceof PDFArray ? dest.get(0) : undefined;
  };
  const result: Link[] = [];
  pages.forEach((page, i) => {
    const annots = page.node.Annots();
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const a = annots?.lookup(k, PDFDict);
      if (a?.get(PDFName.of('Subtype')) !== PDFName.of('Link')) continue;
      const action = a.lookupMaybe(PDFName.of('A'), PDFDict);
      const dest = a.lookup(PDFName.of('Dest')) ?? action?.lookup(PDFName.of('D'));
      if (dest) {
        const target = dest instanceof PDFArray ? dest.get(0) : named(str(dest) ?? '');
        result.push({ page: i, target: pageOf(target) });
      } else if (action) result.push({ page: i, uri: str(action.lookup(PDFName.of('URI'))) });
    }
  });
  return result;
}

const files = (dir: string, id = SAMPLE_ID) => ({ deck: join(dir, id, `${id}.deck.pdf`), handout: join(dir, id, `${id}.handout.pdf`) });
const TITLE = 'Interventional Pain Management: A Care Overview';

describe('citations in the sample\'s PDFs', () => {
  it('deck and handout show citation numbers that link to the references slide and section, which name the source article', async () => {
    const dir = out();
    const built = await buildArgs(['build', SAMPLE_DIR, '--out', dir, '--only', 'deck-pdf,handout-pdf,deck-md', '--edition', 'base'], {}, browser);
    expect(built.status, built.stderr).toBe(0);
    const md = readFileSync(join(dir, SAMPLE_ID, `${SAMPLE_ID}.deck.md`), 'utf8');
    expect(md).toContain('<sup class="cite">[1](#ref-1)</sup>');

    for (const [kind, file] of Object.entries(files(dir))) {
      const doc = await loadPdf(file);
      const texts = pageTexts(file, doc.getPageCount());
      const refsPage = texts.findIndex((t) => /References/.test(t) && t.includes(TITLE) && t.includes('[Internet]'));
      expect(refsPage, `${kind} has a references page`).toBeGreaterThan(0);
      expect(texts[refsPage]).toContain(`INVAMED Medical Affairs. ${TITLE} [Internet]. INVAMED blog; 2017 Apr 28 [cited 2026 Nov 2].`);
      const internal = links(doc).filter((l) => l.target !== undefined);
      // 6 steps, 6 procedures, 3 technologies, 5 team members and 3 FAQ answers each cite the article: 23 links, all to the references page.
      expect(internal.length, kind).toBe(23);
      expect(new Set(internal.map((l) => l.target))).toEqual(new Set([refsPage]));
      expect(new Set(internal.map((l) => l.page)).size, `${kind}: citations on several pages`).toBeGreaterThan(kind === 'deck' ? 8 : 2);
      // The number reads as a superscript after the cited text ("…later steps.1").
      expect(texts.some((t) => /continue alongside later steps\. ?1/.test(t))).toBe(true);
    }
  });
});

describe('citations: links, long lists, reproducible bytes', () => {
  // Test fixtures only: 10.5555 is the DOI prefix reserved for examples; example.org is reserved too.
  const refs = Array.from({ length: 24 }, (_, i) => `  - id: fixture-${i + 1}\n    type: article\n    authors: [Fixture A, Fixture B]\n    title: Test fixture entry number ${i + 1} with a title long enough to wrap on the slide\n    source: Journal of Test Fixtures\n    year: 2020\n    volume: "${i + 1}(2)"\n    pages: 101-9\n    doi: 10.5555/fixture.${i + 1}\n`).join('');
  const web = '  - id: fixture-web\n    type: web\n    title: Test fixture web page\n    source: Example\n    url: https://example.org/fixture?a=1&b=2\n    accessed: "2026-11-02"\n';
  const edit = (y: string) =>
    y
      .replace('\n# Which kinds of item', `\n${refs}${web}\n# Which kinds of item`)
      .replace('- id: faq-who-performs\n    references: [invamed-ipm-care-overview]', `- id: faq-who-performs\n    references: [fixture-web, ${Array.from({ length: 12 }, (_, i) => `fixture-${12 - i}`).join(', ')}]`)
      .replace('- id: faq-which-step\n    references: [invamed-ipm-care-overview]', `- id: faq-which-step\n    references: [${Array.from({ length: 12 }, (_, i) => `fixture-${24 - i}`).join(', ')}]`);

  it('DOIs and URLs are URI links, a long list continues on follow-on slides, and each number jumps to the page of its entry', async () => {
    const ws = sampleWorkspace({ edit });
    dirs.push(ws.root);
    const dir = process.env.KEEP_REFS_OUT ?? out();
    const built = await buildArgs(['build', ws.dir, '--out', dir, '--only', 'deck-pdf,handout-pdf'], { cwd: ws.root }, browser);
    expect(built.status, built.stderr).toBe(0);
    for (const [kind, file] of Object.entries(files(dir))) {
      const doc = await loadPdf(file);
      const texts = pageTexts(file, doc.getPageCount());
      const all = links(doc);
      const uris = all.flatMap((l) => (l.uri ? [l.uri] : []));
      expect(uris, kind).toContain('https://doi.org/10.5555/fixture.7');
      expect(uris, kind).toContain('https://example.org/fixture?a=1&b=2');
      // Numbered by first citation: the article first (the ladder cites it), then the FAQ lists in their written order.
      const entryPage = (title: string) => texts.findIndex((t) => t.includes(title));
      expect(entryPage('2. Test fixture web page')).toBeGreaterThan(0);
      if (kind === 'deck') expect(texts.some((t) => t.includes('References (2/'))).toBe(true);
      const targets = new Set(all.flatMap((l) => (l.target !== undefined ? [l.target] : [])));
      // Each reference page holds entries some citation links to.
      for (const page of targets) expect(texts[page]).toMatch(/Test fixture|Care Overview/);
      expect(targets.size, kind).toBeGreaterThan(1);
      const entry = texts[entryPage('Test fixture entry number 1 with')];
      expect(entry).toContain('2020;1(2):101-9. doi: 10.5555/fixture.1');
    }
  });

  it('builds with citation links are byte-identical across runs', async () => {
    const ws = sampleWorkspace({ edit });
    dirs.push(ws.root);
    const shas = [];
    for (let run = 0; run < 2; run++) {
      const built = await buildArgs(['build', ws.dir, '--out', out(), '--only', 'deck-pdf,handout-pdf', '--force'], { cwd: ws.root }, browser);
      expect(built.status, built.stderr).toBe(0);
      shas.push(built.json.outputs.map((o) => o.sha256));
    }
    expect(shas[1]).toEqual(shas[0]);
  });
});
