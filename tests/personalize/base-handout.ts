/**
 * The base handout the personalisation tests stamp: the real sample course
 * (approved), built in-process through the API into `dir`. The handout
 * template itself keeps page 1's slot box free (templates/personalization.yaml).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from '../../src/index.js';
import type { BrowserSession } from '../../src/print/browser-session.js';
import { loadSlotDeclaration, type SlotDeclaration } from '../../src/render/slot-declaration.js';
import { EPOCH, sampleWorkspace } from '../support/fixtures.js';

export const ROOT = resolve(import.meta.dirname, '../..');
export const COURSE = 'interventional-pain-management';

export function declaredSlot(): SlotDeclaration {
  const d = loadSlotDeclaration(join(ROOT, 'templates/personalization.yaml'));
  if (!d.ok) throw new Error(JSON.stringify(d.diagnostics));
  return d.slot;
}

/** Builds (releases: verify finds it in the release record) the sample's handout into `<dir>/out` (the course goes to `<dir>/decks/`); returns its bytes and paths. */
export async function buildBaseHandout(dir: string, session?: BrowserSession): Promise<{ bytes: Uint8Array; course: string; out: string; file: string }> {
  const { dir: course } = sampleWorkspace({ root: dir });
  const out = join(dir, 'out');
  const result = await build({ courseDirs: [course], outDir: out, kinds: ['handout-pdf'], release: true, env: { ...process.env, SOURCE_DATE_EPOCH: EPOCH }, ...(session ? { session } : {}) });
  if (!result.ok) throw new Error(`the sample handout did not build: ${JSON.stringify(result.errors)}`);
  const file = join(out, COURSE, `${COURSE}.handout.pdf`);
  return { bytes: new Uint8Array(readFileSync(file)), course, out, file };
}
