/** Running the CLI in the background, for tests that interrupt it. */
import { spawn } from 'node:child_process';
import { CLI, EPOCH } from './fixtures.js';

export interface Running {
  pid: number;
  kill(signal: NodeJS.Signals): void;
  done: Promise<{ status: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

export function startCli(args: string[], options: { cwd: string; env?: Record<string, string> }): Running {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, NO_COLOR: '1', SOURCE_DATE_EPOCH: EPOCH, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return {
    pid: child.pid ?? -1,
    kill: (signal) => child.kill(signal),
    done: new Promise((resolve) => child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }))),
  };
}
