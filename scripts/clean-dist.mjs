// Removes dist/ before `npm pack` compiles it again, so no module deleted from src/ ships in the tarball.
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
