/**
 * Content is data: strings that look like Markdown, Marp directives, HTML or
 * Handlebars appear literally on their slide and change nothing else.
 */
import { describe, expect, it } from 'vitest';
import { prepareCourse, type PreparedCourse } from '../../src/pipeline/prepare-course.js';
import type { Course } from '../../src/content/schema.js';
import { compileDeck } from '../../src/compile/compile.js';
import { speakerNotes } from '../../src/deck/deck-html.js';
import { renderMarp } from '../../src/deck/marp.js';
import { fontFaceCss } from '../../src/render/fonts.js';
import { SAMPLE_DIR } from '../support/fixtures.js';

const prepared = prepareCourse(SAMPLE_DIR, { today: '2026-11-20' });
if (!prepared.ok) throw new Error('sample must load');
const base: PreparedCourse = prepared.course;

const INJECTIONS = [
  '---',
  '<!-- _class: x -->',
  '<script>window.__pwned = 1</script>',
  '<style>section { display: none }</style>',
  '# heading',
  '![bg](http://example.com/track.png)',
  '{{x}}',
];

/** Every place a string can land: list item, heading, paragraph, table cell, footer directive, speaker note. */
const FIELDS: [string, (c: Course, s: string) => void][] = [
  ['faq[0].answer', (c, s) => void ((c.faq[0] as { answer: string }).answer = s)],
  ['ladder.steps[0].title', (c, s) => void ((c.ladder.steps[0] as { title: string }).title = s)],
  ['ladder.steps[1].options[0]', (c, s) => void ((c.ladder.steps[1] as { options: string[] }).options[0] = s)],
  ['team.members[0].role', (c, s) => void ((c.team.members[0] as { role: string }).role = s)],
  ['document.code', (c, s) => void (c.document.code = s)],
  ['disclaimer.short', (c, s) => void (c.disclaimer.short = s)],
  ['ladder.steps[0].notes', (c, s) => void ((c.ladder.steps[0] as { notes?: string }).notes = s)],
];

function render(mutate: (c: Course) => void) {
  const course = structuredClone(base.loaded.course);
  mutate(course);
  return compileDeck({ ...base.input, course, day: '2026-11-20' }, base.templates, { fonts: fontFaceCss });
}

/** Visible text of the slides: tags dropped, entities decoded. */
const slideText = (html: string) =>
  html
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/&amp;/g, '&')
    // Soft hyphens (render-time hyphenation) are invisible unless a line breaks there.
    .replace(/\u00AD/g, '')
    .replace(/\s+/g, ' ');

describe('escaping course text for Marp', () => {
  for (const [field, set] of FIELDS) {
    for (const text of INJECTIONS) {
      it(`${field} = ${JSON.stringify(text)} shows literally and adds no slide, directive or element`, () => {
        const baseline = render((c) => set(c, 'x'.repeat(text.length)));
        const deck = render((c) => set(c, text));
        const marp = renderMarp(deck.markdown, base.templates.text('themes/clinical.css'));
        expect(deck.slideCount).toBe(baseline.slideCount);
        if (field.endsWith('notes')) {
          expect(speakerNotes(marp)).toContain(text);
        } else {
          expect(slideText(marp.html)).toContain(text);
        }
        expect(marp.html).not.toMatch(/<script|<style|<iframe|<img/i);
        expect(marp.html).not.toContain('class="x"');
        expect(marp.html).not.toContain('example.com/track.png"');
        expect(marp.css).toBe(renderMarp(baseline.markdown, base.templates.text('themes/clinical.css')).css);
        // The shell's own script, the notes JSON and the interface-words JSON; nothing from the course.
        expect(deck.html.match(/<script\b/g)).toHaveLength(3);
      });
    }
  }
});
