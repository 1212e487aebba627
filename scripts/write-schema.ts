// Regenerates schema/course.schema.json from the zod schema. A test fails when the two drift apart.
import { writeFileSync } from 'node:fs';
import { courseJsonSchema } from '../src/content/json-schema.js';

writeFileSync(new URL('../schema/course.schema.json', import.meta.url), `${JSON.stringify(courseJsonSchema(), null, 2)}\n`);
console.error('wrote schema/course.schema.json');
