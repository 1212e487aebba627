/**
 * The course content model. One course is `decks/<id>/course.yaml`.
 *
 * Every list item that an overlay (a market or language variant) may later
 * replace or remove carries a stable `id`, so overlays can address items by id
 * instead of by position. Strings have length limits so that hostile or
 * accidental input stays bounded (see README, "Limits").
 */
import { z } from 'zod';

/**
 * Characters that have no place in course text: C0/C1 controls (except tab and
 * newline), every bidi control of UAX #9 (the implicit marks ALM U+061C, LRM
 * U+200E and RLM U+200F as well as the embeddings, overrides and isolates; the
 * set UTS #39 calls Bidi_Control), BOMs and Unicode noncharacters.
 */
export const BIDI_CONTROLS = '\\u061C\\u200E\\u200F\\u202A-\\u202E\\u2066-\\u2069';
// eslint-disable-next-line no-control-regex
export const FORBIDDEN_CHARS = new RegExp(`[\\u0000-\\u0008\\u000B-\\u001F\\u007F-\\u009F${BIDI_CONTROLS}\\uFEFF\\uFDD0-\\uFDEF\\uFFFE\\uFFFF]`, 'u');

export const LIMITS = {
  shortText: 200,
  text: 2_000,
  listItems: 60,
  steps: 12,
  faqItems: 100,
  references: 200,
} as const;

const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `is longer than ${max} characters`)
    .refine((s) => !FORBIDDEN_CHARS.test(s), {
      message: 'contains a control or bidi-override character; remove it (it could hide or reorder text)',
    })
    .refine((s) => s.isWellFormed(), { message: 'contains a broken character (an unpaired UTF-16 surrogate); retype it' });

const shortText = text(LIMITS.shortText);
const longText = text(LIMITS.text);

const slug = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case letters, digits and single hyphens (e.g. "medial-branch-block")')
  .max(64, 'is longer than 64 characters');

/** A calendar date written as YYYY-MM-DD that really exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'must be a date written as YYYY-MM-DD', abort: true })
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date');

const notes = longText.optional().describe('Speaker notes for this part, shown in the presenter view only.');

/** An image inside the course folder (assets/…); never a URL. Checked in assets.ts. */
export const imageSchema = z
  .strictObject({
    src: z
      .string()
      .min(1)
      .max(200)
      // eslint-disable-next-line no-control-regex
      .regex(new RegExp(`^[^\\u0000-\\u001F\\u007F-\\u009F${BIDI_CONTROLS}]*$`, 'u'), 'contains a control or bidi character')
      .describe('Path relative to the course folder, e.g. "assets/peta-rfa.png" (PNG or JPEG).'),
    alt: shortText.describe('Text alternative, read by screen readers and shown if the image is missing.'),
  })
  .describe('An image stored in the course folder.');

export const reviewerSchema = z
  .strictObject({
    name: shortText.describe('Reviewer or reviewing body, e.g. "INVAMED Medical Affairs".'),
    role: shortText.describe('Role in the review, e.g. "Medical Affairs".'),
    date: isoDate.describe('Date of the sign-off (YYYY-MM-DD).'),
    fingerprint: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:" followed by 64 hex digits')
      .optional()
      .describe('Content fingerprint this sign-off covers; written by `deckhand approve`.'),
    binding: z
      .string()
      .regex(/^sha256:[0-9a-f]{64}$/, 'must be "sha256:" followed by 64 hex digits')
      .optional()
      .describe('Hash over the fingerprint, this reviewer\'s name, role and date and the review expiry; written by `deckhand approve`.'),
  })
  .describe('One sign-off.');

export const reviewStatuses = ['draft', 'in-review', 'approved', 'withdrawn'] as const;

export const reviewSchema = z
  .strictObject({
    status: z.enum(reviewStatuses).describe('Approval status. Only "approved" is distributable; a new course is "draft".'),
    expires: isoDate
      .optional()
      .describe('Review expiry date (YYYY-MM-DD). After it the course counts as not approved. Required unless the status is "draft".'),
    // A draft nobody has reviewed yet names no reviewer; other statuses need one (content/cross-checks.ts).
    reviewers: z.array(reviewerSchema).max(20).default([]),
  })
  .describe('Review and approval. Not part of the content fingerprint. A new course starts as {status: draft}; `deckhand approve` fills in the rest.');

