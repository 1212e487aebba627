import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { courseJsonSchema } from '../../src/content/json-schema.js';
import { REPO, SAMPLE_DIR } from '../support/fixtures.js';

const schemaFile = join(REPO, 'schema', 'course.schema.json');
const committed = JSON.parse(readFileSync(schemaFile, 'utf8')) as object;
const sample = parse(readFileSync(join(SAMPLE_DIR, 'course.yaml'), 'utf8')) as Record<string, unknown>;

describe('schema/course.schema.json', () => {
  it('is what the zod schema generates (run `npm run schema` after changing src/content/schema.ts)', () => {
    expect(committed).toEqual(JSON.parse(JSON.stringify(courseJsonSchema())));
  });

  it('validates the sample with an independent validator (ajv)', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
    expect(validate(sample), JSON.stringify(validate.errors)).toBe(true);
  });

  it('rejects a misspelled key and a wrong type, as an editor would', () => {
    const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
    const { title, ...rest } = sample;
    expect(validate({ ...rest, titel: title, markets: 'GLOBAL' })).toBe(false);
    const messages = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
    expect(messages).toEqual(expect.arrayContaining([" must have required property 'title'", '/markets must be array']));
  });

  it('is named by the sample\'s yaml-language-server line', () => {
    expect(readFileSync(join(SAMPLE_DIR, 'course.yaml'), 'utf8').split('\n')[0]).toBe('# yaml-language-server: $schema=../../schema/course.schema.json');
  });
});
