/**
 * Keeps a long build's peak memory flat in the number of courses. What a build
 * keeps alive does not grow with the courses (about 70 MiB of live heap at 10
 * and at 50 courses), but V8 lets garbage pile up for longer the longer a run
 * lasts, so the peak RSS still rose with every course. A full collection every
 * `every` outputs bounds it; each costs tens of milliseconds.
 *
 * Node 20 has no API for this: V8's --expose-gc flag is switched on at run time
 * and the gc function taken from a fresh context (the documented V8 way).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export function heapCollector(every: number): () => void {
  let gc: (() => void) | undefined;
  try {
    setFlagsFromString('--expose-gc');
    gc = runInNewContext('gc') as () => void;
  } catch {
    gc = undefined;
  }
  let count = 0;
  return () => {
    if (gc && ++count % every === 0) gc();
  };
}