/** `references: [id, …]` on an item: the sources its statements rest on (ids from the course's `references`). */
const citations = z
  .array(slug)
  .max(20)
  .optional()
  .describe('Ids of the references (under `references:`) this item rests on, e.g. [invamed-ipm-care-overview].');

export const referenceTypes = ['article', 'book', 'web', 'data-on-file'] as const;

/** Fields each type of reference must have (checked in content/references.ts, at the reference). */
export const REFERENCE_REQUIRES: Record<(typeof referenceTypes)[number], readonly string[]> = {
  article: ['authors', 'title', 'source', 'year'],
  book: ['authors', 'title', 'source', 'year'],
  web: ['title', 'source', 'accessed'],
  'data-on-file': ['title', 'source', 'year'],
};

export const referenceSchema = z
  .strictObject({
    id: slug.describe('Stable id; items cite it in their `references: [...]`.'),
    type: z.enum(referenceTypes).describe('article (journal), book, web (page or post; needs `accessed`) or data-on-file (company data).'),
    authors: z.array(shortText).min(1).max(30).optional().describe('Authors as printed, e.g. ["Smith AB", "Jones C"], or an organisation.'),
    title: shortText.describe('Title of the article, book, page or data set.'),
    source: shortText.optional().describe('Journal, publisher, website or the company holding the data on file.'),
    year: z.number().int().min(1800).max(2100).optional().describe('Year of publication.'),
    published: isoDate.optional().describe('Full date of publication (YYYY-MM-DD), if known.'),
    volume: z.string().regex(/^[A-Za-z0-9 ().-]{1,20}$/, 'must be a short volume/issue such as "12(3)"').optional(),
    pages: z.string().regex(/^[A-Za-z0-9 ,.\u2013-]{1,30}$/, 'must be pages such as "101-9" or "e1234"').optional(),
    doi: z
      .string()
      .regex(/^10\.\d{4,9}\/[^\s\u0000-\u001F]{1,200}$/, 'must be a DOI such as "10.1000/xyz123" (without "https://doi.org/")')
      .optional(),
    url: z
      .string()
      .max(500)
      .regex(/^https?:\/\/[^\s\u0000-\u001F"<>]+$/, 'must be an http:// or https:// address without spaces')
      .optional()
      .describe('Address of the source; shown as a link, never fetched.'),
    accessed: isoDate.optional().describe('Date the web source was read (YYYY-MM-DD); required for type web.'),
    file: z
      .string()
      .min(1)
      .max(200)
      .regex(/^[^\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]*$/u, 'contains a control or bidi character')
      .optional()
      .describe('A PDF of the source inside the course folder, e.g. "sources/article.pdf"; covered by the fingerprint.'),
  })
  .describe('One source that statements in the course rest on.');

/** Item kinds a reference policy can require references for. */
export const citingKinds = ['ladder', 'procedures', 'technologies', 'team', 'faq', 'statements'] as const;
export type CitingKind = (typeof citingKinds)[number];

export const ladderStepSchema = z.strictObject({
  id: slug.describe('Stable id; procedures and technologies refer to it.'),
  title: shortText,
  summary: longText,
  options: z.array(shortText).min(1).max(LIMITS.listItems).describe('Examples or options at this step.'),
  nextStepWhen: longText.describe('When a physician may consider the next step.'),
  references: citations,
  notes,
});

export const procedureKinds = ['diagnostic', 'therapeutic', 'diagnostic-therapeutic'] as const;

export const procedureSchema = z.strictObject({
  id: slug,
  name: shortText,
  kind: z.enum(procedureKinds),
  step: slug.describe('Id of the ladder step this procedure belongs to.'),
  purpose: longText,
  confirms: longText.optional().describe('What the procedure helps confirm, if diagnostic.'),
  references: citations,
  notes,
});

export const technologySchema = z.strictObject({
  id: slug,
  name: shortText,
  category: shortText.describe('E.g. "Radiofrequency lesion generator".'),
  description: longText,
  steps: z.array(slug).max(LIMITS.steps).default([]).describe('Ids of the ladder steps it supports.'),
  image: imageSchema.optional(),
  references: citations,
  notes,
});

export const teamMemberSchema = z.strictObject({
  id: slug.optional().describe('Stable id; edition overlays address the member by it.'),
  discipline: shortText,
  role: longText,
  references: citations,
});

export const faqItemSchema = z.strictObject({
  id: slug.optional(),
  question: shortText,
  answer: longText,
  references: citations,
  notes,
});

/** Market statements an edition carries (a market profile in templates/markets/ says which are required). */
export const statementsSchema = z
  .strictObject({
    adverseEvents: longText.optional().describe('Adverse-event reporting line.'),
    prescribingInformation: longText.optional().describe('IFU or prescribing-information reference.'),
    localContact: longText.optional().describe('Local contact for the market.'),
  })
  .describe('Market statements, shown near the disclaimer in the handout and on the deck\'s disclaimer slide.');

export const audiences = ['hcp', 'patient', 'internal'] as const;

export const courseSchema = z
  .strictObject({
    schemaVersion: z.literal(1).describe('Version of this content format. Always 1 for now.'),
    id: slug.describe('Course id; must match the folder name under decks/.'),
    title: shortText,
    subtitle: shortText.optional(),
    audience: z.enum(audiences).describe('hcp = healthcare professionals, patient, or internal (staff training).'),
    language: z
      .string()
      .regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "en" or "de-AT"')
      .describe('BCP 47 language tag of the text.'),
    markets: z
      .array(z.string().regex(/^(?:[A-Z]{2}|GLOBAL|EU)$/, 'must be an ISO 3166 country code such as "DE", or "EU" or "GLOBAL"'))
      .min(1)
      .max(250)
      .describe('Markets the course is approved for.'),
    organisation: shortText.describe('Publishing organisation; used as the PDF author.'),
    document: z.strictObject({
      code: z
        .string()
        .regex(/^[A-Za-z0-9][A-Za-z0-9._/-]{1,39}$/, 'must be 2-40 letters, digits, ".", "_", "/" or "-"')
        .describe('Job / approval code printed on every page.'),
      version: z.string().regex(/^\d+(?:\.\d+){0,2}$/, 'must look like "1", "1.2" or "1.2.3"'),
      prepared: isoDate.describe('Date of preparation (YYYY-MM-DD).'),
    }),
    review: reviewSchema,
    disclaimer: z.strictObject({
      full: longText,
      short: text(160).describe('Short form for page footers (at most 160 characters).'),
    }),
    statements: statementsSchema.optional(),
    ladder: z.strictObject({
      intro: longText.optional(),
      steps: z.array(ladderStepSchema).min(1, 'needs at least one step').max(LIMITS.steps),
      notes,
    }),
    procedures: z.array(procedureSchema).max(LIMITS.listItems).default([]),
    technologies: z.array(technologySchema).max(LIMITS.listItems).default([]),
    team: z.strictObject({
      intro: longText.optional(),
      members: z.array(teamMemberSchema).min(1).max(LIMITS.listItems),
      notes,
    }),
    faq: z.array(faqItemSchema).max(LIMITS.faqItems).default([]),
    references: z.array(referenceSchema).max(LIMITS.references).optional().describe('The sources the course cites, in any order; numbered by first citation.'),
    policy: z
      .strictObject({
        requireReferences: z
          .array(z.enum(citingKinds))
          .max(citingKinds.length)
          .optional()
          .describe('Kinds of item that must cite at least one reference, e.g. [procedures, technologies, faq].'),
      })
      .optional()
      .describe('Content rules `deckhand check` enforces for this course.'),
    keywords: z.array(shortText).max(LIMITS.listItems).default([]),
    speakerNotes: z
      .strictObject({
        title: notes,
        agenda: notes,
        procedures: notes,
        technologies: notes,
        faq: notes,
        disclaimer: notes,
        documentControl: notes,
      })
      .optional()
      .describe('Speaker notes for sections that have no notes field of their own.'),
    presentation: z
      .strictObject({
        templates: z.string().max(200).optional().describe('Folder (relative to the course) with deck/handout templates that override the built-in ones.'),
        theme: z.string().regex(/^[a-z0-9-]+$/).max(64).optional().describe('Theme name: a CSS file in templates/themes/ or the course templates folder.'),
        brand: z.string().regex(/^[a-z0-9-]+$/).max(64).optional().describe('Brand name: brands/NAME/brand.yaml in the course templates folder or deckhand\'s templates (default: templates/brand.yaml).'),
        paper: z.enum(['a4', 'letter']).optional().describe('Handout paper size.'),
      })
      .optional(),
  });

export type Course = z.infer<typeof courseSchema>;
export type Reviewer = z.infer<typeof reviewerSchema>;
export type Reference = z.infer<typeof referenceSchema>;
