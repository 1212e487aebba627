/**
 * DECKHAND_TRACE=1: a timeline of the run (milliseconds since node started) on
 * stderr at exit, to see where a build's time goes. Costs nothing when unset.
 */
import { performance } from 'node:perf_hooks';

const TIMELINE = Symbol.for('deckhand.trace');

const enabled = Boolean(process.env.DECKHAND_TRACE);
// One timeline per process: bin/ marks through dist/trace.js, the bundled CLI through its own copy of this module.
const shared = globalThis as Record<symbol, string[] | undefined>;
const firstCopy = !shared[TIMELINE];
const marks: string[] = (shared[TIMELINE] ??= []);

export function mark(label: string): void {
  if (enabled) marks.push(`${performance.now().toFixed(0).padStart(6)} ms  ${label}`);
}

const mib = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MiB`;

if (enabled && firstCopy) {
  process.once('exit', () => {
    const m = process.memoryUsage();
    const memory = `memory: peak RSS ${mib(process.resourceUsage().maxRSS * 1024)}; now RSS ${mib(m.rss)}, heap ${mib(m.heapUsed)} of ${mib(m.heapTotal)}, external ${mib(m.external)} (array buffers ${mib(m.arrayBuffers)})`;
    process.stderr.write(`[trace]\n${marks.join('\n')}\n${memory}\n`);
  });
}
