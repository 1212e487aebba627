/**
 * Assets a template refers to by a path relative to its own file: a logo in a
 * Markdown image (`![](logo.png)`), an `<img src="logo.svg">` or a CSS
 * `url(logo.png)`. Each literal reference is resolved inside the template set
 * (same roots and override order as partials: the course's templates folder
 * first, then the built-in one), checked, and replaced by a `data:` URL, so the
 * document carries the image and rendering never needs a file or the network.
 *
 * A reference that is a URL, an absolute path, leaves the templates folder,
 * does not exist, or is not a usable PNG, JPEG or SVG is a problem at the
 * template's line and column, naming the asset: never a broken-image icon.
 * References built by Handlebars (`{{image.src}}`) are the view's (already
 * data: URLs) and are left alone; so are `data:` URLs and `#fragment`s.
 *
 * Written by hand: no library scans Handlebars, Markdown and CSS sources for
 * literal references together, and the three patterns are short.
 */
import { posix } from 'node:path';
import { imageProblem, sniffImage } from '../content/image-check.js';
import { printable } from '../content/issue-messages.js';

/** Largest file a template may inline (the same as a course image). */
export const MAX_TEMPLATE_ASSET_BYTES = 2 * 1024 * 1024;

const TYPES: Readonly<Record<string, string>> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.svg': 'image/svg+xml' };

/** One reference found in a template: where its path starts, and the path as written. */
export interface AssetRef {
  start: number;
  end: number;
  ref: string;
}

/** A file of the template set, by rel path (undefined when no root has it). */
export type AssetLookup = (rel: string) => Uint8Array | undefined;

export interface InlinedAsset {
  /** The asset's rel path in the template set (recorded as a read). */
  rel: string;
  dataUri: string;
}

export type AssetResolution = { ok: true; asset: InlinedAsset } | { ok: false; message: string };

/** Comments keep their length but lose their text, so nothing inside one counts as a reference. */
function blankComments(text: string): string {
  const blank = (m: string) => m.replace(/[^\n]/g, ' ');
  return text.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|<!--[\s\S]*?-->|\/\*[\s\S]*?\*\//g, blank);
}

const PATTERNS: readonly RegExp[] = [
  // Markdown image: ![alt](path) or ![alt](path "title"); Marp size words live in the alt text.
  /!\[[^\]\n]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"\n]*")?\s*\)/g,
  // <img ... src="path"> (single or double quotes).
  /<img\b[^>]*?\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)')/gi,
  // CSS url(path), quoted or not.
  /url\(\s*(?:"([^"]*)"|'([^']*)'|([^)"'\s]+))\s*\)/gi,
];

/** Every literal asset reference in a template's text (not inside comments, not built by Handlebars). */
export function findAssetRefs(text: string): AssetRef[] {
  const scan = blankComments(text);
  const refs: AssetRef[] = [];
  for (const pattern of PATTERNS) {
    for (const m of scan.matchAll(pattern)) {
      const ref = m.slice(1).find((g) => g !== undefined);
      if (ref === undefined || ref === '') continue;
      const start = (m.index ?? 0) + m[0].lastIndexOf(ref, m[0].length - 1);
      refs.push({ start, end: start + ref.length, ref });
    }
  }
  return refs.filter((r) => !r.ref.includes('{{') && !/^data:/i.test(r.ref) && !r.ref.startsWith('#')).sort((a, b) => a.start - b.start);
}

/** Resolves `ref`, written in the template `fromRel`, to an inlined asset or says why it cannot be used. */
export function resolveAsset(ref: string, fromRel: string, lookup: AssetLookup): AssetResolution {
  const shown = `"${printable(ref, 80)}"`;
  const fail = (message: string): AssetResolution => ({ ok: false, message });
  if (/^[a-z][a-z0-9+.-]*:/i.test(ref) || ref.startsWith('//')) return fail(`${shown} is a URL; a template's images must be files in its templates folder (deckhand never fetches)`);
  if (ref.startsWith('/') || ref.startsWith('\\') || /^[a-zA-Z]:[\\/]/.test(ref)) return fail(`${shown} is an absolute path; give a path relative to the template's own folder`);
  let path: string;
  try {
    path = decodeURI(ref.split(/[?#]/)[0] ?? '');
  } catch {
    return fail(`${shown} is not a valid path`);
  }
  const rel = posix.normalize(posix.join(posix.dirname(fromRel), path.replace(/\\/g, '/')));
  if (rel === '..' || rel.startsWith('../')) return fail(`${shown} leaves the templates folder; keep the image beside the templates that use it`);
  const type = TYPES[posix.extname(rel).toLowerCase()];
  if (!type) return fail(`${shown} is not a PNG, JPEG or SVG image`);
  const bytes = lookup(rel);
  if (!bytes) return fail(`${shown} does not exist (looked for ${printable(rel, 80)} in the templates folders)`);
  if (bytes.byteLength > MAX_TEMPLATE_ASSET_BYTES) return fail(`${shown} is ${bytes.byteLength} bytes; a template's image may be at most ${MAX_TEMPLATE_ASSET_BYTES} bytes`);
  const broken = type === 'image/svg+xml' ? (sniffImage(bytes) === 'svg' ? undefined : 'is not an SVG file (no <svg> element at its start)') : imageProblem(bytes, type === 'image/png' ? 'png' : 'jpeg');
  if (broken) return fail(`${shown} ${broken}`);
  return { ok: true, asset: { rel, dataUri: `data:${type};base64,${Buffer.from(bytes).toString('base64')}` } };
}

/** A problem with one reference, at its offset in the template's text. */
export interface AssetProblem {
  offset: number;
  message: string;
}

/**
 * The template's text with every literal asset reference replaced by its data:
 * URL, the rel paths it inlined, and the first problem (the caller raises it at
 * the template's line and column).
 */
export function inlineTemplateAssets(text: string, fromRel: string, lookup: AssetLookup): { text: string; assets: string[]; problem?: AssetProblem } {
  const refs = findAssetRefs(text);
  if (refs.length === 0) return { text, assets: [] };
  const assets = new Set<string>();
  let out = '';
  let at = 0;
  for (const { start, end, ref } of refs) {
    const found = resolveAsset(ref, fromRel, lookup);
    if (!found.ok) return { text, assets: [...assets], problem: { offset: start, message: `image ${found.message}` } };
    assets.add(found.asset.rel);
    out += text.slice(at, start) + found.asset.dataUri;
    at = end;
  }
  return { text: out + text.slice(at), assets: [...assets].sort() };
}

/** 1-based line and column of `offset` in `text`. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return { line, column: offset - before.lastIndexOf('\n') };
}
