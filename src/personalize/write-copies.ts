/**
 * Writes every copy of a batch, spread over worker threads sized to the
 * cores (each worker takes one contiguous share of the rows, so the plan and
 * base are posted once per worker, not once per rep). Small batches stay on
 * the calling thread: a worker costs more to start than a hundred copies.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Batch } from './batch.js';
import { CopyWriter, type CopyJob, type WrittenCopy } from './copy-files.js';
import type { WorkerInput, WorkerOutput } from './copy-worker.js';
import type { RepRow } from './reps-csv.js';

/** Below this many copies per worker, the pool is not worth starting. */
export const COPIES_PER_WORKER = 150;

export interface WriteOptions {
  outDir: string;
  /** File name of a row's copy; `<row.fileName>.pdf` by default. */
  fileName?: (row: RepRow) => string;
  /** Worker count; by default the cores, fewer for small batches; 0 writes on this thread. */
  workers?: number;
}

export async function writeCopies(batch: Batch, options: WriteOptions): Promise<WrittenCopy[]> {
  mkdirSync(options.outDir, { recursive: true });
  const name = options.fileName ?? ((row: RepRow) => `${row.fileName}.pdf`);
  const jobs: CopyJob[] = batch.rows.map((row) => ({ rep: row.id, values: row.values, path: join(options.outDir, name(row)) }));
  const workers = Math.min(options.workers ?? availableParallelism(), Math.floor(jobs.length / COPIES_PER_WORKER));
  if (workers < 2) {
    const writer = new CopyWriter(batch.plan, batch.base, batch.date);
    return jobs.map((job) => writer.write(job));
  }
  const share = Math.ceil(jobs.length / workers);
  const parts = Array.from({ length: workers }, (_, i) => jobs.slice(i * share, (i + 1) * share));
  const results = await Promise.all(parts.map((part) => runWorker({ plan: batch.plan, base: batch.base, date: batch.date, jobs: part })));
  return results.flat();
}

function workerUrl(): { url: URL; execArgv: string[] } {
  // From the TypeScript sources (tests, bench) the worker needs tsx to load; from dist/ it is plain JS.
  const fromSource = import.meta.url.endsWith('.ts');
  return { url: new URL(`./copy-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url), execArgv: fromSource ? ['--import', 'tsx'] : [] };
}

function runWorker(input: WorkerInput): Promise<WrittenCopy[]> {
  const { url, execArgv } = workerUrl();
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: input, execArgv });
    worker.once('message', (out: WorkerOutput) => (out.ok ? resolve(out.copies) : reject(new Error(out.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a personalisation worker stopped with exit code ${code}`));
    });
  });
}
