/**
 * Every word deckhand adds comes from the caller's labels; technology pictures
 * appear on their slide; the zip clean-up keeps one paragraph property per
 * paragraph.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { fillLabel } from '../../src/pptx/labels.js';

import { renderPptx } from '../../src/pptx/render-pptx.js';
import { onePPrPerParagraph } from '../../src/pptx/repack.js';
import { sampleWorkspace, tempDir } from '../support/fixtures.js';
import { inputFor, loadSample, openPptx, runs } from './pptx-fixtures.js';
import { catalogueFor } from '../../src/pipeline/catalogue.js';

const loaded = loadSample();

describe('labels', () => {
  it('fills slots once: course text with braces stays literal', () => {
    expect(fillLabel('Step {number} · {title}', { number: 2, title: '{number} {{x}}' })).toBe('Step 2 · {number} {{x}}');
    expect(fillLabel('{unknown} {title}', { title: 't' })).toBe('{unknown} t');
  });

  it('no English of deckhand\'s own reaches a slide, master or notes when the edition is in another language', async () => {
    // Labels and the deck's own planner (agenda, continuation headings) both come from the edition's catalogue:
    // with the Turkish one, no English interface text may remain. The course text itself stays as written.
    const tr = catalogueFor('tr');
    const input = inputFor(loaded, (c) => void (c.review.status = 'draft'), tr);
    const pptx = await openPptx(await renderPptx(input));
    const text = [...pptx.slides, ...pptx.layouts].flatMap(runs).join('\n');
    const english = ['Agenda', 'Step 1', 'Examples and options', 'When to consider', 'Frequently asked questions', 'Document control', 'Important information', 'Helps confirm', 'Procedure', 'Purpose', 'For healthcare professionals', 'supports:', 'Version', 'DRAFT', 'Reviewed by', 'References'];
    for (const word of english) expect(text, word).not.toContain(word);
    for (const key of ['agenda.heading', 'step.options', 'faq.heading', 'documentControl.heading', 'procedures.columnProcedure', 'pptx.draftMark', 'audience.hcp', 'references.heading']) {
      expect(text, key).toContain(tr.t(key));
    }
    expect(text).toContain(tr.t('pagination.part', { heading: tr.t('team.heading'), page: 1, pages: 2 }));
  });
});

describe('technology pictures', () => {
  it('puts a course\'s PNG on its technology slide, scaled to keep its shape, with its alt text', async () => {
    const root = tempDir('deckhand-pptx-img-');
    try {
      const { dir } = sampleWorkspace({ root });
      mkdirSync(join(dir, 'assets'));
      const png = new PNG({ width: 40, height: 20 });
      png.data.fill(200);
      writeFileSync(join(dir, 'assets', 'peta.png'), PNG.sync.write(png));
      const yaml = readFileSync(join(dir, 'course.yaml'), 'utf8').replace(
        '    steps: [radiofrequency]\n',
        '    steps: [radiofrequency]\n    image: { src: assets/peta.png, alt: "Peta RFA <generator> & console" }\n',
      );
      writeFileSync(join(dir, 'course.yaml'), yaml);
      const input = inputFor(loadSample(dir));
      const pptx = await openPptx(await renderPptx(input));
      const withPicture = pptx.slides.filter((xml) => xml.includes('<p:pic>'));
      expect(withPicture).toHaveLength(1);
      const xml = withPicture[0] ?? '';
      expect(runs(xml).some((t) => t.startsWith('Peta RFA System'))).toBe(true);
      expect(xml).toContain('descr="Peta RFA &lt;generator&gt; &amp; console"');
      const ext = /<p:pic>[\s\S]*?<a:ext cx="(\d+)" cy="(\d+)"/.exec(xml);
      expect(Number(ext?.[1]) / Number(ext?.[2])).toBeCloseTo(2, 2);
      const media = Object.keys(pptx.zip.files).filter((n) => n.startsWith('ppt/media/'));
      expect(media).toHaveLength(1);
      expect(await pptx.zip.file(media[0] ?? '')?.async('uint8array')).toEqual(new Uint8Array(readFileSync(join(dir, 'assets', 'peta.png'))));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('paragraph properties', () => {
  it('keeps only the first <a:pPr> of each paragraph', () => {
    const p = '<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:pPr indent="0"><a:buNone/></a:pPr><a:r><a:t>b</a:t></a:r><a:pPr/></a:p>';
    expect(onePPrPerParagraph(p)).toBe('<a:p><a:pPr algn="l"><a:buNone/></a:pPr><a:r><a:t>a</a:t></a:r><a:r><a:t>b</a:t></a:r></a:p>');
  });

  it('no paragraph of the rendered deck has two', async () => {
    const pptx = await openPptx(await renderPptx(inputFor(loaded)));
    for (const xml of [...pptx.slides, ...pptx.layouts]) {
      for (const m of xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)) expect((m[1]?.match(/<a:pPr\b/g) ?? []).length).toBeLessThanOrEqual(1);
    }
  });
});
