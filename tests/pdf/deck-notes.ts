/**
 * Speaker notes per slide of a course, the way the HTML deck's presenter view
 * gets them (speakerNotes over the Marp render). RenderedDeck does not expose
 * them yet; the wiring should add `notes: string[]` to it.
 */
import { prepareCourse } from '../../src/build/prepare-course.js';
import { speakerNotes } from '../../src/deck/deck-html.js';
import { renderMarp } from '../../src/deck/marp.js';
import { renderDeck } from '../../src/deck/render-deck.js';
import { fontFaceCss } from '../../src/render/fonts.js';

export function deckNotes(courseDir: string): { notes: string[]; code: string; title: string } {
  const prepared = prepareCourse(courseDir, { today: '2026-11-20' });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.diagnostics));
  const { course } = prepared;
  const c = course.loaded.course;
  const deck = renderDeck(course.templates, course.view, course.theme, { ...c.speakerNotes, ladder: c.ladder.notes, team: c.team.notes }, fontFaceCss);
  const notes = speakerNotes(renderMarp(deck.markdown, course.templates.text(`themes/${course.theme}.css`)));
  if (notes.length !== deck.slideCount) throw new Error(`${notes.length} notes for ${deck.slideCount} slides`);
  return { notes, code: c.document.code, title: c.title };
}
