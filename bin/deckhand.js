#!/usr/bin/env node
// Thin launcher: the CLI lives in src/cli and is compiled to dist/ (by `npm ci` in this repository,
// and by `prepack` before `npm pack`/`npm publish`, so an installed package always carries dist/).
import { existsSync } from 'node:fs';
import module from 'node:module';

if (!existsSync(new URL('../dist/cli/main.js', import.meta.url))) {
  process.stderr.write('deckhand: dist/ is missing; in a checkout of deckhand run "npm run build:ts" (or "npm ci") first\n');
  process.exit(3);
}
// Node 22.1+ keeps V8's compiled code between runs (Node 20 has no such API; nothing happens there).
module.enableCompileCache?.();
if (process.env.DECKHAND_TRACE) await import('../dist/trace.js').then((t) => t.mark('bin started'));
const { main } = await import('../dist/cli/main.js');
process.exitCode = await main(process.argv);
