#!/usr/bin/env node
// Thin launcher. The CLI lives in src/cli; `npm ci` (prepare) and `npm run build:ts` compile it to
// dist/ with tsc and bundle it into dist/bundle/ with esbuild (scripts/bundle-cli.mjs), and this
// runs the bundle: one file to load instead of some 900 modules. DECKHAND_BUNDLE=0 runs tsc's
// modules instead, to tell a bundling problem from a code one.
import { existsSync } from 'node:fs';
import module from 'node:module';

const entry = process.env.DECKHAND_BUNDLE === '0' ? '../dist/cli/main.js' : '../dist/bundle/main.js';
if (!existsSync(new URL(entry, import.meta.url))) {
  process.stderr.write('deckhand: dist/ is missing; in a checkout of deckhand run "npm run build:ts" (or "npm ci") first\n');
  process.exit(3);
}
// Node 22.1+ keeps V8's compiled code between runs (Node 20 has no such API; nothing happens there).
module.enableCompileCache?.();
if (process.env.DECKHAND_TRACE) await import('../dist/trace.js').then((t) => t.mark('bin started'));
const { main } = await import(entry);
process.exitCode = await main(process.argv);
