/** Hash of the template files a target kind reads, with the course's own templates taking precedence. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { sha256 } from './cache.js';
import { templateDependsOn, type TargetKind } from './targets.js';

const listings = new Map<string, Map<string, string>>();

/** rel path → sha256 of every file under a templates root (memoised per build process). */
function listing(root: string): Map<string, string> {
  let files = listings.get(root);
  if (!files) {
    files = new Map();
    const walk = (dir: string) => {
      let entries: string[];
      try {
        entries = readdirSync(dir).sort();
      } catch {
        return;
      }
      for (const name of entries) {
        const full = join(dir, name);
        if (statSync(full).isDirectory()) walk(full);
        else files?.set(relative(root, full).split(sep).join('/'), sha256(readFileSync(full)));
      }
    };
    walk(root);
    listings.set(root, files);
  }
  return files;
}

export function templateHash(roots: readonly string[], kind: TargetKind, theme: string): string {
  const effective = new Map<string, string>();
  for (const root of [...roots].reverse()) for (const [rel, hash] of listing(root)) effective.set(rel, hash);
  const used = [...effective.entries()].filter(([rel]) => templateDependsOn(kind, theme, rel)).sort(([a], [b]) => a.localeCompare(b));
  return sha256(JSON.stringify(used));
}
