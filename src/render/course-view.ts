/**
 * The view both the deck and the handout templates start from: the validated
 * course with the derived values templates should not compute (step numbers,
 * labels, the draft banner). Plain data; escaping happens later (escape.ts).
 */
import type { Asset } from '../content/assets.js';
import type { Course } from '../content/schema.js';
import type { ApprovalState } from '../review/approval-state.js';
import type { Catalogue } from '../i18n/index.js';
import type { ReferenceText } from './citations.js';
import { trusted, type Trusted } from './escape.js';

/** The interface strings the view needs (see compile/interface-text.ts). */
export interface ViewText {
  audience: Record<Course['audience'], string>;
  procedureKind: Record<Course['procedures'][number]['kind'], string>;
  draft: { banner(reason: NonNullable<ApprovalState['draft']>): string; status(reason: ApprovalState['draft']): string };
  footer: { notYetReviewed: string };
  references: ReferenceText;
}

export interface StepView {
  number: number;
  id: string;
  title: string;
  summary: string;
  options: string[];
  nextStepWhen: string;
  notes?: string;
  /** Ids of the references the step cites (numbered per document: render/citations.ts). */
  references?: string[];
}

export interface CourseView {
  lang: string;
  title: string;
  subtitle?: string;
  audienceLine: string;
  organisation: string;
  markets: string[];
  ladderIntro?: string;
  steps: StepView[];
  procedures: {
    id: string;
    name: string;
    kind: string;
    kindLabel: string;
    purpose: string;
    confirms?: string;
    stepNumber: number;
    stepTitle: string;
    notes?: string;
    references?: string[];
  }[];
  technologies: { id: string; name: string; category: string; description: string; stepTitles: string[]; image?: { src: Trusted; alt: string }; notes?: string; references?: string[] }[];
  team: { intro?: string; members: { discipline: string; role: string; references?: string[] }[] };
  faq: { question: string; answer: string; notes?: string; references?: string[] }[];
  /** The course's references as written; deck and handout number them by first citation. */
  referenceList: Course['references'] & {};
  referenceText: ReferenceText;
  disclaimer: { full: string; short: string };
  /** Market statements (adverse-event line, prescribing information, local contact), labelled from the catalogue. */
  statements: { key: string; label: string; text: string }[];
  document: { code: string; version: string; prepared: string; preparedLabel: string };
  /** `expires` is '' for a draft that has none yet; `noneLabel` is what to show when no one has signed. */
  review: { statusLabel: string; expires: string; expiresLabel: string; reviewers: { name: string; role: string; date: string; dateLabel: string }[]; noneLabel: string };
  draft?: { message: string };
  keywords: string[];
  builtOn: string;
  builtOnLabel: string;
}

const STATEMENTS = ['adverseEvents', 'prescribingInformation', 'localContact'] as const;

export function courseView(course: Course, state: ApprovalState, builtOn: string, assets: Map<string, Asset>, text: ViewText, catalogue: Catalogue): CourseView {
  const date = (d: string) => catalogue.date(d);
  const steps: StepView[] = course.ladder.steps.map((s, i) => ({
    number: i + 1,
    id: s.id,
    title: s.title,
    summary: s.summary,
    options: s.options,
    nextStepWhen: s.nextStepWhen,
    ...(s.notes ? { notes: s.notes } : {}),
    ...(s.references ? { references: s.references } : {}),
  }));
  const stepById = new Map(steps.map((s) => [s.id, s]));
  return {
    lang: course.language,
    title: course.title,
    ...(course.subtitle ? { subtitle: course.subtitle } : {}),
    audienceLine: text.audience[course.audience],
    organisation: course.organisation,
    markets: course.markets,
    ...(course.ladder.intro ? { ladderIntro: course.ladder.intro } : {}),
    steps,
    procedures: course.procedures.map((p) => {
      const step = stepById.get(p.step);
      return {
        id: p.id,
        name: p.name,
        kind: p.kind,
        kindLabel: text.procedureKind[p.kind],
        purpose: p.purpose,
        ...(p.confirms ? { confirms: p.confirms } : {}),
        stepNumber: step?.number ?? 0,
        stepTitle: step?.title ?? p.step,
        ...(p.notes ? { notes: p.notes } : {}),
        ...(p.references ? { references: p.references } : {}),
      };
    }),
    technologies: course.technologies.map((t) => {
      const asset = t.image ? assets.get(t.image.src) : undefined;
      return {
        id: t.id,
        name: t.name,
        category: t.category,
        description: t.description,
        stepTitles: t.steps.map((id) => stepById.get(id)?.title ?? id),
        ...(t.image && asset ? { image: { src: trusted(asset.dataUri), alt: t.image.alt } } : {}),
        ...(t.notes ? { notes: t.notes } : {}),
        ...(t.references ? { references: t.references } : {}),
      };
    }),
    team: { ...(course.team.intro ? { intro: course.team.intro } : {}), members: course.team.members.map((m) => ({ discipline: m.discipline, role: m.role, ...(m.references ? { references: m.references } : {}) })) },
    faq: course.faq.map((f) => ({ question: f.question, answer: f.answer, ...(f.notes ? { notes: f.notes } : {}), ...(f.references ? { references: f.references } : {}) })),
    referenceList: course.references ?? [],
    referenceText: text.references,
    disclaimer: course.disclaimer,
    statements: STATEMENTS.flatMap((key) => {
      const value = course.statements?.[key];
      return value ? [{ key, label: catalogue.t(`statements.${key}`), text: value }] : [];
    }),
    document: { ...course.document, preparedLabel: date(course.document.prepared) },
    review: {
      statusLabel: text.draft.status(state.approved ? undefined : state.draft),
      expires: course.review.expires ?? '',
      expiresLabel: course.review.expires ? date(course.review.expires) : '',
      reviewers: course.review.reviewers.map((r) => ({ name: r.name, role: r.role, date: r.date, dateLabel: date(r.date) })),
      noneLabel: text.footer.notYetReviewed,
    },
    ...(!state.approved && state.draft ? { draft: { message: text.draft.banner(state.draft) } } : {}),
    keywords: course.keywords,
    builtOn,
    builtOnLabel: date(builtOn),
  };
}
