/**
 * The approved snapshot: `approval.json` beside course.yaml. It keeps the
 * canonical content that was signed off, so a stale approval can name the
 * fields and assets that changed since.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Canonical } from './canonical.js';

export const SNAPSHOT_FILE = 'approval.json';

export interface ApprovalSnapshot {
  fingerprint: string;
  approvedOn: string;
  canonical: Canonical;
  /** Set when this approval kept the previous approval's version on purpose (`approve --same-version "reason"`). */
  sameVersion?: { version: string; reason: string; replaces: string };
  /** What each sign-off bound (see binding.ts), so an edit after approval can be named. */
  reviewers?: { name: string; role: string; date: string; expires: string; binding: string }[];
}

/** approval.json for the base edition; editions/<edition>.approval.json for an edition overlay. */
export const snapshotFileFor = (edition: string): string => (edition === 'base' ? SNAPSHOT_FILE : `editions/${edition}.approval.json`);

export function readSnapshot(courseDir: string, name = SNAPSHOT_FILE): ApprovalSnapshot | undefined {
  const file = join(courseDir, name);
  if (!existsSync(file)) return undefined;
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<ApprovalSnapshot>;
    if (typeof data.fingerprint === 'string' && typeof data.approvedOn === 'string' && data.canonical) return data as ApprovalSnapshot;
  } catch {
    // A damaged snapshot only loses the list of changed fields; the fingerprint check still holds.
  }
  return undefined;
}

export function snapshotJson(snapshot: ApprovalSnapshot): string {
  return `${JSON.stringify(snapshot, null, 2)}\n`;
}
