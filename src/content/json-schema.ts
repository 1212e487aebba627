/** The course schema as JSON Schema, for editors (VS Code YAML) and for "did you mean" hints. */
import { z } from 'zod';
import { courseSchema } from './schema.js';

type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  [key: string]: unknown;
};

let cached: JsonSchema | undefined;

export function courseJsonSchema(): JsonSchema {
  cached ??= {
    ...(z.toJSONSchema(courseSchema, { target: 'draft-2020-12', io: 'input', unrepresentable: 'any' }) as JsonSchema),
    title: 'deckhand course',
    description: 'One training course: decks/<id>/course.yaml. Generated from src/content/schema.ts by `npm run schema`.',
  };
  return cached;
}

/** The keys allowed in the object at `path` (numbers step into arrays), or [] if unknown. */
export function knownKeysAt(path: readonly (string | number)[]): string[] {
  let node: JsonSchema | undefined = courseJsonSchema();
  for (const part of path) {
    node = unwrap(node);
    node = typeof part === 'number' ? node?.items : node?.properties?.[part];
  }
  return Object.keys(unwrap(node)?.properties ?? {});
}

function unwrap(node: JsonSchema | undefined): JsonSchema | undefined {
  return node?.anyOf?.find((n) => n.properties || n.items) ?? node;
}
