/**
 * An approval covers one version: content that changed since the last approval
 * must carry a new `document.version`, or two different approved PDFs would
 * share one code and version. The approved version is read from the snapshot
 * (approval.json), which holds the approved canonical content.
 */
import type { Course } from '../content/schema.js';
import type { ApprovalSnapshot } from './snapshot.js';

export interface VersionStall {
  /** The version the last approval covered, still written in course.yaml. */
  version: string;
  approvedOn: string;
  /** The version to set: the last number raised by one ("1.0" → "1.1"). */
  suggested: string;
}

/** Content changed since the last approval while document.version stayed the same; undefined otherwise. */
export function versionStall(course: Course, fingerprint: string, snapshot: ApprovalSnapshot | undefined): VersionStall | undefined {
  if (!snapshot || snapshot.fingerprint === fingerprint) return undefined;
  const approved = (snapshot.canonical.content as { document?: { version?: unknown } } | undefined)?.document?.version;
  if (typeof approved !== 'string' || approved !== course.document.version) return undefined;
  return { version: approved, approvedOn: snapshot.approvedOn, suggested: nextVersion(approved) };
}

export function nextVersion(version: string): string {
  const parts = version.split('.').map(Number);
  parts[parts.length - 1] = (parts.at(-1) ?? 0) + 1;
  return parts.join('.');
}

export function versionStallMessage(stall: VersionStall): string {
  return `the content changed since the approval on ${stall.approvedOn} but document.version is still "${stall.version}"; set document.version to "${stall.suggested}" before it is approved again (or approve with --same-version "reason" to keep "${stall.version}")`;
}
