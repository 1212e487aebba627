/**
 * Images a course refers to. They must be PNG or JPEG files inside the course
 * folder: URLs, absolute paths, `..` and symlinks that leave the folder are
 * refused, so rendering never reads outside the course or touches the network.
 */
import { createHash } from 'node:crypto';
import { existsSync, lstatSync, readFileSync, realpathSync, statSync } from 'node:fs';
import { extname, isAbsolute, join, relative, sep } from 'node:path';
import { imageProblem } from './image-check.js';
import { printable } from './issue-messages.js';
import type { Course } from './schema.js';

export const MAX_ASSET_BYTES = 2 * 1024 * 1024;
/**
 * All of a course's images together: each is inlined (base64) into the handout,
 * and 60 images of 2 MB made Chromium run out of memory mid-print.
 */
export const MAX_COURSE_IMAGE_BYTES = 16 * 1024 * 1024;
const MB = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const TYPES: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg' };

export interface Asset {
  /** Path as written in the course, relative to the course folder. */
  src: string;
  sha256: string;
  dataUri: string;
}

export interface AssetProblem {
  path: (string | number)[];
  message: string;
}

/** Every image reference in the course, with the field that holds it. */
export function imageRefs(course: Course): { path: (string | number)[]; src: string }[] {
  return course.technologies.flatMap((t, i) => (t.image ? [{ path: ['technologies', i, 'image', 'src'], src: t.image.src }] : []));
}

export function resolveAssets(course: Course, courseDir: string): { assets: Map<string, Asset>; problems: AssetProblem[] } {
  const assets = new Map<string, Asset>();
  const problems: AssetProblem[] = [];
  const root = realpathSync(courseDir);
  const usable: { path: (string | number)[]; src: string }[] = [];
  for (const ref of imageRefs(course)) {
    const problem = checkSrc(ref.src, courseDir, root);
    if (problem) problems.push({ path: ref.path, message: problem });
    else usable.push(ref);
  }
  // The budget is checked from file sizes, before any image is read or decoded.
  const sizes = new Map<string, number>();
  let over: { path: (string | number)[]; src: string } | undefined;
  for (const ref of usable) {
    const real = realpathSync(join(courseDir, ref.src));
    if (!sizes.has(real)) sizes.set(real, statSync(real).size);
    if (!over && [...sizes.values()].reduce((a, b) => a + b, 0) > MAX_COURSE_IMAGE_BYTES) over = ref;
  }
  if (over) {
    const total = [...sizes.values()].reduce((a, b) => a + b, 0);
    problems.push({
      path: over.path,
      message: `"${printable(over.src, 60)}" takes the course's images over their budget: ${sizes.size} images of ${MB(total)} in all, and a course's images may total at most ${MB(MAX_COURSE_IMAGE_BYTES)}; use fewer or smaller images`,
    });
    return { assets, problems };
  }
  for (const { path, src } of usable) {
    if (assets.has(src)) continue;
    const bytes = readFileSync(join(courseDir, src));
    const broken = imageProblem(bytes, TYPES[extname(src).toLowerCase()] === 'image/png' ? 'png' : 'jpeg');
    if (broken) {
      problems.push({ path, message: `"${printable(src, 60)}" ${broken}` });
      continue;
    }
    const type = TYPES[extname(src).toLowerCase()] ?? 'application/octet-stream';
    assets.set(src, { src, sha256: createHash('sha256').update(bytes).digest('hex'), dataUri: `data:${type};base64,${bytes.toString('base64')}` });
  }
  return { assets, problems };
}

function checkSrc(raw: string, courseDir: string, root: string): string | undefined {
  const src = raw;
  const shown = printable(raw, 60);
  if (/^[a-z][a-z0-9+.-]*:/i.test(src) || src.startsWith('//')) return `"${shown}" is a URL; images must be files inside the course folder (deckhand never fetches)`;
  if (isAbsolute(src) || /^[a-zA-Z]:[\\/]/.test(src)) return `"${shown}" is an absolute path; give a path relative to the course folder, e.g. assets/picture.png`;
  if (src.split(/[\\/]/).includes('..')) return `"${shown}" leaves the course folder ("..")`;
  if (!(extname(src).toLowerCase() in TYPES)) return `"${shown}" is not a PNG or JPEG file`;
  const full = join(courseDir, src);
  if (!existsSync(full)) return `"${shown}" does not exist in the course folder`;
  const real = realpathSync(full);
  if (real !== root && !real.startsWith(root + sep)) return `"${shown}" is a link to ${relative(root, real)}, outside the course folder`;
  const stat = lstatSync(real);
  if (!stat.isFile()) return `"${shown}" is not a file`;
  if (stat.size > MAX_ASSET_BYTES) return `"${shown}" is ${stat.size} bytes; images may be at most ${MAX_ASSET_BYTES} bytes`;
  return undefined;
}
