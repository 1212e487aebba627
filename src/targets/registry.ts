/**
 * The output kinds a build knows, in report order. `--only`, the JSON report,
 * the manifest and the cache all come from here. Adding a kind: one module
 * (see target.ts) and one line below; the API also takes extra targets.
 */
import { deckHtml } from './deck-html.js';
import { deckMd } from './deck-md.js';
import { deckPdf } from './deck-pdf.js';
import { deckPptx } from './deck-pptx.js';
import { deckPublicHtml } from './deck-public-html.js';
import { handoutPdf } from './handout-pdf.js';
import { notesPdf } from './notes-pdf.js';
import { SLIDE_HANDOUTS } from './slides-handout.js';
import type { Target } from './target.js';

export const BUILTIN_TARGETS: readonly Target[] = [
  deckMd,
  deckHtml,
  deckPdf,
  handoutPdf,
  deckPublicHtml,
  deckPptx,
  notesPdf,
  ...SLIDE_HANDOUTS,
];

/** A registry: the built-in targets plus any extra ones, kinds unique. */
export class TargetRegistry {
  readonly targets: readonly Target[];
  private readonly byKind: Map<string, Target>;

  constructor(extra: readonly Target[] = [], base: readonly Target[] = BUILTIN_TARGETS) {
    this.targets = [...base, ...extra];
    this.byKind = new Map();
    for (const t of this.targets) {
      if (this.byKind.has(t.kind)) throw new Error(`two targets declare the kind "${t.kind}"`);
      this.byKind.set(t.kind, t);
    }
  }

  get kinds(): string[] {
    return this.targets.map((t) => t.kind);
  }

  /** What a build makes when no kinds are named: all but the on-request ones. */
  get defaultKinds(): string[] {
    return this.targets.filter((t) => !t.onRequest).map((t) => t.kind);
  }

  get(kind: string): Target {
    const t = this.byKind.get(kind);
    if (!t) throw new Error(`unknown output kind "${kind}"; known: ${this.kinds.join(', ')}`);
    return t;
  }

  has(kind: string): boolean {
    return this.byKind.has(kind);
  }

  /** Report order. */
  order(kind: string): number {
    return this.kinds.indexOf(kind);
  }

  /** Parses a comma-separated `--only` list; undefined names the bad entries. */
  parseOnly(list: string): { kinds: string[] } | { bad: string[] } {
    const kinds = list.split(',').map((k) => k.trim()).filter(Boolean);
    const bad = kinds.filter((k) => !this.has(k));
    return bad.length || kinds.length === 0 ? { bad } : { kinds };
  }
}
