// Regenerates schema/course.schema.json and schema/edition.schema.json from the zod schema. A test fails when they drift apart.
import { writeFileSync } from 'node:fs';
import { editionJsonSchema } from '../src/content/edition-schema.js';
import { courseJsonSchema } from '../src/content/json-schema.js';

writeFileSync(new URL('../schema/course.schema.json', import.meta.url), `${JSON.stringify(courseJsonSchema(), null, 2)}\n`);
writeFileSync(new URL('../schema/edition.schema.json', import.meta.url), `${JSON.stringify(editionJsonSchema(), null, 2)}\n`);
console.error('wrote schema/course.schema.json and schema/edition.schema.json');
