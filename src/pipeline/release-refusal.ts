/**
 * The `--release` refusal: one diagnostic per course, at the line to look at
 * (the first changed field, else the review status), saying exactly what to do.
 * It is printed once; the course event only says "refused".
 */
import type { Diagnostic } from '../content/diagnostic.js';
import { displayPath } from '../content/load-course.js';
import type { FieldPath } from '../content/yaml-positions.js';
import { nextVersion } from '../review/version-check.js';
import type { PreparedCourse } from './prepare-course.js';

export function releaseRefusal(course: PreparedCourse, cwd: string): Diagnostic {
  const { state, loaded } = course;
  const c = loaded.course;
  const dir = displayPath(loaded.dir, cwd);
  const flag = course.overlay ? ` --edition ${course.edition.edition}` : '';
  const approveCmd = (expires: boolean) => `deckhand approve ${dir}${flag} --reviewer "Name" --role "Role"${expires ? ' --expires YYYY-MM-DD' : ''}`;
  let at: FieldPath = ['review', 'status'];
  let advice: string;
  if (c.review.status === 'draft' && c.review.reviewers.length === 0) {
    advice = `it is a draft nobody has signed off yet. When it has been reviewed, record the sign-off with: ${approveCmd(true)}; then run build --release again`;
  } else if (state.changed.length > 0 || state.draft?.reason === 'changed') {
    // An edition's lines are in its overlay file, which does not mirror the base's lists: point at its review block.
    at = (course.overlay ? undefined : state.changedFields[0]) ?? ['review', 'reviewers'];
    const version = course.versionStall ? ` set document.version to "${course.versionStall.suggested}" (it is still "${c.document.version}"),` : '';
    advice = `${state.reasons.join('; ')}. Have the changes reviewed,${version} then sign off again with: ${approveCmd(false)}`;
    if (!course.versionStall && state.changed.length > 0) advice += ` (document.version is "${c.document.version}"; the next would be "${nextVersion(c.document.version)}" if this one was already released)`;
  } else if (state.draft?.reason === 'expired') {
    at = ['review', 'expires'];
    advice = `${state.reasons.join('; ')}. Once the content has been reviewed again, renew the sign-off with: ${approveCmd(true)}`;
  } else {
    advice = `${state.reasons.join('; ')}. When the review is complete, sign it off with: ${approveCmd(c.review.expires === undefined)}`;
  }
  const pos = loaded.sourceMap.positionOf(at);
  return { file: loaded.file, line: pos.line, column: pos.column, path: formatAt(at, c), message: `release refused for course "${course.id}"${course.overlay ? ` edition "${course.edition.edition}"` : ''}: ${advice}` };
}

function formatAt(path: FieldPath, data: unknown): string {
  let node = data as Record<string | number, unknown> | undefined;
  return path.reduce<string>((out, part) => {
    const item = node?.[part] as Record<string, unknown> | undefined;
    const id = typeof part === 'number' && item && typeof item.id === 'string' ? item.id : undefined;
    node = item;
    if (typeof part === 'number') return `${out}[${id ? `id=${id}` : part}]`;
    return out ? `${out}.${part}` : part;
  }, '');
}
