/**
 * The PowerPoint's slides, planned by the Marp deck's own planner (deckView):
 * the same slides in the same order, the same overflow splits, the same
 * speaker notes the HTML presenter view shows, and the same words: the deck's
 * planner and the labels both come from the edition's catalogue. Plain data;
 * drawing is elsewhere.
 */
import type { Course } from '../content/schema.js';
import { deckView, noteCommentText as notesOf, sectionNotes } from '../render/deck-view.js';
import type { CourseView } from '../render/course-view.js';
import type { Catalogue } from '../i18n/index.js';
import { fillLabel, type PptxLabels } from './labels.js';

export interface ImageRef {
  /** `image/png;base64,...`, as pptxgenjs takes it. */
  data: string;
  alt: string;
}

interface Base {
  /** Speaker notes, plain text; '' when the deck has none for this slide. */
  notes: string;
}

export type PlannedSlide = Base &
  (
    | { kind: 'title'; title: string; subtitle?: string; lines: string[]; draft?: string }
    | { kind: 'agenda'; heading: string; items: string[] }
    | { kind: 'ladder'; heading: string; steps: { number: number; title: string }[]; intro?: string }
    | { kind: 'step'; heading: string; paragraphs: string[]; optionsLabel: string; options: string[]; next?: { label: string; text: string } }
    | { kind: 'team'; heading: string; intro?: string; members: { discipline: string; role: string }[] }
    | { kind: 'procedures'; heading: string; columns: [string, string, string]; rows: { name: string; kind: string; step: string; purpose: string; confirms?: { label: string; text: string } }[] }
    | { kind: 'technologies'; heading: string; items: { name: string; meta: string; description: string; image?: ImageRef }[] }
    | { kind: 'faq'; heading: string; items: { question: string; answer: string }[] }
    | { kind: 'disclaimer'; heading: string; paragraphs: string[] }
    | { kind: 'documentControl'; heading: string; columns: [string, string]; rows: [string, string][] }
  );

export interface PlanInput {
  course: Course;
  view: CourseView;
  labels: PptxLabels;
  /** The edition's catalogue: deckView pages the sections under its headings. */
  catalogue: Catalogue;
}

export function planSlides({ course, view, labels, catalogue }: PlanInput): PlannedSlide[] {
  // The theme name only feeds the deck's front matter; the plan does not depend on it.
  const deck = deckView(view, 'clinical', sectionNotes(course), catalogue);
  const paged = (heading: string, p: { page: number; pages: number }) => (p.pages > 1 ? fillLabel(labels.pageOf, { heading, page: p.page, pages: p.pages }) : heading);
  const kinds: Record<Course['procedures'][number]['kind'], string> = {
    diagnostic: labels.kindDiagnostic,
    therapeutic: labels.kindTherapeutic,
    'diagnostic-therapeutic': labels.kindDiagnosticTherapeutic,
  };
  const audience: Record<Course['audience'], string> = { hcp: labels.audienceHcp, patient: labels.audiencePatient, internal: labels.audienceInternal };
  const slides: PlannedSlide[] = [];

  slides.push({
    kind: 'title',
    title: view.title,
    ...(view.subtitle ? { subtitle: view.subtitle } : {}),
    lines: [
      fillLabel(labels.titleAudienceLine, { audience: audience[course.audience], organisation: view.organisation }),
      fillLabel(labels.titleDocumentLine, { code: view.document.code, version: view.document.version, prepared: view.document.prepared }),
    ],
    ...(view.draft ? { draft: view.draft.message } : {}),
    notes: notesOf(deck.notes.title),
  });
  slides.push({ kind: 'agenda', heading: labels.agenda, items: deck.agenda, notes: notesOf(deck.notes.agenda) });
  slides.push({
    kind: 'ladder',
    heading: labels.ladder,
    steps: view.steps.map((s) => ({ number: s.number, title: s.title })),
    ...(view.ladderIntro ? { intro: view.ladderIntro } : {}),
    notes: notesOf(deck.notes.ladder),
  });

  for (const page of deck.stepPages) {
    const step = view.steps.find((s) => s.number === page.number);
    const series = deck.stepPages.filter((p) => p.number === page.number);
    const heading = fillLabel(labels.stepHeading, { number: page.number, title: step?.title ?? '' });
    slides.push({
      kind: 'step',
      heading: paged(heading, { page: series.indexOf(page) + 1, pages: series.length }),
      paragraphs: page.paragraphs,
      optionsLabel: labels.stepOptions,
      options: page.options,
      ...(page.nextStepWhen ? { next: { label: labels.stepNext, text: page.nextStepWhen } } : {}),
      notes: notesOf(page.notes),
    });
  }
  for (const page of deck.teamPages) {
    slides.push({ kind: 'team', heading: paged(labels.team, page), ...(page.intro ? { intro: page.intro } : {}), members: page.items, notes: notesOf(page.notes) });
  }
  for (const page of deck.procedurePages) {
    slides.push({
      kind: 'procedures',
      heading: paged(labels.procedures, page),
      columns: [labels.procedureName, labels.procedureKind, labels.procedurePurpose],
      rows: page.items.map((p) => ({
        name: p.name,
        kind: kinds[p.kind as keyof typeof kinds] ?? p.kindLabel,
        step: fillLabel(labels.stepReference, { number: p.stepNumber, title: p.stepTitle }),
        purpose: p.purpose,
        ...(p.confirms ? { confirms: { label: labels.procedureConfirms, text: p.confirms } } : {}),
      })),
      notes: notesOf(page.notes),
    });
  }
  for (const page of deck.technologyPages) {
    slides.push({
      kind: 'technologies',
      heading: paged(labels.technologies, page),
      items: page.items.map((t) => ({
        name: t.name,
        meta: t.stepTitles.length ? `${t.category} · ${fillLabel(labels.technologySupports, { steps: t.stepTitles.join(labels.listSeparator) })}` : t.category,
        description: t.description,
        ...(t.image ? { image: { data: t.image.src.value.replace(/^data:/, ''), alt: t.image.alt } } : {}),
      })),
      notes: notesOf(page.notes),
    });
  }
  for (const page of deck.faqPages) {
    slides.push({ kind: 'faq', heading: paged(labels.faq, page), items: page.items.map((f) => ({ question: f.question, answer: f.answer })), notes: notesOf(page.notes) });
  }
  // The reference list as numbered paragraphs, on as many slides as the deck gives it.
  for (const page of deck.referencePages) {
    slides.push({ kind: 'disclaimer', heading: page.heading, paragraphs: page.items.map((r) => `${r.number}. ${r.plain}`), notes: '' });
  }
  for (const page of deck.disclaimerPages) {
    slides.push({ kind: 'disclaimer', heading: paged(labels.disclaimer, page), paragraphs: page.items, notes: notesOf(page.notes) });
  }
  slides.push({
    kind: 'documentControl',
    heading: labels.documentControl,
    columns: [labels.fieldHeading, labels.valueHeading],
    rows: [
      [labels.documentCode, view.document.code],
      [labels.version, view.document.version],
      [labels.prepared, view.document.prepared],
      [labels.reviewStatus, view.review.statusLabel],
      [labels.reviewExpires, view.review.expires],
      [labels.reviewedBy, view.review.reviewers.map((r) => fillLabel(labels.reviewer, r)).join(labels.reviewerSeparator)],
    ],
    notes: notesOf(deck.notes.documentControl),
  });
  return slides;
}
