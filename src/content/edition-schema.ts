/**
 * The edition overlay format (decks/<course>/editions/<market>-<lang>.yaml):
 * its own keys (schemaVersion, edition, review) and, for editors, a JSON
 * Schema derived from the course schema in which every list of items with ids
 * becomes a mapping keyed by item id, and every field is optional.
 */
import { z } from 'zod';
import { courseJsonSchema } from './json-schema.js';
import { reviewerSchema, reviewStatuses, isoDate } from './schema.js';

/** Lists whose items an overlay addresses by id (field paths without indexes). */
export const ID_LISTS = ['ladder.steps', 'procedures', 'technologies', 'team.members', 'faq', 'references'];

/** Keys that belong to the overlay itself, not to the course it changes. */
export const OVERLAY_OWN_KEYS = ['schemaVersion', 'edition', 'review'];

export const editionHeaderSchema = z.strictObject({
  schemaVersion: z.literal(1),
  edition: z.strictObject({
    market: z.string().regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 country code in upper case, such as "TR"'),
    language: z.string().regex(/^[a-zA-Z]{2,3}(?:-[a-zA-Z0-9]{2,8})*$/, 'must be a BCP 47 language tag such as "de" or "tr"'),
  }),
});

/** An edition's own sign-off: like the base's, but a draft may have no reviewers yet. */
export const editionReviewSchema = z.strictObject({
  status: z.enum(reviewStatuses),
  expires: isoDate.optional(),
  reviewers: z.array(reviewerSchema).max(20).optional(),
});
export type EditionReview = z.infer<typeof editionReviewSchema>;

type JsonSchema = Record<string, unknown> & { type?: unknown; properties?: Record<string, JsonSchema>; items?: JsonSchema; anyOf?: JsonSchema[]; required?: string[] };

/** JSON Schema for overlays, generated from the course schema (`npm run schema` writes schema/edition.schema.json). */
export function editionJsonSchema(): JsonSchema {
  const course = courseJsonSchema() as JsonSchema;
  const props = { ...(course.properties ?? {}) };
  for (const key of ['id', 'language', 'markets', 'review', 'schemaVersion']) delete props[key];
  const body = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, partial(v, k)]));
  const own = z.toJSONSchema(editionHeaderSchema.extend({ review: editionReviewSchema.optional() }), { target: 'draft-2020-12', io: 'input' }) as JsonSchema;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: 'deckhand edition overlay',
    description: 'One market/language edition of a course: decks/<id>/editions/<market>-<lang>.yaml. Lists of items are mappings keyed by item id; { remove: true } removes an item. Generated from src/content/schema.ts by `npm run schema`.',
    type: 'object',
    properties: { ...(own.properties ?? {}), ...body },
    required: ['schemaVersion', 'edition'],
    additionalProperties: false,
  };
}

function partial(node: JsonSchema, path: string): JsonSchema {
  if (node.anyOf) return { ...node, anyOf: node.anyOf.map((n) => partial(n, path)) };
  if (node.type === 'array' && node.items?.properties?.id && ID_LISTS.includes(path)) {
    const { id: _id, ...fields } = node.items.properties;
    const item = partial({ ...node.items, properties: fields }, path);
    return {
      type: 'object',
      description: `Items of ${path} by id: fields to replace, or { remove: true }.`,
      additionalProperties: { anyOf: [{ type: 'object', properties: { remove: { const: true } }, required: ['remove'], additionalProperties: false }, item] },
    };
  }
  if (node.properties) {
    const { required: _required, ...rest } = node;
    return { ...rest, properties: Object.fromEntries(Object.entries(node.properties).map(([k, v]) => [k, partial(v, `${path}.${k}`)])) };
  }
  return node;
}
