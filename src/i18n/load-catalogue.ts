/**
 * Finds and validates the interface-text catalogue for a language.
 *
 * Catalogues live in `<templates root>/i18n/<lang>.yaml`; roots are searched in
 * order (a course's own templates first, deckhand's last), and the first file
 * for the language wins whole. "de-DE" uses de-de.yaml if there is one, else
 * de.yaml. The reference is the en.yaml of the LAST root (deckhand's own):
 * it defines every key deckhand's code and templates use. Against it:
 * - keys the catalogue lacks are ONE error that lists them all;
 * - keys the reference lacks are warnings (a course's own templates may use them);
 * - each text must use exactly the reference's placeholders.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sortDiagnostics, type Diagnostic } from '../content/diagnostic.js';
import { displayPath } from '../content/load-course.js';
import { closest } from '../content/suggest.js';
import { Catalogue } from './catalogue.js';
import { canonicalLocale } from './locale-format.js';
import { placeholdersOf, type Message } from './message.js';
import { parseCatalogueFile, type ParsedCatalogue } from './parse-catalogue.js';

export const REFERENCE_LANGUAGE = 'en';
export const CATALOGUE_DIR = 'i18n';

/** Where a value came from, for pinning a problem to the course or edition file that asked for a language. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
  /** Field path, e.g. `edition.language`. */
  path: string;
}

export type CatalogueResult =
  | { ok: true; catalogue: Catalogue; warnings: Diagnostic[] }
  | { ok: false; diagnostics: Diagnostic[]; warnings: Diagnostic[] };

export interface LoadCatalogueOptions {
  /** For file names in messages; defaults to process.cwd(). */
  cwd?: string;
  /** The field that named the language (course `language`, edition `edition.language`). */
  requestedAt?: SourceLocation;
}

/** Languages with a catalogue in any of the roots, sorted ("de", "en", "tr"). */
export function catalogueLanguages(templatesRoots: readonly string[]): string[] {
  const found = new Set<string>();
  for (const root of templatesRoots) {
    const dir = join(root, CATALOGUE_DIR);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (/^[a-z]{2,3}(-[a-z0-9]{2,8})*\.yaml$/.test(name)) found.add(name.slice(0, -'.yaml'.length));
  }
  return [...found].sort();
}

/** The catalogue file for `lang`: `<root>/i18n/<tag>.yaml` for the full tag, then its primary language, in root order. */
export function findCatalogueFile(templatesRoots: readonly string[], lang: string): string | undefined {
  const tag = lang.toLowerCase();
  const primary = tag.split('-')[0] ?? tag;
  for (const candidate of tag === primary ? [tag] : [tag, primary]) {
    if (!/^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(candidate)) return undefined;
    for (const root of templatesRoots) {
      const file = join(root, CATALOGUE_DIR, `${candidate}.yaml`);
      if (existsSync(file)) return file;
    }
  }
  return undefined;
}

