/** What a build can produce for one course, where it goes, and which template files each kind depends on. */
import { join } from 'node:path';

export const TARGET_KINDS = ['deck-md', 'deck-html', 'deck-pdf', 'handout-pdf'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

const FILE_SUFFIX: Record<TargetKind, string> = {
  'deck-md': 'deck.md',
  'deck-html': 'deck.html',
  'deck-pdf': 'deck.pdf',
  'handout-pdf': 'handout.pdf',
};

export function targetFile(outDir: string, course: string, kind: TargetKind): string {
  return join(outDir, course, `${course}.${FILE_SUFFIX[kind]}`);
}

export const needsBrowser = (kind: TargetKind) => kind === 'deck-pdf' || kind === 'handout-pdf';

/** Template files (relative to a templates root) that a kind reads. Shared partials count for every kind. */
export function templateDependsOn(kind: TargetKind, theme: string, rel: string): boolean {
  const deck = rel === 'deck.md.hbs' || rel.startsWith('partials/deck/') || rel === `themes/${theme}.css`;
  const shell = rel.startsWith('deck-shell/');
  const handout = rel === 'handout.html.hbs' || rel.startsWith('partials/handout/') || rel === 'themes/handout.css';
  const shared = rel.startsWith('partials/') && !rel.startsWith('partials/deck/') && !rel.startsWith('partials/handout/');
  switch (kind) {
    case 'deck-md':
      return deck || shared;
    case 'deck-html':
      return deck || shell || shared;
    case 'deck-pdf':
      return deck || shared;
    case 'handout-pdf':
      return handout || shared;
  }
}

/** Stable 1/n of the targets for CI matrices: by a hash of course and kind, so adding a course moves nothing else. */
export function inShard(target: { course: string; kind: TargetKind }, shard: { index: number; count: number }): boolean {
  let h = 2166136261;
  for (const c of `${target.course}/${target.kind}`) h = Math.imul(h ^ (c.codePointAt(0) ?? 0), 16777619) >>> 0;
  return h % shard.count === shard.index - 1;
}
