/** Child process for manifest-concurrency.test.ts: writes its outputs and merges them into the manifest, `rounds` times. */
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { recordOutputs } from '../../src/pipeline/manifest-lock.js';

const [outDir, course, roundsText, startText] = process.argv.slice(2) as [string, string, string, string];
const rounds = Number(roundsText);
while (Date.now() < Number(startText)) {
  // all writers start together
}
for (let round = 0; round < rounds; round++) {
  const bytes = Buffer.from(`${course} ${round}\n`);
  const name = `${course}.r${round}.deck.md`;
  mkdirSync(join(outDir, course), { recursive: true });
  writeFileSync(join(outDir, course, name), bytes);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  await recordOutputs(outDir, [{ course, edition: 'base', kind: 'deck-md', path: join(outDir, course, name), sha256, bytes: bytes.length, rebuilt: true, reasons: [] }], []);
}
