/**
 * Writes every copy of a batch, spread over worker threads sized to the
 * cores (each worker takes one contiguous share of the rows, so the plan and
 * base are posted once per worker, not once per rep). Small batches stay on
 * the calling thread: a worker costs more to start than a hundred copies.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
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
  /** Worker count, used as given; by default the cores, or none when the batch is too small to pay for them. 0 or 1 writes on this thread. */
  workers?: number;
}

export async function writeCopies(batch: Batch, options: WriteOptions): Promise<WrittenCopy[]> {
  mkdirSync(options.outDir, { recursive: true });
  const name = options.fileName ?? ((row: RepRow) => `${row.fileName}.pdf`);
  const jobs: CopyJob[] = batch.rows.map((row) => ({ rep: row.id, values: row.values, path: join(options.outDir, name(row)) }));
  const workers = Math.min(options.workers ?? Math.min(availableParallelism(), Math.floor(jobs.length / COPIES_PER_WORKER)), jobs.length);
  if (workers < 2) {
    const writer = new CopyWriter(batch.plan, batch.base, batch.date);
    return jobs.map((job) => writer.write(job));
  }
  const share = Math.ceil(jobs.length / workers);
  const parts = Array.from({ length: workers }, (_, i) => jobs.slice(i * share, (i + 1) * share));
  const results = await Promise.all(parts.map((part) => runWorker({ plan: batch.plan, base: batch.base, date: batch.date, jobs: part })));
  return results.flat();
}

/**
 * From dist/ the worker is plain JS. From the TypeScript sources (tests,
 * bench) it is loaded through a two-line bootstrap that registers tsx in the
 * worker first: Node passes no --import loader to worker threads.
 */
function startWorker(input: WorkerInput): Worker {
  if (!import.meta.url.endsWith('.ts')) return new Worker(new URL('./copy-worker.js', import.meta.url), { workerData: input });
  // The ES module build of tsx's API (require.resolve would give its CommonJS build).
  const tsxDir = dirname(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsx = pathToFileURL(join(tsxDir, 'dist/esm/api/index.mjs')).href;
  const worker = new URL('./copy-worker.ts', import.meta.url).href;
  const bootstrap = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(worker)}); });`;
  return new Worker(bootstrap, { eval: true, workerData: input });
}

function runWorker(input: WorkerInput): Promise<WrittenCopy[]> {
  return new Promise((resolve, reject) => {
    const worker = startWorker(input);
    worker.once('message', (out: WorkerOutput) => (out.ok ? resolve(out.copies) : reject(new Error(out.message))));
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (code !== 0) reject(new Error(`a personalisation worker stopped with exit code ${code}`));
    });
  });
}
