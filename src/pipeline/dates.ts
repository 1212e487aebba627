/**
 * Dates that reach an output never come from the wall clock:
 * SOURCE_DATE_EPOCH if set, else the last git commit that touched the course,
 * else the course file's mtime.
 *
 * The review-expiry check is a decision about today, so it uses today's date
 * unless SOURCE_DATE_EPOCH pins it (reproducible builds of old releases).
 */
import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { usageError } from '../errors.js';

export function parseEpoch(value: string): Date {
  if (!/^\d{1,12}$/.test(value.trim())) throw usageError(`SOURCE_DATE_EPOCH must be whole seconds since 1970, not "${value}"`);
  return new Date(Number(value.trim()) * 1000);
}

export function sourceDate(courseDir: string, env: NodeJS.ProcessEnv = process.env): { date: Date; from: string } {
  if (env.SOURCE_DATE_EPOCH) return { date: parseEpoch(env.SOURCE_DATE_EPOCH), from: 'SOURCE_DATE_EPOCH' };
  try {
    const out = execFileSync('git', ['log', '-1', '--format=%ct', '--', '.'], { cwd: courseDir, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    if (/^\d+$/.test(out)) return { date: new Date(Number(out) * 1000), from: 'git' };
  } catch {
    // Not a git checkout, or git missing: fall through to the file time.
  }
  const mtime = statSync(join(courseDir, 'course.yaml')).mtime;
  return { date: new Date(Math.floor(mtime.getTime() / 1000) * 1000), from: 'mtime' };
}

/** YYYY-MM-DD (UTC). */
export const isoDay = (date: Date) => date.toISOString().slice(0, 10);

export function reviewDay(env: NodeJS.ProcessEnv = process.env, now: () => Date = () => new Date()): string {
  return isoDay(env.SOURCE_DATE_EPOCH ? parseEpoch(env.SOURCE_DATE_EPOCH) : now());
}
