/**
 * Ctrl-C and SIGTERM during a build: say so, stop Chromium (through the abort
 * signal, and the exit hook of a prestarted one), remove partial files, and
 * exit 128 + the signal number (130, 143, 129). Installed before anything is started, Chromium included,
 * so a signal that arrives while the build code still loads loses nothing.
 */
import { removePendingTempFiles } from '../io/atomic-write.js';
import type { Terminal } from './terminal.js';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

export interface Interrupt {
  signal: AbortSignal;
  dispose(): void;
}

export function onInterrupt(terminal: Terminal): Interrupt {
  const abort = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    terminal.error(`interrupted by ${signal}; stopping Chromium and removing partial files`);
    abort.abort(new Error(`interrupted by ${signal}`));
    removePendingTempFiles();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
  };
  // SIGHUP too: a closed terminal would otherwise end node without its exit hooks, and leave Chromium running.
  for (const name of SIGNALS) process.once(name, onSignal);
  return {
    signal: abort.signal,
    dispose() {
      for (const name of SIGNALS) process.off(name, onSignal);
    },
  };
}
