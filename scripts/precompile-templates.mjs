// dist/precompiled-templates.json: deckhand's own Handlebars templates, compiled ahead of time
// (see src/render/precompiled-templates.ts). Runs after tsc, from dist/.
import { createRequire } from 'node:module';
import { writeFileSync, renameSync } from 'node:fs';
import { TemplateSet } from '../dist/render/template-set.js';
import { PRECOMPILED_FILE, precompileSources } from '../dist/render/precompiled-templates.js';

const hb = createRequire(import.meta.url)('handlebars');
const file = precompileSources(hb, new TemplateSet().templateSources());
writeFileSync(`${PRECOMPILED_FILE}.tmp`, `${JSON.stringify(file)}\n`);
renameSync(`${PRECOMPILED_FILE}.tmp`, PRECOMPILED_FILE);