export function loadCatalogue(templatesRoots: readonly string[], lang: string, options: LoadCatalogueOptions = {}): CatalogueResult {
  const cwd = options.cwd ?? process.cwd();
  const asked = options.requestedAt;
  const refuse = (message: string): CatalogueResult => ({
    ok: false,
    diagnostics: [asked ? { ...asked, message } : { file: displayPath(join(templatesRoots.at(-1) ?? '.', CATALOGUE_DIR), cwd), line: 1, column: 1, path: '(file)', message }],
    warnings: [],
  });
  const locale = canonicalLocale(lang);
  if (!locale) return refuse(`language "${lang}" is not a BCP 47 language tag (e.g. en, de, tr, en-GB)`);
  const path = findCatalogueFile(templatesRoots, locale);
  if (!path) {
    const offered = catalogueLanguages(templatesRoots);
    return refuse(`language "${lang}" has no interface-text catalogue (i18n/${locale.toLowerCase()}.yaml); languages on offer: ${offered.join(', ') || 'none'}`);
  }
  const parsed = parseCatalogueFile(path, displayPath(path, cwd));
  const referencePath = join(templatesRoots.at(-1) ?? '.', CATALOGUE_DIR, `${REFERENCE_LANGUAGE}.yaml`);
  let errors = [...parsed.diagnostics];
  let warnings: Diagnostic[] = [];
  if (referencePath !== path) {
    if (!existsSync(referencePath)) return refuse(`the reference catalogue ${displayPath(referencePath, cwd)} is missing`);
    const reference = parseCatalogueFile(referencePath, displayPath(referencePath, cwd));
    if (reference.diagnostics.length) errors = [...reference.diagnostics, ...errors];
    else if (!parsed.unreadable) {
      const compared = compareWithReference(parsed, reference);
      errors.push(...compared.errors);
      warnings = compared.warnings;
    }
  }
  if (errors.length) return { ok: false, diagnostics: sortDiagnostics(errors), warnings };
  const messages = new Map<string, Message>([...parsed.entries].map(([key, entry]) => [key, entry.message]));
  return { ok: true, catalogue: new Catalogue(locale, parsed.file, messages), warnings };
}

/** Missing keys (one error), extra keys (warnings), wrong placeholders and section/text mix-ups (errors). */
export function compareWithReference(target: ParsedCatalogue, reference: ParsedCatalogue): { errors: Diagnostic[]; warnings: Diagnostic[] } {
  const errors: Diagnostic[] = [];
  const warnings: Diagnostic[] = [];
  const refName = reference.file.split('/').pop() ?? reference.file;
  const missing: string[] = [];
  for (const [key, ref] of reference.entries) {
    const own = target.entries.get(key);
    if (!own) {
      const section = target.sections.get(key);
      if (section) errors.push({ file: target.file, ...section, path: key, message: `must be one text, as in ${refName}, not a section` });
      else if (!target.invalid.has(key)) missing.push(key);
      continue;
    }
    // A plural message always receives {count} (it picks the form) and a form may leave it unsaid.
    const anyPlural = ref.message.kind === 'plural' || own.message.kind === 'plural';
    const expected = placeholdersOf(ref.message).filter((p) => !anyPlural || p !== 'count');
    const found = placeholdersOf(own.message).filter((p) => !anyPlural || p !== 'count');
    if (expected.join() !== found.join()) {
      const list = (names: string[]) => (names.length ? names.map((n) => `{${n}}`).join(', ') : 'no placeholders');
      errors.push({ file: target.file, ...own.at, path: key, message: `uses ${list(found)}; ${refName} uses ${list(expected)}, and a translation must use the same` });
    }
  }
  if (missing.length) {
    // Pinned to where the first missing key belongs: its nearest section that exists, or the top of the file.
    const first = missing[0] ?? '';
    const parts = first.split('.');
    let at = { line: 1, column: 1 };
    for (let depth = parts.length - 1; depth > 0; depth--) {
      const section = target.sections.get(parts.slice(0, depth).join('.'));
      if (section) {
        at = section;
        break;
      }
    }
    errors.push({
      file: target.file,
      ...at,
      path: '(file)',
      message: `lacks ${missing.length} key${missing.length === 1 ? '' : 's'} that ${refName} has: ${missing.join(', ')}`,
    });
  }
  const known = [...reference.entries.keys(), ...reference.sections.keys()];
  for (const [key, own] of target.entries) {
    if (reference.entries.has(key)) continue;
    if (reference.sections.has(key)) {
      errors.push({ file: target.file, ...own.keyAt, path: key, message: `is a section in ${refName}, not one text` });
      continue;
    }
    const guess = closest(key, known);
    warnings.push({ file: target.file, ...own.keyAt, path: key, message: `key "${key}" is not in ${refName}${guess ? `; did you mean "${guess}"?` : ' (only templates of your own can use it)'}` });
  }
  return { errors, warnings: sortDiagnostics(warnings) };
}
