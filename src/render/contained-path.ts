/**
 * "Is this file inside the folders it may come from?" for everything a build
 * reads besides course.yaml (templates, partials, themes; images have their own
 * check in content/assets.ts). Links are resolved first, so a link can never
 * lead out; a link to a folder, a folder where a file is expected, a device or
 * /proc entry are refused by what they are, never by reading them. Messages name
 * the path relative to its folder and never quote file content.
 */
import { lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DeckhandError } from '../errors.js';

const inside = (file: string, root: string) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

/** Why `file` may not be read as a file from inside `roots`; undefined when it may. */
export function containedFileProblem(file: string, roots: readonly string[]): string | undefined {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return lstatSafe(file) ? 'is a link to nothing (its target does not exist)' : 'does not exist';
  }
  if (!roots.map(realRoot).some((root) => inside(real, root))) return 'is a link to a file outside the course folder and deckhand\'s templates';
  const stat = statSync(real);
  if (stat.isDirectory()) return 'is a folder (or a link to one), not a file';
  if (!stat.isFile()) return 'is not a regular file';
  return undefined;
}

function lstatSafe(file: string) {
  try {
    return lstatSync(file);
  } catch {
    return undefined;
  }
}

/** A file that could not be read because it is not inside its allowed folders: a content error (exit 1). */
export class ContainedPathError extends DeckhandError {
  constructor(readonly file: string, reason: string) {
    super(`template file ${file} ${reason}`, 'content');
  }
}

/** Reads `file` as UTF-8 if it resolves to a regular file inside `roots`; otherwise throws ContainedPathError. */
export function readContained(file: string, roots: readonly string[]): string {
  const problem = containedFileProblem(file, roots);
  if (problem) throw new ContainedPathError(file, problem);
  return readFileSync(realpathSync(file), 'utf8');
}

/**
 * Every problem under a templates folder, as `[path relative to the folder, reason]`:
 * each entry, followed through links, must be a regular file or a folder inside
 * `roots`. Folders reached through a link inside the roots are walked too (once).
 */
export function folderProblems(dir: string, roots: readonly string[]): [string, string][] {
  const problems: [string, string][] = [];
  const seen = new Set<string>();
  const walk = (folder: string) => {
    const real = realpathSync(folder);
    if (seen.has(real)) return;
    seen.add(real);
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = join(folder, entry.name);
      const rel = relative(dir, full).split(sep).join('/');
      let target: string;
      try {
        target = realpathSync(full);
      } catch {
        problems.push([rel, 'is a link to nothing (its target does not exist)']);
        continue;
      }
      if (!roots.map(realRoot).some((root) => inside(target, root))) {
        problems.push([rel, `is a link to ${statSync(target).isDirectory() ? 'a folder' : 'a file'} outside the course folder`]);
        continue;
      }
      const stat = statSync(target);
      if (stat.isDirectory()) {
        // A folder where a template file is expected (x.hbs, x.css) would fail to read later.
        if (/\.(hbs|css|js)$/.test(entry.name)) problems.push([rel, 'is a folder (or a link to one), not a template file']);
        else walk(full);
      } else if (!stat.isFile()) problems.push([rel, 'is not a regular file']);
    }
  };
  walk(dir);
  return problems;
}
