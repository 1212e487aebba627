/**
 * Finds and compiles the user-editable templates. A course may name its own
 * templates folder (`presentation.templates`); any file there overrides the
 * built-in file of the same relative path, partials and themes included.
 * Handlebars is loaded and the partials registered only when something is
 * rendered, so an up-to-date build never pays for them. (Which template files
 * a target depends on is hashed by build/template-hash.ts.)
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsNs from 'handlebars';
import { readContained } from './contained-path.js';
import { registerHelpers } from './helpers.js';

const require = createRequire(import.meta.url);

/** The templates that ship with deckhand. */
export const BUILTIN_TEMPLATES = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../templates');

export class TemplateSet {
  /** Folders searched in order: the course's own first, then the built-in ones. */
  readonly roots: string[];
  private handlebars: typeof HandlebarsNs | undefined;
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();

  /** Folders every file read must resolve into (the course folder and the built-in templates). */
  private readonly allowedRoots: string[];

  constructor(overrideDir?: string, courseDir?: string) {
    this.roots = overrideDir ? [overrideDir, BUILTIN_TEMPLATES] : [BUILTIN_TEMPLATES];
    this.allowedRoots = [courseDir ?? overrideDir ?? BUILTIN_TEMPLATES, BUILTIN_TEMPLATES];
  }

  private get hb(): typeof HandlebarsNs {
    if (!this.handlebars) {
      const hb = (require('handlebars') as typeof HandlebarsNs).create();
      registerHelpers(hb);
      for (const [name, file] of this.partialFiles()) hb.registerPartial(name, this.read(file));
      this.handlebars = hb;
    }
    return this.handlebars;
  }

  /** Absolute path of `rel` in the first root that has it. */
  locate(rel: string): string {
    for (const root of this.roots) {
      const file = join(root, rel);
      if (existsSync(file)) return file;
    }
    throw new Error(`template file "${rel}" not found in ${this.roots.join(' or ')}`);
  }

  has(rel: string): boolean {
    return this.roots.some((root) => existsSync(join(root, rel)));
  }

  /** Reads a template file. */
  text(rel: string): string {
    return this.read(this.locate(rel));
  }

  /**
   * Renders `rel` with a view whose strings are already escaped for the output
   * language (see escape.ts), so the template is compiled without HTML escaping.
   */
  render(rel: string, view: unknown): string {
    let template = this.compiled.get(rel);
    if (!template) {
      template = this.hb.compile(this.text(rel), { noEscape: true, strict: false, preventIndent: true });
      this.compiled.set(rel, template);
    }
    return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
  }

  private read(file: string): string {
    return readContained(file, this.allowedRoots);
  }

  /** Partials from every root's `partials/` folder; earlier roots win. */
  private partialFiles(): Map<string, string> {
    const found = new Map<string, string>();
    for (const root of [...this.roots].reverse()) {
      const base = join(root, 'partials');
      for (const file of walk(base)) {
        const name = relative(base, file).split(sep).join('/').replace(/\.hbs$/, '');
        found.set(name, file);
      }
    }
    return new Map([...found.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

function walk(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return walk(full);
      return entry.name.endsWith('.hbs') ? [full] : [];
    });
}
