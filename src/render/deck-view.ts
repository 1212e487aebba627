/**
 * The deck template's view: the course view cut into slides. Every section that
 * can grow (ladder steps, team, procedures, technologies, FAQ, disclaimer) is a
 * list of pages sized by paginate.ts. Speaker notes become Marp note comments.
 */
import type { Course } from '../content/schema.js';
import type { CourseView, StepView } from './course-view.js';
import { numberCitations, type Citation, type ReferenceEntry } from './citations.js';
import { escapeMarkdown, trusted, type Trusted } from './escape.js';
import type { Catalogue } from '../i18n/index.js';
import { visibleLength, withoutBreakHints } from './break-hints.js';
import { DEFAULT_METRICS, linesFor, paginate as paginateParts, splitText, type Page, type SlideMetrics } from './paginate.js';

export interface SectionNotes {
  title?: string;
  agenda?: string;
  ladder?: string;
  team?: string;
  procedures?: string;
  technologies?: string;
  faq?: string;
  disclaimer?: string;
  documentControl?: string;
}

type Block =
  | { kind: 'text'; text: string }
  | { kind: 'option'; text: string }
  | { kind: 'next'; text: string };

export interface StepPage {
  heading: string;
  number: number;
  paragraphs: string[];
  options: string[];
  nextStepWhen?: string;
  notes?: Trusted;
  /** The step's citation, on the page that ends its summary. */
  cite?: Citation;
}

type Cited = { cite?: Citation };

export interface DeckView extends CourseView {
  theme: string;
  /** The title slide's classes: "title", plus size steps for long titles and subtitles (see titleClasses). */
  titleClass: Trusted;
  /** Front-matter values: already Markdown-escaped and quoted for YAML. */
  footerYaml: Trusted;
  headerYaml?: Trusted;
  agenda: string[];
  ladderStyle: Trusted;
  stepPages: StepPage[];
  teamPages: (Page<{ discipline: string; role: string } & Cited> & { intro?: string; notes?: Trusted })[];
  procedurePages: (Page<CourseView['procedures'][number] & Cited> & { notes?: Trusted })[];
  technologyPages: (Page<CourseView['technologies'][number] & Cited> & { notes?: Trusted })[];
  faqPages: (Page<{ question: string; answer: string; notes?: string } & Cited> & { notes?: Trusted })[];
  /** The reference list, numbered by first citation in the deck (steps, team, procedures, technologies, FAQ). */
  referencePages: Page<ReferenceEntry>[];
  /** The last disclaimer page also carries the market statements (adverse-event line, …). */
  disclaimerPages: (Page<string> & { notes?: Trusted; statements?: CourseView['statements'] })[];
  notes: { title?: Trusted; agenda?: Trusted; ladder?: Trusted; documentControl?: Trusted };
}

/**
 * A Marp speaker-note comment. The fixed "Notes:" key makes the comment a
 * one-key YAML mapping that is no Marp directive, whatever the text says, and
 * the escaped `<` `>` mean the text cannot close the comment.
 */
export function noteComment(text: string | undefined): Trusted | undefined {
  if (!text) return undefined;
  const safe = text.replace(/\s+/g, ' ').trim().replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return trusted(`<!-- Notes: ${safe} -->`);
}

