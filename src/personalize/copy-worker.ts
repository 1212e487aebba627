/** Worker thread: writes its share of a batch's copies and posts back what it wrote. */
import { parentPort, workerData } from 'node:worker_threads';
import type { BasePlan } from './base-plan.js';
import { CopyWriter, type CopyJob, type WrittenCopy } from './copy-files.js';

export interface WorkerInput {
  plan: BasePlan;
  base: Uint8Array;
  date: string;
  jobs: CopyJob[];
}

export type WorkerOutput = { ok: true; copies: WrittenCopy[] } | { ok: false; message: string };

const input = workerData as WorkerInput;
let output: WorkerOutput;
try {
  const writer = new CopyWriter(input.plan, input.base, input.date);
  output = { ok: true, copies: input.jobs.map((job) => writer.write(job)) };
} catch (error) {
  output = { ok: false, message: (error as Error).message };
}
parentPort?.postMessage(output);
