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
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type HandlebarsNs from 'handlebars';
import { PACKAGE_ROOT } from '../package-root.js';
import { walkContained } from './contained-path.js';
import { compileOptions, precompiledTemplate } from './precompiled-templates.js';
import { registerHelpers } from './helpers.js';
import { inlineTemplateAssets, lineColumn } from './template-assets.js';
import { TemplateError } from './template-error.js';

const require = createRequire(import.meta.url);

/** The templates that ship with deckhand. */
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, 'templates');

/** One template file as loaded: where it came from and its sha256. */
export interface TemplateFile {
  rel: string;
  file: string;
  /** Index of its root in `roots` (0 = the course's own folder when it has one). */
  root: number;
  text: string;
  /** The file as read (images are binary; `text` is only meaningful for text files). */
  bytes: Buffer;
  sha256: string;
}

/** A file under a template root that may not be read: `rel` inside `roots[root]`, and why. */
export interface TemplateProblem {
  root: number;
  rel: string;
  reason: string;
}

export class TemplateSet {
  /** Folders searched in order: the course's own first, then the built-in ones. */
  readonly roots: string[];
  private handlebars: typeof HandlebarsNs | undefined;
  private readonly compiled = new Map<string, HandlebarsTemplateDelegate>();
  /** rel path → the effective file (earlier roots win). */
  private readonly files = new Map<string, TemplateFile>();
  private recording: Set<string> | undefined;
  /** rel path → its text with template-relative images inlined, and the image files it read (template-assets.ts). */
  private readonly inlined = new Map<string, { text: string; assets: string[] }>();
  /** Strict: a reference to a field the view lacks is an error (what `check` compiles with). */
  private strictMode = false;

  /** Files under the roots that were refused and never read (see contained-path.ts), per root. */
  readonly problems: TemplateProblem[] = [];

  /**
   * Loads every file under the roots. Each must resolve (links followed) inside
   * the course folder (`courseDir`, default the course's templates folder), the
   * base folder or deckhand's built-in templates; any other is refused unread.
   */
  constructor(overrideDir?: string, baseDir: string = BUILTIN_TEMPLATES, courseDir?: string) {
    this.roots = overrideDir ? [overrideDir, baseDir] : [baseDir];
    const allowed = [...new Set([...(overrideDir ? [courseDir ?? overrideDir] : []), baseDir, BUILTIN_TEMPLATES])];
    [...this.roots].reverse().forEach((root, reversed) => {
      if (!existsSync(root) || !statSync(root).isDirectory()) return;
      const index = this.roots.length - 1 - reversed;
      const { files, problems } = walkContained(root, allowed);
      for (const [rel, reason] of problems) this.problems.push({ root: index, rel, reason });
      for (const { rel, real } of files) {
        const bytes = readFileSync(real);
        this.files.set(rel, { rel, file: join(root, ...rel.split('/')), root: index, text: bytes.toString('utf8'), bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
      }
    });
  }

  private get hb(): typeof HandlebarsNs {
    if (!this.handlebars) {
      const hb = (require('handlebars') as typeof HandlebarsNs).create();
      registerHelpers(hb);
      // Each partial is compiled on first use and pinned to its own file, so an error names the partial, not the course.
      for (const [name, rel] of this.partialFiles()) hb.registerPartial(name, this.pinned(hb, rel) as unknown as HandlebarsNs.Template);
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

  /**
   * Reads a template file (from memory), noting the read while recording. A
   * stylesheet's `url(...)` images come inlined (and are noted too).
   */
  text(rel: string): string {
    this.note(rel);
    return rel.endsWith('.css') ? this.withAssets(rel) : this.get(rel).text;
  }

  /** A file's bytes (an image), noting the read while recording. */
  bytes(rel: string): Buffer {
    this.note(rel);
    return this.get(rel).bytes;
  }

  /**
   * `rel`'s text with its template-relative images as data: URLs, each image
   * noted as read; a missing or refused image is a TemplateError at its place.
   */
  private withAssets(rel: string): string {
    let done = this.inlined.get(rel);
    if (!done) {
      const source = this.get(rel);
      const result = inlineTemplateAssets(source.text, rel, (asset) => this.files.get(asset)?.bytes);
      if (result.problem) {
        const { line, column } = lineColumn(source.text, result.problem.offset);
        throw new TemplateError(result.problem.message, source.file, line, column);
      }
      done = { text: result.text, assets: result.assets };
      this.inlined.set(rel, done);
    }
    for (const asset of done.assets) this.note(asset);
    return done.text;
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
      template = this.pinned(this.hb, rel);
      this.compiled.set(rel, template);
    }
    return template(this.strictMode ? nameable(view) : view, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false, ...(data ? { data } : {}) });
  }

  /** The same files, compiled in Handlebars' strict mode: `check` renders with it to find references to fields the view lacks. */
  strict(): TemplateSet {
    const copy = Object.create(TemplateSet.prototype) as TemplateSet;
    Object.assign(copy, this, { handlebars: undefined, compiled: new Map(), inlined: new Map(), recording: undefined, strictMode: true });
    return copy;
  }

  /** `rel` compiled lazily; whatever it throws becomes a TemplateError at that file (nested partials keep their own). */
  private pinned(hb: typeof HandlebarsNs, rel: string): HandlebarsTemplateDelegate {
    let template: HandlebarsTemplateDelegate | undefined;
    const file = this.get(rel).file;
    return (context: unknown, options?: Handlebars.RuntimeOptions) => {
      try {
        const text = this.withAssets(rel);
        template ??= precompiledTemplate(hb, text, this.strictMode) ?? hb.compile(text, compileOptions(this.strictMode));
        return template(context, options);
      } catch (error) {
        throw TemplateError.from(error, file);
      }
    };
  }

  /**
   * The text of every Handlebars file (`.hbs`) as the compiler gets it, images inlined, in rel
   * order; a file whose images cannot be inlined is left out (compiling it reports that).
   * scripts/precompile-templates.mjs precompiles these for deckhand's own templates.
   */
  templateSources(): string[] {
    const sources: string[] = [];
    for (const rel of [...this.files.keys()].filter((r) => r.endsWith('.hbs')).sort()) {
      try {
        sources.push(this.withAssets(rel));
      } catch {
        // left to the compiler, which names the problem
      }
    }
    return sources;
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

/**
 * Handlebars' strict-mode error message does `"x" not defined in ' + obj`, which throws
 * for the escaped view's null-prototype objects; in strict (check) renders only, they are
 * copied onto a prototype that can be printed. Nothing rendered this way is written out.
 */
const NAMEABLE = Object.freeze({ toString: () => 'the view' });
function nameable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(nameable);
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === null) {
    const copy = Object.create(NAMEABLE) as Record<string, unknown>;
    for (const [k, v] of Object.entries(value)) copy[k] = nameable(v);
    return copy;
  }
  return value;
}
