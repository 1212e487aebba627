/**
 * Content is data in the PowerPoint too: XML specials, template braces and
 * markup-looking course text land literally in their run, every part stays
 * well-formed XML, and nothing else on the slide changes.
 */
import { XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Course } from '../../src/content/schema.js';
import { renderPptx } from '../../src/pptx/render-pptx.js';
import { inputFor, loadSample, notesTextOf, openPptx, runs, type OpenedPptx } from './pptx-fixtures.js';

const loaded = loadSample();

const HOSTILE = [
  '<a:t>x</a:t></a:r></a:p><a:p>',
  ']]> & &amp; &#x41; &lt;b&gt;',
  '{{x}} {{{x}}} {title} {question}',
  '"quoted" \'single\' <script>alert(1)</script>',
  '<p:sp><p:txBody/></p:sp> 😀 Ğüşİ',
];

/** Where a string can land: slide title, list item, table cell, paragraph, master footer, speaker notes. */
const FIELDS: [string, (c: Course, s: string) => void, (p: OpenedPptx) => string[]][] = [
  ['title', (c, s) => void (c.title = s), (p) => runs(p.slides[0] ?? '')],
  ['ladder.steps[0].title', (c, s) => void ((c.ladder.steps[0] as { title: string }).title = s), (p) => p.slides.flatMap(runs)],
  ['ladder.steps[1].options[0]', (c, s) => void ((c.ladder.steps[1] as { options: string[] }).options[0] = s), (p) => p.slides.flatMap(runs)],
  ['procedures[0].name', (c, s) => void ((c.procedures[0] as { name: string }).name = s), (p) => p.slides.flatMap(runs)],
  ['faq[0].answer', (c, s) => void ((c.faq[0] as { answer: string }).answer = s), (p) => p.slides.flatMap(runs)],
  ['team.members[0].discipline', (c, s) => void ((c.team.members[0] as { discipline: string }).discipline = s), (p) => p.slides.flatMap(runs)],
  ['disclaimer.short', (c, s) => void (c.disclaimer.short = s), (p) => p.layouts.flatMap(runs)],
  ['ladder.steps[0].notes', (c, s) => void ((c.ladder.steps[0] as { notes?: string }).notes = s), (p) => p.notes.map(notesTextOf)],
];

const shapeCount = (p: OpenedPptx) => p.slides.map((xml) => (xml.match(/<p:sp>|<p:graphicFrame>|<p:pic>/g) ?? []).length);

async function allXmlWellFormed(p: OpenedPptx): Promise<string[]> {
  const bad: string[] = [];
  for (const name of Object.keys(p.zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    if (XMLValidator.validate(await p.text(name)) !== true) bad.push(name);
  }
  return bad;
}

describe('course text in the PowerPoint', () => {
  for (const [field, set, where] of FIELDS) {
    it(`${field}: hostile strings appear literally, the XML stays well-formed, the slides are unchanged`, async () => {
      for (const text of HOSTILE) {
        const baseline = await openPptx(await renderPptx(inputFor(loaded, (c) => set(c, 'x'.repeat(text.length)))));
        const pptx = await openPptx(await renderPptx(inputFor(loaded, (c) => set(c, text))));
        expect(where(pptx).some((t) => t.includes(text)), `${JSON.stringify(text)} literally in ${field}`).toBe(true);
        expect(await allXmlWellFormed(pptx)).toEqual([]);
        expect(pptx.slides.length).toBe(baseline.slides.length);
        expect(shapeCount(pptx)).toEqual(shapeCount(baseline));
      }
    });
  }

  it('the check can fail: an unescaped string breaks well-formedness', () => {
    expect(XMLValidator.validate(`<a:t>${HOSTILE[0]}</a:r>`)).not.toBe(true);
  });
});