/** Inverse of noteComment for one comment's content, for the HTML deck's presenter view. */
export function noteText(comment: string): string {
  return comment.replace(/^\s*Notes:\s?/, '').trim().replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** The plain text of one noteComment (what the presenter view, the notes pages and the PPTX show); '' when none. */
export function noteCommentText(comment: Trusted | undefined): string {
  if (!comment) return '';
  const m = /^<!--([\s\S]*)-->$/.exec(comment.value);
  if (!m) throw new Error('deck note comments must be <!-- ... --> comments');
  return noteText(m[1] ?? '');
}

/** Section notes for slides without item notes: `speakerNotes` plus the ladder's and team's own. */
export function sectionNotes(course: Pick<Course, 'speakerNotes' | 'ladder' | 'team'>): SectionNotes {
  return { ...course.speakerNotes, ladder: course.ladder.notes, team: course.team.notes };
}

export function deckView(view: CourseView, theme: string, notes: SectionNotes, catalogue: Catalogue, metrics: SlideMetrics = DEFAULT_METRICS): DeckView {
  const t = (key: string, params?: Record<string, string | number>) => catalogue.t(key, params);
  const paginate = <T>(items: T[], cost: (item: T) => number, budget: number, heading: string) =>
    paginateParts(items, cost, budget, heading, (h, page, pages) => t('pagination.part', { heading: h, page, pages }));
  const { linesPerSlide: budget, charsPerLine } = metrics;
  const maxChars = (budget - 2) * charsPerLine;
  const footer = t('footer.deck', { disclaimer: view.disclaimer.short, code: view.document.code, version: view.document.version });
  /** A page's notes: the section's own (first page only), then those of the items on the page. */
  const withNotes = <P extends { items: unknown[] }>(pages: P[], text: string | undefined, itemNote: (item: P['items'][number]) => string | undefined): (P & { notes?: Trusted })[] =>
    pages.map((p, i) => {
      const parts = [...(i === 0 && text ? [text] : []), ...p.items.flatMap((item) => itemNote(item) ?? [])];
      const note = noteComment(parts.join(' · '));
      return note ? { ...p, notes: note } : (p as P & { notes?: Trusted });
    });
  // An item's label comes from the hyphenated view; notes are read, not set in a column, so it loses its break hints.
  const labelled = (label: string, notes: string | undefined) => (notes ? `${withoutBreakHints(label)}: ${notes}` : undefined);
  // Deck order of first citation: the ladder's steps, the team, procedures, technologies, FAQ.
  const citations = numberCitations(
    view.referenceList,
    [...view.steps, ...view.team.members, ...view.procedures, ...view.technologies, ...view.faq].map((item) => item.references),
    view.referenceText,
  );
  const cited = <T extends { references?: string[] }>(item: T): T & Cited => {
    const cite = citations.cite(item.references);
    return cite ? { ...item, cite } : item;
  };
  const faqItems = view.faq.flatMap((f) => {
    const chunks = splitText(f.answer, maxChars - visibleLength(f.question));
    const cite = citations.cite(f.references);
    return chunks.map((answer, i) => ({
      question: i === 0 ? f.question : t('faq.continued', { question: f.question }),
      answer,
      ...(i === 0 && f.notes ? { notes: f.notes } : {}),
      // The superscript follows the end of the answer.
      ...(i === chunks.length - 1 && cite ? { cite } : {}),
    }));
  });
  const teamIntroLines = view.team.intro ? linesFor(view.team.intro, metrics) + 0.4 : 0;

  return {
    ...view,
    theme,
    titleClass: trusted(titleClasses(view)),
    footerYaml: trusted(JSON.stringify(escapeMarkdown(footer))),
    ...(view.draft ? { headerYaml: trusted(JSON.stringify(escapeMarkdown(view.draft.message.toLocaleUpperCase(view.lang)))) } : {}),
    agenda: agendaFor(view, t),
    ladderStyle: trusted(ladderCss(view.steps.length)),
    stepPages: view.steps.flatMap((step) => stepPages(step, metrics, maxChars, paginate, t('step.heading', { number: step.number, title: step.title }), citations.cite(step.references))),
    teamPages: withNotes(
      paginate(view.team.members.map(cited), (m) => linesFor(`${m.discipline}: ${m.role}`, metrics, 3) + 0.2, budget - teamIntroLines, t('team.heading')).map((p, i) =>
        i === 0 && view.team.intro ? { ...p, intro: view.team.intro } : p,
      ),
      notes.team,
      () => undefined,
    ),
    procedurePages: withNotes(
      paginate(view.procedures.map(cited), (p) => linesFor(`${p.name} ${p.kindLabel} ${t('procedures.stepRef', { number: p.stepNumber, title: p.stepTitle })} ${p.purpose} ${p.confirms ?? ''}`, metrics, 3) + 0.4, budget, t('procedures.heading')),
      notes.procedures,
      (p) => labelled(p.name, p.notes),
    ),
    technologyPages: withNotes(
      paginate(view.technologies.map(cited), (t) => linesFor(`${t.name} ${t.category} ${t.description}`, metrics, 3) + 0.5 + (t.image ? 2.5 : 0), budget, t('technologies.heading')),
      notes.technologies,
      (t) => labelled(t.name, t.notes),
    ),
    faqPages: withNotes(
      paginate(faqItems, (f) => linesFor(f.question, metrics, 0, 1.05) + linesFor(f.answer, metrics) + 0.7, budget, t('faq.heading')),
      notes.faq,
      (f) => labelled(f.question, f.notes),
    ),
    referencePages: citations.entries.length
      ? paginate(citations.entries, (r) => linesFor(r.plain, metrics, 3, 0.85) + 0.45, budget, view.referenceText.heading)
      : [],
    disclaimerPages: withNotes(
      paginate(splitText(view.disclaimer.full, Math.floor(maxChars * 0.8)), (t) => linesFor(t, metrics, 0, 0.9) + 0.5, budget, t('disclaimer.heading')),
      notes.disclaimer,
      () => undefined,
    ).map((p, i, all) => (i === all.length - 1 && view.statements.length ? { ...p, statements: view.statements } : p)),
    notes: compact({
      title: noteComment(notes.title),
      agenda: noteComment(notes.agenda),
      ladder: noteComment(notes.ladder),
      documentControl: noteComment(notes.documentControl),
    }),
  };
}

/**
 * The title slide is one slide whatever the lengths: long titles and subtitles
 * get smaller type (the theme's title-l/title-xl and subtitle-l), so the longest
 * valid values (200 characters each) still fit above the footer band.
 */
export function titleClasses(view: Pick<CourseView, 'title' | 'subtitle' | 'organisation'>): string {
  const title = view.title.length;
  const subtitle = view.subtitle ? visibleLength(view.subtitle) : 0;
  const classes = ['title'];
  if (title > 110) classes.push('title-xl');
  else if (title > 55) classes.push('title-l');
  if (subtitle > 90 || title + subtitle > 200) classes.push('subtitle-l');
  if (view.organisation.length > 80) classes.push('meta-l');
  return classes.join(' ');
}

function agendaFor(view: CourseView, t: (key: string, params?: Record<string, string | number>) => string): string[] {
  return [
    t('ladder.heading'),
    ...(view.steps.length ? [t('agenda.steps', { count: view.steps.length, first: view.steps[0]?.title ?? '', last: view.steps.at(-1)?.title ?? '' })] : []),
    t('team.heading'),
    ...(view.procedures.length ? [t('procedures.heading')] : []),
    ...(view.technologies.length ? [t('technologies.heading')] : []),
    ...(view.faq.length ? [t('faq.heading')] : []),
    ...(view.referenceList.length ? [view.referenceText.heading] : []),
    t('agenda.closing'),
  ];
}

/**
 * Step k's bar rises in equal increments from a third of the staircase's height: CSS
 * generated from the number of steps. A global <style> (its selectors only match
 * the ladder slide): Marp's scoped styles get random scope ids, which would make
 * builds non-reproducible.
 */
function ladderCss(n: number): string {
  const rules = Array.from({ length: n }, (_, i) => `section.ladder ol > li:nth-child(${i + 1}) { height: ${Math.round(34 + (66 * (i + 1)) / n)}%; }`);
  return `<style>\n${rules.join('\n')}\n</style>`;
}

function stepPages(
  step: StepView,
  metrics: SlideMetrics,
  maxChars: number,
  paginate: <T>(items: T[], cost: (item: T) => number, budget: number, heading: string) => Page<T>[],
  heading: string,
  cite: Citation | undefined,
): StepPage[] {
  const blocks: Block[] = [
    ...splitText(step.summary, maxChars).map((text): Block => ({ kind: 'text', text })),
    ...step.options.map((text): Block => ({ kind: 'option', text })),
    { kind: 'next', text: step.nextStepWhen },
  ];
  const cost = (b: Block) =>
    b.kind === 'text' ? linesFor(b.text, metrics) + 0.5 : b.kind === 'option' ? linesFor(b.text, metrics, 3) + 0.2 : linesFor(b.text, metrics, 6) + 1.3;
  // The "Options" label takes a line on every page that lists options.
  const pages = paginate(blocks, cost, metrics.linesPerSlide - 1, heading);
  const lastSummary = pages.findLastIndex((p) => p.items.some((b) => b.kind === 'text'));
  return pages.map((p, i) => {
    const next = p.items.find((b) => b.kind === 'next');
    const notes = i === 0 ? noteComment(step.notes) : undefined;
    return {
      heading: p.heading,
      number: step.number,
      paragraphs: p.items.filter((b) => b.kind === 'text').map((b) => b.text),
      options: p.items.filter((b) => b.kind === 'option').map((b) => b.text),
      ...(next ? { nextStepWhen: next.text } : {}),
      ...(notes ? { notes } : {}),
      ...(cite && i === lastSummary ? { cite } : {}),
    };
  });
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
