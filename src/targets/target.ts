/**
 * What an output kind is: one module per kind declares its kind, file suffix,
 * whether it needs the browser, how its bytes are produced and which PDF
 * phases they then go through. The pipeline knows nothing else about kinds.
 */
import type { CompiledDeck, CompiledHandout, CompileInput } from '../compile/compile.js';
import type { InterfaceText } from '../compile/interface-text.js';
import type { DocumentStamp } from '../compile/stamp-text.js';
import type { Edition } from '../content/edition.js';
import type { CertificationRequest } from '../pdf/decorate.js';
import type { PdfPhase, PhaseRequests } from '../pdf/phases.js';
import type { CourseView } from '../render/course-view.js';
import type { TemplateSet } from '../render/template-set.js';

/** What produce makes, before any PDF phase. */
export interface Product {
  bytes: Uint8Array;
  pages?: number;
  /** Template files (rel paths) read to make it: the target's recorded dependencies. */
  reads: readonly string[];
}

export interface BuildSettings {
  /** Press bleed in points. */
  bleed?: number;
}

/** Everything a target may use; compiled parts and other targets' products are made once per edition. */
export interface ProduceContext {
  edition: Edition;
  input: CompileInput;
  templates: TemplateSet;
  text: InterfaceText;
  settings: BuildSettings;
  /** The course view (interface text applied), made once per edition. */
  view(): CourseView;
  deck(): CompiledDeck;
  handout(): CompiledHandout;
  /** Stamp text and record for a printed document of kind `kind`. */
  stamp(kind: string): DocumentStamp;
  /** Prints HTML in the build's one browser (retried once if Chromium dies). */
  print(html: string, what: string): Promise<Uint8Array>;
  /**
   * Another target's product for this edition, before its PDF phases, made at
   * most once per build (e.g. notes pages impose the printed deck PDF).
   */
  product(kind: string): Promise<Product>;
  /** The certification block for the document-control page, in the area `box` the target's template keeps free. */
  certification(box: CertificationRequest['box']): CertificationRequest;
}

export interface Target {
  kind: string;
  /** File name suffix: output/<course>/<course>[.<edition>].<suffix>. */
  suffix: string;
  /** Needs Chromium (its identity becomes part of the cache key). */
  browser: boolean;
  /** Built only when asked for by kind (`--only`, or `--layout` for slide handouts), not by default. */
  onRequest?: boolean;
  /**
   * A name part for outputs built with non-default settings (another paper size, bleed), so they
   * do not overwrite the default file: `<course>.handout-letter.pdf`. Undefined for the default.
   */
  variant?(input: CompileInput, settings: BuildSettings): string | undefined;
  /** Settings that change the output, as a cache-key component ("options"). */
  options?(input: CompileInput, settings: BuildSettings): string;
  produce(ctx: ProduceContext): Promise<Product>;
  /** For PDFs: the phases the product goes through, in order, and their requests. */
  pdf?: { phases: readonly PdfPhase[]; requests(ctx: ProduceContext, product: Product): PhaseRequests };
}
