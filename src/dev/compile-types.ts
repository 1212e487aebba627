/** What `deckhand dev` needs from a compile: the pages to serve, or the problems to show. */
import type { Diagnostic } from '../content/diagnostic.js';

export interface DevPages {
  /** The self-contained presentation HTML (the presenter view is the same page with ?view=presenter). */
  deck: string;
  /** The handout as HTML, for a preview without printing. */
  handout: string;
}

export type DevPart = keyof DevPages;

/** `rebuilt` names the pages this compile actually re-rendered (the rest were unchanged). */
export type DevCompileResult = { pages: DevPages; rebuilt?: DevPart[] } | { diagnostics: Diagnostic[] };

/** Compiles one edition of a course without a browser. Must not throw for bad content; may throw for bugs. */
export type DevCompile = (courseDir: string, edition: string | undefined) => Promise<DevCompileResult>;
