/**
 * The handout a personalisation stamps: the one `deckhand build` wrote for
 * this edition, and only if it is approved and current. Current means the
 * build would not rebuild it for a reason that concerns the course: its
 * content, review, date and the templates it read (the slot declaration
 * among them) are as recorded in the build cache, and the file is the one the
 * cache recorded. Which Chromium printed it, and which deckhand did, do not
 * make a reviewed handout stale. Independently of the cache, the file's own
 * record must name the course's current fingerprint, its pages must be intact,
 * and it must say it was built from approved content.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { Diagnostic } from '../content/diagnostic.js';
import { displayPath } from '../content/load-course.js';
import { TargetRegistry } from '../targets/registry.js';
import { readCache } from './cache.js';
import type { PreparedCourse } from './prepare-course.js';
import { planTargets, targetFile, type TargetContext } from './run-targets.js';
import { verifyPdf } from './verify.js';

export const HANDOUT_KIND = 'handout-pdf';

/** Reasons a build gives that say nothing about the course itself. */
const NOT_THE_COURSE = new Set(['browser changed', 'deckhand changed', 'options changed', 'archive changed', 'sign changed', '--release rebuilds: a release never trusts the cache']);

export interface ApprovedHandout {
  file: string;
  bytes: Uint8Array;
  sha256: string;
}

export type HandoutLookup = { ok: true; handout: ApprovedHandout } | { ok: false; diagnostics: Diagnostic[] };

export async function approvedHandout(course: PreparedCourse, outDir: string, cwd: string, today: string): Promise<HandoutLookup> {
  const registry = new TargetRegistry();
  const target = registry.get(HANDOUT_KIND);
  const file = targetFile(outDir, course, target);
  const shown = displayPath(file, cwd);
  const hint = (verb: string) => `${verb} it with: deckhand build ${displayPath(course.loaded.dir, cwd)} --only ${HANDOUT_KIND} --out ${displayPath(outDir, cwd)}`;
  const at = (path: (string | number)[], message: string): HandoutLookup => {
    const pos = path.length ? course.loaded.sourceMap.positionOf(path) : { line: 1, column: 1 };
    return { ok: false, diagnostics: [{ file: course.loaded.file, line: pos.line, column: pos.column, path: path.length ? path.join('.') : '(handout)', message }] };
  };

  if (!course.state.approved) {
    const path = course.state.changed.length > 0 ? ['review', 'reviewers'] : ['review', 'status'];
    return at(path, `cannot be personalised: course "${course.id}" is not approved (${course.state.reasons.join('; ')}). Personalised copies are made only from an approved handout: sign the course off with deckhand approve, then ${hint('build')}`);
  }

  if (!existsSync(file)) return at([], `has no built handout to personalise: ${shown} does not exist; ${hint('build')}`);
  const entry = readCache(join(outDir, course.id))[course.edition.edition]?.[HANDOUT_KIND];
  const ctx: TargetContext = {
    outDir,
    cwd,
    force: false,
    settings: {},
    registry,
    browser: {
      session: () => Promise.reject(new Error('personalisation prints nothing')),
      connected: () => Promise.resolve(),
      // Not judged here (see NOT_THE_COURSE): the identity the cache recorded.
      identity: () => Promise.resolve(entry?.key.browser ?? ''),
      release: () => {},
      warn: () => {},
    },
    onOutput: () => {},
  };
  const [plan] = await planTargets(course, entry ? { [course.edition.edition]: { [HANDOUT_KIND]: entry } } : {}, [target], ctx);
  const reasons = (plan?.reasons ?? []).filter((r) => !NOT_THE_COURSE.has(r));
  if (reasons.includes('not built before')) return at([], `has a handout whose currency cannot be told: ${shown} is not in the build cache of ${displayPath(outDir, cwd)} (copied in, or built elsewhere); ${hint('rebuild')}`);
  if (reasons.length > 0) return at([], `has a handout that is stale against the course (${reasons.join(', ')}): ${shown}; ${hint('rebuild')}`);

  // Approval was decided above from the course; the file itself must be intact deckhand output.
  const verdict = await verifyPdf(file, undefined, today, { integrityOnly: true });
  const problems = [...verdict.problems];
  if (verdict.record && verdict.record.contentFingerprint !== course.fingerprint) problems.push(`it was built from ${verdict.record.contentFingerprint}, the course is now ${course.fingerprint}`);
  if (verdict.record && verdict.record.kind !== HANDOUT_KIND) problems.push(`it is a ${verdict.record.kind}, not a ${HANDOUT_KIND}`);
  if (problems.length > 0) return at([], `has a handout that cannot be personalised: ${shown}: ${problems.join('; ')}; ${hint('rebuild')}`);

  const bytes = new Uint8Array(readFileSync(file));
  return { ok: true, handout: { file, bytes, sha256: createHash('sha256').update(bytes).digest('hex') } };
}
