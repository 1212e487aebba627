/**
 * Whether `deckhand build` is about to print, guessed in a few milliseconds
 * before the build code is even loaded, so Chromium can be started first
 * (src/print/prestart.ts) and boot while node imports and renders.
 *
 * The guess is cheap on purpose and never decides what is built: the build's
 * own plan does. A wrong "yes" costs one Chromium that is killed unused (and
 * reported as a launch); a wrong "no" costs the second the prestart would have
 * saved. It says "yes" when a printing kind is asked for and --force or
 * --release is given, or some course has no cache yet, or a file in its
 * folder is newer than its cache.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CACHE_FILE } from '../pipeline/cache.js';
import { TargetRegistry } from '../targets/registry.js';

export interface BuildIntent {
  dirs: string[];
  out: string;
  only?: string;
  force?: boolean;
  release?: boolean;
}

// content/load-course.ts exports this name too, but importing it loads yaml and zod (~180 ms): what this guess runs ahead of.
const COURSE_FILE = 'course.yaml';
const registry = new TargetRegistry();

export function likelyToPrint(intent: BuildIntent, cwd = process.cwd()): boolean {
  const kinds = intent.only ? intent.only.split(',').map((k) => k.trim()) : registry.defaultKinds;
  // Every slides-Nup kind (what --layout picks) is registered and prints.
  if (!kinds.some((k) => registry.has(k) && registry.get(k).browser)) return false;
  if (intent.force || intent.release) return true;
  const out = resolve(cwd, intent.out);
  return courseFolders(intent.dirs, cwd).some((dir) => stale(dir, out));
}

function courseFolders(dirs: string[], cwd: string): string[] {
  if (dirs.length > 0) return dirs.map((d) => resolve(cwd, d));
  const decks = resolve(cwd, 'decks');
  try {
    return readdirSync(decks, { withFileTypes: true })
      .filter((e) => e.isDirectory() && existsSync(join(decks, e.name, COURSE_FILE)))
      .map((e) => join(decks, e.name));
  } catch {
    return [];
  }
}

function stale(dir: string, out: string): boolean {
  try {
    const id = /^id:\s*["']?([^"'\s#]+)/m.exec(readFileSync(join(dir, COURSE_FILE), 'utf8'))?.[1];
    if (!id) return true;
    const cached = statSync(join(out, id, CACHE_FILE)).mtimeMs;
    return newestFile(dir) > cached;
  } catch {
    return true;
  }
}

/** mtime of the newest file under `dir` (hidden entries and node_modules skipped; a few levels deep). */
function newestFile(dir: string, depth = 4): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (depth > 0) newest = Math.max(newest, newestFile(path, depth - 1));
    } else newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}
