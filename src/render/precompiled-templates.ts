/**
 * Handlebars templates compiled ahead of time. Compiling deckhand's 32
 * templates (parsing them and generating their JavaScript) costs a build about
 * 160 ms before its first document; evaluating the same templates precompiled
 * costs about 8 ms. `npm run build:ts` (scripts/precompile-templates.mjs)
 * writes dist/precompiled-templates.json with the built-in templates, in both
 * compile modes, keyed by the sha256 of the exact text the compiler would get
 * (images inlined). A template is taken from there only when its text is
 * byte for byte the one that was precompiled, by the same Handlebars version;
 * anything else (an edited built-in, a course's own template, no file) is
 * compiled as before. The file is deckhand's own build output, like dist/'s
 * modules, so evaluating it is running deckhand's code, not content.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type HandlebarsNs from 'handlebars';
import { PACKAGE_ROOT } from '../package-root.js';

export const PRECOMPILED_FILE = join(PACKAGE_ROOT, 'dist', 'precompiled-templates.json');

/** The compile options of every deckhand template; strict is what `check` renders with. */
export const compileOptions = (strict: boolean): CompileOptions => ({ noEscape: true, strict, preventIndent: true });

type CompileOptions = NonNullable<Parameters<typeof HandlebarsNs.compile>[1]>;

interface PrecompiledFile {
  handlebars: string;
  /** key (precompiledKey) → the template spec as JavaScript source. */
  specs: Record<string, string>;
}

export const precompiledKey = (text: string, strict: boolean): string =>
  createHash('sha256').update(`${strict ? 'strict' : 'loose'}\n${text}`).digest('hex');

/** What the build writes: every source in both modes. */
export function precompileSources(hb: typeof HandlebarsNs, sources: readonly string[]): PrecompiledFile {
  const specs: Record<string, string> = {};
  for (const text of sources) {
    for (const strict of [false, true]) specs[precompiledKey(text, strict)] = String(hb.precompile(text, compileOptions(strict)));
  }
  return { handlebars: hb.VERSION, specs };
}

let loaded: PrecompiledFile | null | undefined;

function precompiled(): PrecompiledFile | null {
  if (loaded === undefined) {
    try {
      loaded = JSON.parse(readFileSync(PRECOMPILED_FILE, 'utf8')) as PrecompiledFile;
    } catch {
      loaded = null; // not built (a checkout before build:ts): every template is compiled
    }
  }
  return loaded;
}

/** `text` as a template from the precompiled file, or undefined when it is not there (the caller compiles it). */
export function precompiledTemplate(hb: typeof HandlebarsNs, text: string, strict: boolean): HandlebarsTemplateDelegate | undefined {
  const file = precompiled();
  if (!file || file.handlebars !== hb.VERSION) return undefined;
  const spec = file.specs[precompiledKey(text, strict)];
  if (spec === undefined) return undefined;
  return hb.template(new Function(`return ${spec};`)() as ReturnType<typeof HandlebarsNs.precompile>);
}
