/**
 * Soft hyphens for the running text of a course view, so long words (German
 * compounds above all) break at a syllable with a visible hyphen. Chromium
 * here has no hyphenation dictionaries, so `hyphens: auto` does nothing;
 * render/hyphenate.ts inserts U+00AD from the `hyphen` pattern library.
 * Only prose is touched: never the document code, ids, dates, the title (it
 * becomes PDF metadata and the running header), the short disclaimer (it is
 * stamped into the footer), keywords (metadata) or speaker notes.
 */
import type { CourseView } from '../render/course-view.js';
import { canHyphenate, hyphenate } from '../render/hyphenate.js';

export function hyphenateView(view: CourseView, lang: string): CourseView {
  if (!canHyphenate(lang)) return view;
  const h = (s: string) => hyphenate(s, lang);
  const o = <T extends string | undefined>(s: T): T => (s === undefined ? s : (h(s) as T));
  return {
    ...view,
    ...(view.subtitle ? { subtitle: h(view.subtitle) } : {}),
    ...(view.ladderIntro ? { ladderIntro: h(view.ladderIntro) } : {}),
    steps: view.steps.map((s) => ({ ...s, title: h(s.title), summary: h(s.summary), options: s.options.map(h), nextStepWhen: h(s.nextStepWhen) })),
    procedures: view.procedures.map((p) => ({ ...p, name: h(p.name), purpose: h(p.purpose), stepTitle: h(p.stepTitle), ...(p.confirms ? { confirms: h(p.confirms) } : {}) })),
    technologies: view.technologies.map((t) => ({ ...t, category: h(t.category), description: h(t.description), stepTitles: t.stepTitles.map(h) })),
    team: { ...view.team, ...(view.team.intro ? { intro: h(view.team.intro) } : {}), members: view.team.members.map((m) => ({ ...m, discipline: h(m.discipline), role: h(m.role) })) },
    faq: view.faq.map((f) => ({ ...f, question: h(f.question), answer: h(f.answer) })),
    disclaimer: { ...view.disclaimer, full: h(view.disclaimer.full) },
    statements: view.statements.map((s) => ({ ...s, text: o(s.text) })),
  };
}
