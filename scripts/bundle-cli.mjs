// The CLI as one esbuild bundle (dist/bundle/), which bin/deckhand.js runs. Node then loads a few
// files instead of resolving and linking some 900 modules (deckhand's own and its dependencies'),
// which was most of a one-course build's start-up. Dynamic imports stay separate chunks, so a
// command still loads only what it uses. The library (dist/index.js) stays tsc's plain modules.
// CommonJS packages that deckhand loads with createRequire (pdf-lib, fontkit, node-forge, the
// hyphenation patterns) are not seen by esbuild and load from node_modules at run time.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: { main: 'src/cli/main.ts', 'copy-worker': 'src/personalize/copy-worker.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Bundled CommonJS code calls require() for Node's built-ins; ESM has none, so give it one.
  banner: { js: "import { createRequire as __deckhandRequire } from 'node:module'; const require = __deckhandRequire(import.meta.url);" },
  // chokidar's optional fsevents is macOS-only; ws's optional native helpers are not installed.
  external: ['fsevents', 'bufferutil', 'utf-8-validate'],
  legalComments: 'none',
  logLevel: 'warning',
});
