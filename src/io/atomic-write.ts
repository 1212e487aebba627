/**
 * Outputs are written to a temp file beside the target and renamed over it, so
 * a reader (or a second build) only ever sees the old file or the new one,
 * never half of one. Temp files still open when the process is interrupted are
 * removed by removePendingTempFiles().
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

const pending = new Set<string>();

/**
 * mkdir -p, one level at a time. Node's own recursive mkdir spins forever on
 * file systems that answer ENOENT for a folder they will never create (/proc).
 */
export function makeDir(dir: string): void {
  if (existsSync(dir)) return;
  const parent = dirname(dir);
  if (parent !== dir) makeDir(parent);
  mkdirSync(dir);
}

export function writeFileAtomic(file: string, data: string | Uint8Array): void {
  makeDir(dirname(file));
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  pending.add(temp);
  try {
    writeFileSync(temp, data);
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  } finally {
    pending.delete(temp);
  }
}

export function removePendingTempFiles(): void {
  for (const temp of pending) rmSync(temp, { force: true });
  pending.clear();
}
