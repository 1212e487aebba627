/**
 * Writing copies: each file is written to a temp name beside its target and
 * renamed over it, as three writes (base, shared prefix, per-rep tail) with
 * no copy of the base per rep. The sha256 of base + prefix is computed once
 * and each copy's hash continues from it.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, openSync, renameSync, rmSync, writevSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { BasePlan } from './base-plan.js';
import { copyTail } from './copy-writer.js';

export interface CopyJob {
  rep: string;
  values: Record<string, string>;
  /** Absolute path of the copy. */
  path: string;
}

export interface WrittenCopy {
  rep: string;
  path: string;
  sha256: string;
  bytes: number;
}

export class CopyWriter {
  private readonly shared: Hash;

  constructor(
    private readonly plan: BasePlan,
    private readonly base: Uint8Array,
    private readonly date: string,
  ) {
    this.shared = createHash('sha256').update(base).update(plan.prefix);
  }

  write(job: CopyJob): WrittenCopy {
    const tail = copyTail(this.plan, job, this.date);
    const temp = join(dirname(job.path), `.${basename(job.path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    const fd = openSync(temp, 'w');
    try {
      writevSync(fd, [this.base, this.plan.prefix, tail]);
    } catch (error) {
      closeSync(fd);
      rmSync(temp, { force: true });
      throw error;
    }
    closeSync(fd);
    renameSync(temp, job.path);
    return { rep: job.rep, path: job.path, sha256: this.shared.copy().update(tail).digest('hex'), bytes: this.base.length + this.plan.prefix.length + tail.length };
  }
}
