// Compiles src/ to dist/ and bundles the CLI once (npm run build:ts), so CLI tests run the same code `npx deckhand` runs.
import { execFileSync } from 'node:child_process';

export default function setup(): void {
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/precompile-templates.mjs'], { stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/bundle-cli.mjs'], { stdio: 'inherit' });
}
