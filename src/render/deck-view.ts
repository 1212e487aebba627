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
import { DEFAULT_METRICS, indexAfterVisible, paginate as paginateParts, splitToFit, textHeight, type Page, type SlideMetrics } from './paginate.js';
import { FACES, indent, layout, QUOTE_INSET, SPACE, type Layout } from './deck-layout.js';

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
  /** The step's citation, after its summary (on the page that ends it). */
  cite?: Citation;
}

/** An item with its superscript citation (render/citations.ts), when it cites anything. */
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
  /** The review as the document-control slide shows it: `more` says how many reviewers did not fit. */
  review: CourseView['review'] & { more?: string; tableClass: Trusted };
  /** A ladder intro too long to sit under the staircase, on follow-on slides. */
  ladderIntroPages: Page<string>[];
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
  const part = (h: string, page: number, pages: number) => t('pagination.part', { heading: h, page, pages });
  const L = layout(metrics);
  /** Room under a section's heading, measured with the longest "(n/N)" suffix a follow-on page may get. */
  const room = (heading: string) => L.room(part(heading, 88, 88));
  /** `budget` is the room under the suffixed heading; a section that fits one page has the room of its plain heading. */
  const paginate = <T>(items: T[], cost: (item: T) => number, budget: number, heading: string) => {
    const single = paginateParts(items, cost, budget + L.room(heading) - room(heading), heading, part);
    return single.length <= 1 ? single : paginateParts(items, cost, budget, heading, part);
  };
  const continued = (label: string) => t('faq.continued', { question: label });
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
  // A split item carries its superscript on its last part, after the text it cites.
  const citations = numberCitations(
    view.referenceList,
    [...view.steps, ...view.team.members, ...view.procedures, ...view.technologies, ...view.faq].map((item) => item.references),
    view.referenceText,
  );
  const citeLast = <T extends object>(parts: T[], references: string[] | undefined): (T & Cited)[] => {
    const cite = citations.cite(references);
    return cite ? parts.map((part, i) => (i === parts.length - 1 ? { ...part, cite } : part)) : parts;
  };

  // FAQ: a question (h3) and its answer; an answer too long for a slide continues under "(continued)".
  const faqBudget = room(t('faq.heading'));
  const faqCost = (f: { question: string; answer: string }) => L.text(f.question, FACES.question) + SPACE.question + L.text(f.answer, FACES.body) + SPACE.answer;
  const faqItems = view.faq.flatMap((f) =>
    citeLast(
      splitToFit(f.answer, (answer) => faqCost({ question: continued(f.question), answer }) <= faqBudget).map((answer, i) => ({
        question: i === 0 ? f.question : continued(f.question),
        answer,
        ...(i === 0 && f.notes ? { notes: f.notes } : {}),
      })),
      f.references,
    ),
  );

  // Team: the intro paragraph, then "discipline: role" items; both continue on follow-on slides.
  const teamBudget = room(t('team.heading')) - SPACE.list;
  type TeamBlock = { intro: string } | ({ discipline: string; role: string } & Cited);
  const memberCost = (m: { discipline: string; role: string }) => L.text([{ text: `${m.discipline}: `, face: FACES.bodyBold }, { text: m.role, face: FACES.body }], FACES.body, indent(FACES.body)) + SPACE.item;
  const introCost = (text: string) => L.text(text, FACES.body) + SPACE.paragraph;
  const teamBlocks: TeamBlock[] = [
    ...(view.team.intro ? splitToFit(view.team.intro, (c) => introCost(c) <= teamBudget).map((intro) => ({ intro })) : []),
    ...view.team.members.flatMap((m) =>
      citeLast(
        splitToFit(m.role, (role) => memberCost({ discipline: continued(m.discipline), role }) <= teamBudget).map((role, i) => ({ discipline: i === 0 ? m.discipline : continued(m.discipline), role })),
        m.references,
      ),
    ),
  ];
  const teamPages = paginate(teamBlocks, (b) => ('intro' in b ? introCost(b.intro) : memberCost(b)), teamBudget, t('team.heading')).map((p) => {
    const intro = p.items.flatMap((b) => ('intro' in b ? [b.intro] : [])).join(' ');
    const items = p.items.flatMap((b) => ('intro' in b ? [] : [b]));
    return { ...p, items, ...(intro ? { intro } : {}) };
  });

  // Procedures: "name · kind · step" over purpose and "Helps confirm" text; long texts continue.
  type Procedure = CourseView['procedures'][number];
  const procBudget = room(t('procedures.heading')) - SPACE.list;
  const procCost = (p: Procedure) =>
    L.text([{ text: `${p.name} `, face: FACES.denseBold }, { text: `· ${p.kindLabel} · ${t('procedures.stepRef', { number: p.stepNumber, title: p.stepTitle })}`, face: FACES.denseMeta }], FACES.dense, indent(FACES.dense)) +
    L.text([{ text: p.purpose, face: FACES.dense }, ...(p.confirms ? [{ text: ` ${t('procedures.helpsConfirm')} `, face: FACES.denseBold }, { text: p.confirms, face: FACES.dense }] : [])], FACES.dense, indent(FACES.dense)) +
    SPACE.denseItem;
  const procParts = (p: Procedure): Procedure[] => {
    if (procCost(p) <= procBudget) return [p];
    const { notes: _notes, confirms, ...rest } = p;
    const next = { ...rest, name: continued(p.name) };
    const purposes = splitToFit(p.purpose, (purpose) => procCost({ ...next, purpose }) <= procBudget);
    const confirmed = confirms ? splitToFit(confirms, (c) => procCost({ ...next, purpose: '', confirms: c }) <= procBudget) : [];
    const { confirms: _first, ...head } = p;
    return [
      ...purposes.map((purpose, i): Procedure => (i === 0 ? { ...head, purpose } : { ...next, purpose })),
      ...confirmed.map((c): Procedure => ({ ...next, purpose: '', confirms: c })),
    ];
  };
  const procItems = view.procedures.flatMap((p) => citeLast(procParts(p), p.references));

  // Technologies: "name · category · supports" over the description and the image (first part only).
  type Technology = CourseView['technologies'][number];
  const techBudget = room(t('technologies.heading')) - SPACE.list;
  const techCost = (x: Technology) =>
    L.text([{ text: `${x.name} `, face: FACES.denseBold }, { text: `· ${x.category}${x.stepTitles.length ? ` · ${t('technologies.supports', { steps: x.stepTitles.join(', ') })}` : ''}`, face: FACES.denseMeta }], FACES.dense, indent(FACES.dense)) +
    L.text(x.description, FACES.dense, indent(FACES.dense)) +
    (x.image ? SPACE.image : 0) +
    SPACE.denseItem;
  const techParts = (x: Technology): Technology[] => {
    if (techCost(x) <= techBudget) return [x];
    const { notes: _notes, image: _image, ...rest } = x;
    const next = { ...rest, name: continued(x.name) };
    return splitToFit(x.description, (description) => techCost({ ...(x.image ? x : next), description }) <= techBudget).map((description, i) =>
      i === 0 ? { ...x, description } : { ...next, description },
    );
  };
  const techItems = view.technologies.flatMap((x) => citeLast(techParts(x), x.references));

  // References: one numbered entry each, in the dense face, on as many slides as they need.
  const refHeading = view.referenceText.heading;
  const refBudget = room(refHeading) - SPACE.list;
  const refCost = (r: ReferenceEntry) => L.text(r.plain, FACES.dense, indent(FACES.dense)) + SPACE.denseItem;

  // Disclaimer paragraphs, then the market statements ("label: text"), all continuing as needed.
  const discBudget = room(t('disclaimer.heading'));
  type Statement = CourseView['statements'][number];
  type DisclaimerBlock = { text: string } | { statement: Statement };
  const discCost = (b: DisclaimerBlock) => L.text('text' in b ? b.text : [{ text: `${b.statement.label}: `, face: { ...FACES.disclaimer, bold: true } }, { text: b.statement.text, face: FACES.disclaimer }], FACES.disclaimer) + SPACE.paragraph;
  const discBlocks: DisclaimerBlock[] = [
    ...splitToFit(view.disclaimer.full, (text) => discCost({ text }) <= discBudget).map((text) => ({ text })),
    ...view.statements.flatMap((s) =>
      splitToFit(s.text, (text) => discCost({ statement: { ...s, label: continued(s.label), text } }) <= discBudget).map((text, i) => ({ statement: { ...s, label: i === 0 ? s.label : continued(s.label), text } })),
    ),
  ];
  const disclaimerPages = paginate(discBlocks, discCost, discBudget, t('disclaimer.heading')).map((p) => {
    const statements = p.items.flatMap((b) => ('statement' in b ? [b.statement] : []));
    return { ...p, items: p.items.flatMap((b) => ('text' in b ? [b.text] : [])), ...(statements.length ? { statements } : {}) };
  });

  const ladder = ladderSlide(view, L, t('ladder.heading'));
  const review = documentControlReview(view, L, t);
  const { ladderIntro: _intro, ...rest } = view;

  return {
    ...rest,
    ...(ladder.intro ? { ladderIntro: ladder.intro } : {}),
    review,
    ladderIntroPages: ladder.introPages(paginate, room, part),
    theme,
    titleClass: trusted(titleClasses(view)),
    footerYaml: trusted(JSON.stringify(escapeMarkdown(footer))),
    ...(view.draft ? { headerYaml: trusted(JSON.stringify(escapeMarkdown(view.draft.message.toLocaleUpperCase(view.lang)))) } : {}),
    agenda: agendaFor(view, t, L),
    ladderStyle: trusted(ladder.css),
    stepPages: view.steps.flatMap((step) => stepPages(step, L, room, paginate, t('step.heading', { number: step.number, title: step.title }), t, citations.cite(step.references))),
    teamPages: withNotes(teamPages, notes.team, () => undefined),
    procedurePages: withNotes(paginate(procItems, procCost, procBudget, t('procedures.heading')), notes.procedures, (p) => labelled(p.name, p.notes)),
    technologyPages: withNotes(paginate(techItems, techCost, techBudget, t('technologies.heading')), notes.technologies, (x) => labelled(x.name, x.notes)),
    faqPages: withNotes(paginate(faqItems, faqCost, faqBudget, t('faq.heading')), notes.faq, (f) => labelled(f.question, f.notes)),
    referencePages: citations.entries.length ? paginate(citations.entries, refCost, refBudget, refHeading) : [],
    disclaimerPages: withNotes(disclaimerPages, notes.disclaimer, () => undefined),
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

/**
 * The document-control slide is one slide, its lower part kept for the stamped
 * certification block (clinical.css: padding-bottom 300px). Its table gets
 * smaller type when long values need it (the theme's doc-control-<px> classes),
 * and its reviewer list keeps as many entries as fit and names how many more
 * there are; the handout's document control lists them all.
 */
function documentControlReview(view: CourseView, L: Layout, t: (key: string, params?: Record<string, string | number>) => string): DeckView['review'] {
  // The value column is about 60 % of the slide's width; each row has its cell padding (18px).
  const width = L.metrics.width * 0.6;
  const rows = [t('documentControl.value'), view.document.code, view.document.version, view.document.preparedLabel, view.review.statusLabel, view.review.expiresLabel || '—'];
  const budget = L.room(t('documentControl.heading')) - 300 - 18;
  const entry = (r: CourseView['review']['reviewers'][number]) => t('documentControl.reviewerEntry', { name: r.name, role: r.role, date: r.dateLabel });
  const all = view.review.reviewers;
  const height = (size: number, n: number) => {
    const face = { ...FACES.table, size };
    const cell = (text: string) => textHeight(text, face, width, L.metrics) + 18;
    const reviewers = all.slice(0, n).map(entry).join('; ') + (n < all.length ? `; ${t('documentControl.moreReviewers', { count: all.length - n })}` : '');
    return rows.reduce((sum, r) => sum + cell(r), 0) + cell(reviewers || view.review.noneLabel);
  };
  const sizes = [18, 16, 14, 12, 10];
  const size = sizes.find((px) => height(px, Math.min(1, all.length)) <= budget) ?? 10;
  let shown = all.length;
  while (shown > 1 && height(size, shown) > budget) shown--;
  // A class name made here from a number: trusted, so the Markdown escaping leaves its hyphen alone.
  const tableClass = trusted(size < 18 ? `doc-control-${size}` : '');
  if (shown === all.length) return { ...view.review, tableClass };
  return { ...view.review, reviewers: all.slice(0, shown), more: t('documentControl.moreReviewers', { count: all.length - shown }), tableClass };
}

/** The agenda is one slide: when its entries would not fit, the step titles it quotes are shortened (the ladder and step slides show them whole). */
function agendaFor(view: CourseView, t: (key: string, params?: Record<string, string | number>) => string, L: Layout): string[] {
  const entries = (shorten: (title: string) => string) => [
    t('ladder.heading'),
    ...(view.steps.length ? [t('agenda.steps', { count: view.steps.length, first: shorten(view.steps[0]?.title ?? ''), last: shorten(view.steps.at(-1)?.title ?? '') })] : []),
    t('team.heading'),
    ...(view.procedures.length ? [t('procedures.heading')] : []),
    ...(view.technologies.length ? [t('technologies.heading')] : []),
    ...(view.faq.length ? [t('faq.heading')] : []),
    ...(view.referenceList.length ? [view.referenceText.heading] : []),
    t('agenda.closing'),
  ];
  const height = (list: string[]) => list.reduce((sum: number, e) => sum + L.text(e, FACES.agenda, indent(FACES.agenda)) + SPACE.agendaItem, SPACE.list);
  const budget = L.room(t('agenda.heading'));
  let list = entries((title) => title);
  for (const max of [120, 80, 60, 40, 24]) {
    if (height(list) <= budget) break;
    list = entries((title) => shortened(title, max));
  }
  return list;
}

/** `text` cut to at most `max` visible characters at a space, with an ellipsis. */
function shortened(text: string, max: number): string {
  if (visibleLength(text) <= max) return text;
  const limit = indexAfterVisible(text, max - 1);
  const space = text.lastIndexOf(' ', limit);
  return `${text.slice(0, space > limit / 2 ? space : limit).replace(/[\s\u00AD,;:·-]+$/u, '')}…`;
}

type Paginate = <T>(items: T[], cost: (item: T) => number, budget: number, heading: string) => Page<T>[];

/**
 * The ladder slide: a staircase of one bar per step, 400px high, and the intro
 * under it if it fits there (else on follow-on slides of its own). Step k's bar
 * rises in equal increments from a third of the staircase's height, and is at
 * least as tall as its label; labels get smaller type when the tallest would
 * not fit a bar. CSS generated from the steps: a global <style> (its selectors
 * only match the ladder slide): Marp's scoped styles get random scope ids,
 * which would make builds non-reproducible.
 */
function ladderSlide(view: CourseView, L: Layout, heading: string) {
  const n = view.steps.length;
  // clinical.css: bars 10px apart, 12px padding each side; label line-height 1.25; the step number 34px + 6px; padding-top 12px.
  const labelWidth = (L.metrics.width - 10 * (n - 1)) / n - 24;
  const need = (size: number) => view.steps.map((s) => textHeight(s.title, { size, lineHeight: 1.25, bold: true }, labelWidth, L.metrics) + 52);
  const size = [18, 16, 14, 12, 10].find((px) => Math.max(...need(px)) <= 400) ?? 10;
  const needs = need(size);
  let previous = 0;
  const heights = needs.map((px, i) => (previous = Math.min(100, Math.max(previous, Math.round(34 + (66 * (i + 1)) / n), Math.ceil((px / 400) * 100)))));
  const rules = [
    ...heights.map((pct, i) => `section.ladder ol > li:nth-child(${i + 1}) { height: ${pct}%; }`),
    ...(size < 18 ? [`section.ladder ol > li { font-size: ${size}px; }`] : []),
  ];
  const intro = view.ladderIntro;
  const fits = intro !== undefined && L.text(intro, FACES.ladderIntro) <= L.room(heading) - SPACE.staircase;
  return {
    css: `<style>\n${rules.join('\n')}\n</style>`,
    ...(fits ? { intro } : {}),
    /** A long intro: on follow-on slides "The stepwise care ladder (2/N)", set as body text. */
    introPages(paginate: Paginate, room: (heading: string) => number, part: (h: string, page: number, pages: number) => string): Page<string>[] {
      if (fits || intro === undefined) return [];
      const budget = room(heading);
      const cost = (c: string) => L.text(c, FACES.body) + SPACE.paragraph;
      const pages = paginate(splitToFit(intro, (c) => cost(c) <= budget), cost, budget, heading);
      return pages.map((p, i) => ({ ...p, page: i + 2, pages: pages.length + 1, heading: part(heading, i + 2, pages.length + 1) }));
    },
  };
}

function stepPages(step: StepView, L: Layout, room: (heading: string) => number, paginate: Paginate, heading: string, t: (key: string) => string, cite: Citation | undefined): StepPage[] {
  // The "Options" label (and the list's margin) takes room on every page that lists options.
  const budget = room(heading) - L.text(t('step.options'), FACES.bodyBold) - SPACE.paragraph - SPACE.list;
  const nextLabel = t('step.nextStepWhen');
  const cost = (b: Block) =>
    b.kind === 'text'
      ? L.text(b.text, FACES.body) + SPACE.paragraph
      : b.kind === 'option'
        ? L.text(b.text, FACES.body, indent(FACES.body)) + SPACE.item
        : L.text([{ text: `${nextLabel} `, face: { ...FACES.quote, bold: true } }, { text: b.text, face: FACES.quote }], FACES.quote, QUOTE_INSET) + SPACE.quote;
  const fits = (b: Block) => cost(b) <= budget;
  const blocks: Block[] = [
    ...splitToFit(step.summary, (text) => fits({ kind: 'text', text })).map((text): Block => ({ kind: 'text', text })),
    ...step.options.map((text): Block => ({ kind: 'option', text })),
    ...splitToFit(step.nextStepWhen, (text) => fits({ kind: 'next', text })).map((text): Block => ({ kind: 'next', text })),
  ];
  const pages = paginate(blocks, cost, budget, heading);
  const lastSummary = pages.findLastIndex((p) => p.items.some((b) => b.kind === 'text'));
  return pages.map((p, i) => {
    const next = p.items.filter((b) => b.kind === 'next').map((b) => b.text);
    const notes = i === 0 ? noteComment(step.notes) : undefined;
    return {
      heading: p.heading,
      number: step.number,
      paragraphs: p.items.filter((b) => b.kind === 'text').map((b) => b.text),
      options: p.items.filter((b) => b.kind === 'option').map((b) => b.text),
      ...(next.length ? { nextStepWhen: next.join(' ') } : {}),
      ...(notes ? { notes } : {}),
      ...(cite && i === lastSummary ? { cite } : {}),
    };
  });
}

function compact<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
