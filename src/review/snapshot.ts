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
  /** What each sign-off bound (see binding.ts), so an edit after approval can be named. */
  reviewers?: { name: string; role: string; date: string; expires: string; binding: string }[];
}

export function readSnapshot(courseDir: string): ApprovalSnapshot | undefined {
  const file = join(courseDir, SNAPSHOT_FILE);
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
