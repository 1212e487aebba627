/**
 * Finds and compiles the user-editable templates. A course may name its own
 * templates folder (`presentation.templates`); any file there overrides the
 * built-in file of the same relative path, partials and themes included.
 * Handlebars is loaded and the partials registered only when something is
 * rendered, so an up-to-date build never pays for them.
 *
 * Every file under the roots is read into memory when the set is made, so
 * rendering does no I/O; and while `record` runs, every file a render actually
 * reads (template, partial, theme, shell file) is noted, so the cache can hash
 * exactly the files each target used (ninja-style recorded dependencies).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type HandlebarsNs from 'handlebars';
import { registerHelpers } from './helpers.js';

const require = createRequire(import.meta.url);

/** The templates that ship with deckhand. */
export const BUILTIN_TEMPLATES = resolve(fileURLToPath(new URL('.', import.meta.url)), '../../templates');

/** One template file as loaded: where it came from and its sha256. */
export interface TemplateFile {
  rel: string;
  file: string;
  /** Index of its root in `roots` (0 = the course's own folder when it has one). */
  root: number;
  text: string;
  sha256: string;
}

export class TemplateSet {
  /** Folders searched in order: the course's own first, then the built-in ones. */
  readonly roots: string[];
  private handlebars: typeof HandlebarsNs | undefined;
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();
  /** rel path → the effective file (earlier roots win). */
  private readonly files = new Map<string, TemplateFile>();
  private recording: Set<string> | undefined;

  constructor(overrideDir?: string, baseDir: string = BUILTIN_TEMPLATES) {
    this.roots = overrideDir ? [overrideDir, baseDir] : [baseDir];
    [...this.roots].reverse().forEach((root, reversed) => {
      for (const file of walk(root, () => true)) {
        const text = readFileSync(file, 'utf8');
        const rel = relative(root, file).split(sep).join('/');
        this.files.set(rel, { rel, file, root: this.roots.length - 1 - reversed, text, sha256: createHash('sha256').update(text).digest('hex') });
      }
    });
  }

  private get hb(): typeof HandlebarsNs {
    if (!this.handlebars) {
      const hb = (require('handlebars') as typeof HandlebarsNs).create();
      registerHelpers(hb);
      for (const [name, rel] of this.partialFiles()) hb.registerPartial(name, this.get(rel).text);
      // Note each partial a render actually invokes (not every registered one).
      const vm = (hb as unknown as { VM: Record<string, unknown> & { resolvePartial: (...args: unknown[]) => unknown } }).VM;
      const resolvePartial = vm.resolvePartial;
      (hb as unknown as { VM: unknown }).VM = {
        ...vm,
        resolvePartial: (partial: unknown, context: unknown, options: { name?: string }) => {
          if (options.name && options.name !== '@partial-block') this.note(`partials/${options.name}.hbs`);
          return resolvePartial(partial, context, options);
        },
      };
      this.handlebars = hb;
    }
    return this.handlebars;
  }

  private get(rel: string): TemplateFile {
    const found = this.files.get(rel);
    if (!found) throw new Error(`template file "${rel}" not found in ${this.roots.join(' or ')}`);
    return found;
  }

  private note(rel: string): void {
    this.recording?.add(rel);
  }

  /** Absolute path of `rel` in the first root that has it. */
  locate(rel: string): string {
    return this.get(rel).file;
  }

  has(rel: string): boolean {
    return this.files.has(rel);
  }

  /** Reads a template file (from memory), noting the read while recording. */
  text(rel: string): string {
    this.note(rel);
    return this.get(rel).text;
  }

  /**
   * Runs `fn` (synchronous) and returns what it made together with the sorted
   * rel paths of every template file it read.
   */
  record<T>(fn: () => T): { value: T; reads: string[] } {
    const outer = this.recording;
    const reads = new Set<string>();
    this.recording = reads;
    try {
      const value = fn();
      return { value, reads: [...reads].sort() };
    } finally {
      this.recording = outer;
      if (outer) for (const r of reads) outer.add(r);
    }
  }

  /**
   * Identity of the given files as they are now: for each, the root it comes
   * from and its sha256 ("missing" when gone). A cache key over recorded reads.
   */
  fingerprint(rels: readonly string[]): string {
    const parts = [...rels].sort().map((rel) => {
      const f = this.files.get(rel);
      return f ? [rel, f.root === this.roots.length - 1 ? 'builtin' : 'course', f.sha256] : [rel, 'missing'];
    });
    return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
  }

  /**
   * Renders `rel` with a view whose strings are already escaped for the output
   * language (see escape.ts), so the template is compiled without HTML escaping.
   */
  render(rel: string, view: unknown, data?: Record<string, unknown>): string {
    this.note(rel);
    let template = this.compiled.get(rel);
    if (!template) {
      template = this.hb.compile(this.get(rel).text, { noEscape: true, strict: false, preventIndent: true });
      this.compiled.set(rel, template);
    }
    return template(view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false, ...(data ? { data } : {}) });
  }

  /** Partial name → rel path, from every root's `partials/` folder; earlier roots win. */
  private partialFiles(): Map<string, string> {
    const found = new Map<string, string>();
    for (const rel of this.files.keys()) {
      if (rel.startsWith('partials/') && rel.endsWith('.hbs')) found.set(rel.slice('partials/'.length, -'.hbs'.length), rel);
    }
    return new Map([...found.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

function walk(dir: string, keep: (name: string) => boolean = (name) => name.endsWith('.hbs')): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))
    .flatMap((entry) => {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) return walk(full, keep);
      return entry.isFile() && keep(entry.name) ? [full] : [];
    });
}
