/**
 * The brand: colours, logo and font for every document of a course, from a
 * short YAML file in the templates folders (so a rebrand is a file of about ten
 * lines, not copied stylesheets):
 *
 * - `presentation.brand: NAME` → `brands/NAME/brand.yaml`;
 * - otherwise `brand.yaml` (deckhand's own, or the course templates folder's).
 *
 * Both are looked up in the template set (the course's templates folder first,
 * then the built-in one), like themes: the file is read from memory, it is
 * inside the course or deckhand by construction, and reading it is recorded so
 * editing the brand or its logo rebuilds what used it. The logo path is
 * relative to the brand file and resolved like any template image
 * (template-assets.ts). Values are data: colours must be #rgb/#rrggbb and the
 * font one deckhand ships; every problem is reported at brand.yaml:line:column
 * with its field, like a course.
 */
import { LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import { formatPath, sortDiagnostics, type Diagnostic } from '../content/diagnostic.js';
import { messageFor } from '../content/issue-messages.js';
import { displayPath } from '../content/load-course.js';
import { closest } from '../content/suggest.js';
import { SourceMap, type FieldPath } from '../content/yaml-positions.js';
import { brandColours, type BrandColours } from './brand-css.js';
import { FONT_FAMILY } from './fonts.js';
import { resolveAsset } from './template-assets.js';
import type { TemplateSet } from './template-set.js';

export const BRAND_FILE = 'brand.yaml';
/** The fonts deckhand ships (render/fonts.ts inlines them); a brand may name only these. */
export const SHIPPED_FONTS = [FONT_FAMILY] as const;
const MAX_BRAND_BYTES = 16 * 1024;

const colour = z.string().regex(/^#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})$/, 'must be a colour written #rgb or #rrggbb, e.g. "#0b5563" (quote it: YAML reads # as a comment)');

export const brandSchema = z.strictObject({
  name: z.string().min(1).max(100).describe('Who the brand is (the logo\'s alternative text).'),
  colours: z.strictObject({
    primary: colour.describe('Headings, rules, the title slide and the ladder.'),
    accent: colour.describe('Highlights: the top rule of slides, the title slide band.'),
    text: colour.optional(),
    primaryDark: colour.optional(),
    tint: colour.optional(),
    tintStrong: colour.optional(),
    onPrimary: colour.optional(),
  }),
  logo: z.string().min(1).max(200).optional().describe('PNG, JPEG or SVG file, relative to this brand file.'),
  font: z.enum(SHIPPED_FONTS).default(FONT_FAMILY),
});

export interface Brand {
  name: string;
  colours: BrandColours;
  font: string;
  logo?: { dataUri: string; alt: string };
  /** The template-set files the brand is made of (brand file, logo): noted on every use. */
  files: string[];
}

export type BrandResult = { ok: true; brand: Brand | undefined } | { ok: false; diagnostics: Diagnostic[] };

/** Where a brand name lives in the template set. */
export const brandRel = (name?: string): string => (name ? `brands/${name}/${BRAND_FILE}` : BRAND_FILE);

/**
 * The brand of a course: `name` (presentation.brand) or the default brand.yaml.
 * `brand: undefined` when the template set has no brand.yaml at all (a custom
 * base templates folder without one): the stylesheets' own values apply.
 */
export function loadBrand(templates: TemplateSet, name: string | undefined, cwd = process.cwd()): BrandResult & { missing?: true } {
  const rel = brandRel(name);
  if (!templates.has(rel)) return name ? { ok: false, missing: true, diagnostics: [] } : { ok: true, brand: undefined };
  const file = displayPath(templates.locate(rel), cwd);
  const text = templates.text(rel);
  const fail = (message: string, line = 1, column = 1, field = '(file)'): BrandResult => ({ ok: false, diagnostics: [{ file, line, column, path: field, message }] });
  if (Buffer.byteLength(text) > MAX_BRAND_BYTES) return fail(`is ${Buffer.byteLength(text)} bytes; a brand file may be at most ${MAX_BRAND_BYTES} bytes`);
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true, strict: true, merge: false, logLevel: 'silent' });
  const sourceMap = new SourceMap(doc, lines);
  const diagnostics: Diagnostic[] = [];
  const at = (field: FieldPath, message: string, options?: { key?: boolean }) => diagnostics.push({ file, ...sourceMap.positionOf(field, options), path: formatPath(field), message });
  for (const error of doc.errors) {
    diagnostics.push({ file, ...sourceMap.at(error.pos[0]), path: formatPath(sourceMap.pathAt(error.pos[0])), message: `YAML syntax error: ${error.message.split('\n')[0] ?? ''}` });
  }
  if (diagnostics.length) return { ok: false, diagnostics };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 10 });
  } catch (error) {
    return fail(`cannot be read: ${(error as Error).message}`);
  }
  const parsed = brandSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
      if (issue.code === 'unrecognized_keys') {
        const known = Object.keys(field[0] === 'colours' ? brandSchema.shape.colours.shape : brandSchema.shape);
        for (const key of issue.keys) {
          const guess = closest(key, known);
          at([...field, key], `unknown key "${key}"${guess ? `; did you mean "${guess}"?` : ` (allowed here: ${known.join(', ')})`}`, { key: true });
        }
      } else if (issue.code === 'invalid_value' && field[0] === 'font') {
        at(field, `must be a font deckhand ships: ${SHIPPED_FONTS.join(', ')} (documents never use the machine's fonts)`);
      } else {
        at(field, messageFor(issue, { value: valueAt(data, field) }));
      }
    }
    return { ok: false, diagnostics: sortDiagnostics(diagnostics) };
  }
  const value = parsed.data;
  const files = [rel];
  let logo: Brand['logo'];
  if (value.logo !== undefined) {
    const found = resolveAsset(value.logo, rel, (asset) => (templates.has(asset) ? templates.bytes(asset) : undefined));
    if (!found.ok) {
      at(['logo'], `logo ${found.message}`);
      return { ok: false, diagnostics };
    }
    files.push(found.asset.rel);
    logo = { dataUri: found.asset.dataUri, alt: value.name };
  }
  return { ok: true, brand: { name: value.name, colours: brandColours(value.colours), font: value.font, ...(logo ? { logo } : {}), files } };
}

/** Notes the brand's files as read (inside TemplateSet.record), so the cache hashes them for every product that used the brand. */
export function noteBrand(templates: TemplateSet, brand: Brand | undefined): void {
  for (const rel of brand?.files ?? []) templates.bytes(rel);
}

function valueAt(data: unknown, path: FieldPath): unknown {
  let at: unknown = data;
  for (const key of path) at = at !== null && typeof at === 'object' ? (at as Record<string | number, unknown>)[key] : undefined;
  return at;
}
