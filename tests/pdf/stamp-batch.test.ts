/**
 * A build stamps many documents in one process, and the stamp reuses work
 * across them (the parsed font and its glyph runs: src/pdf/stamp-font.ts).
 * Each document must still come out exactly as if it were stamped alone.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

function stamp(...docs: string[]): Record<string, string> {
  const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'stamp-batch.fixture.ts'), ...docs], { encoding: 'utf8' });
  expect(child.status, child.stderr).toBe(0);
  return JSON.parse(child.stdout) as Record<string, string>;
}

describe('stamping a batch in one process', () => {
  it('gives each document the bytes it has when stamped alone, in either order', () => {
    const alone = { ...stamp('handout'), ...stamp('deck') };
    expect(alone.handout).not.toBe(alone.deck);
    expect(stamp('deck', 'handout')).toEqual(alone);
    expect(stamp('handout', 'deck', 'handout')).toEqual(alone);
  });
});
