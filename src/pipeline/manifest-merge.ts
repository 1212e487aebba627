/**
 * `deckhand manifest merge`: CI shards each write `<out>/manifest.json` for the
 * courses they built; the merge gives one manifest that lists every output
 * once. An output listed twice must be the same file (same sha256); two
 * different files for one path are an error, since that would hide which one
 * was released.
 */
import { readFileSync } from 'node:fs';
import { DECKHAND_VERSION } from '../version.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { DeckhandError } from '../errors.js';

interface Entry {
  path: string;
  sha256: string;
  [key: string]: unknown;
}

export interface MergeResult {
  file: string;
  outputs: number;
  /** Entries that appeared in more than one input (the same file), counted once. */
  duplicates: number;
}

export function mergeManifests(inputs: readonly string[], outFile: string): MergeResult {
  const byPath = new Map<string, { entry: Entry; from: string }>();
  let duplicates = 0;
  for (const input of inputs) {
    let data: { outputs?: unknown };
    try {
      data = JSON.parse(readFileSync(input, 'utf8')) as { outputs?: unknown };
    } catch (error) {
      throw new DeckhandError(`${input}: not a readable manifest (${(error as Error).message})`, 'content');
    }
    if (!Array.isArray(data.outputs)) throw new DeckhandError(`${input}: not a deckhand manifest (no "outputs" list)`, 'content');
    for (const entry of data.outputs as Entry[]) {
      if (typeof entry?.path !== 'string' || typeof entry.sha256 !== 'string') throw new DeckhandError(`${input}: an output without path or sha256`, 'content');
      const seen = byPath.get(entry.path);
      if (!seen) byPath.set(entry.path, { entry, from: input });
      else if (seen.entry.sha256 === entry.sha256) duplicates++;
      else throw new DeckhandError(`${entry.path} differs between ${seen.from} (sha256 ${seen.entry.sha256.slice(0, 12)}…) and ${input} (${entry.sha256.slice(0, 12)}…); a course must be built by one shard only`, 'content');
    }
  }
  const outputs = [...byPath.values()].map((v) => v.entry).sort((a, b) => a.path.localeCompare(b.path));
  writeFileAtomic(outFile, `${JSON.stringify({ generator: `deckhand ${DECKHAND_VERSION}`, outputs }, null, 2)}\n`);
  return { file: outFile, outputs: outputs.length, duplicates };
}
