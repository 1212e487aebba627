/**
 * "Is this file inside the folders it may come from?" for everything a build
 * reads besides course.yaml (templates, partials, themes; images have their own
 * check in content/assets.ts). Links are resolved first, so a link can never
 * lead out; a link to a folder, a folder where a file is expected, a device or
 * /proc entry are refused by what they are, never by reading them. Messages name
 * the path relative to its folder and never quote file content.
 *
 * The template set loads every file of its folders up front (template-set.ts),
 * so the check runs once, at load time, over the whole folder: nothing refused
 * here is ever read.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const inside = (file: string, root: string) => file === root || file.startsWith(root.endsWith(sep) ? root : root + sep);

function realRoot(root: string): string {
  try {
    return realpathSync(root);
  } catch {
    return root;
  }
}

/** One file a folder walk may read: where it is listed, and the real file behind it. */
export interface ContainedFile {
  /** Path relative to the walked folder, with `/`. */
  rel: string;
  /** The real path (links resolved) to read. */
  real: string;
}

/** A folder's readable files and, as `[path relative to the folder, reason]`, everything refused. */
export interface ContainedWalk {
  files: ContainedFile[];
  problems: [string, string][];
}

/**
 * Walks `dir`: each entry, followed through links, must be a regular file or a
 * folder inside `roots`. Folders reached through a link inside the roots are
 * walked too (once). Nothing is read; the caller reads `files[].real`.
 */
export function walkContained(dir: string, roots: readonly string[]): ContainedWalk {
  const files: ContainedFile[] = [];
  const problems: [string, string][] = [];
  const allowed = roots.map(realRoot);
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
      if (!allowed.some((root) => inside(target, root))) {
        problems.push([rel, `is a link to ${statSync(target).isDirectory() ? 'a folder' : 'a file'} outside the course folder`]);
        continue;
      }
      const stat = statSync(target);
      if (stat.isDirectory()) {
        // A folder where a template file is expected (x.hbs, x.css) would fail to read later.
        if (/\.(hbs|css|js)$/.test(entry.name)) problems.push([rel, 'is a folder (or a link to one), not a template file']);
        else walk(full);
      } else if (stat.isFile()) files.push({ rel, real: target });
      else problems.push([rel, 'is not a regular file']);
    }
  };
  walk(dir);
  return { files, problems };
}

/** Every problem under a templates folder (see walkContained). */
export function folderProblems(dir: string, roots: readonly string[]): [string, string][] {
  return walkContained(dir, roots).problems;
}
