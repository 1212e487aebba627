/**
 * Chromium started before the build has loaded. The CLI calls
 * prestartChromium() as soon as it knows something is likely to print, and the
 * build's session takes that process (takePrestarted) instead of spawning its
 * own, so Chromium boots on the other core while node imports and renders.
 * A prestarted browser that nobody takes is killed when the build says so
 * (discardPrestarted) or, at the latest, when node exits.
 */
import { killChromium, spawnChromium, type ChromiumProcess } from './chromium-process.js';
import { findBrowser } from './find-browser.js';
import { mark } from '../trace.js';

interface Prestarted {
  executablePath: string;
  chromium: ChromiumProcess;
  state: 'waiting' | 'taken' | 'discarded';
}

let prestarted: Promise<Prestarted | undefined> | undefined;

/** Spawns Chromium now, once per process; without a browser it does nothing (the build reports that when it needs one). */
export function prestartChromium(env: NodeJS.ProcessEnv = process.env): void {
  prestarted ??= findBrowser(env).then(
    ({ executablePath }) => {
      const entry: Prestarted = { executablePath, chromium: spawnChromium(executablePath, env), state: 'waiting' };
      mark('chromium prestarted');
      process.once('exit', () => {
        if (entry.state === 'waiting') killChromium(entry.chromium);
      });
      return entry;
    },
    () => undefined,
  );
}

/** The prestarted Chromium, if there is one waiting and it is the executable the session would start. */
export async function takePrestarted(executablePath: string): Promise<ChromiumProcess | undefined> {
  const entry = await prestarted;
  if (!entry || entry.state !== 'waiting' || entry.executablePath !== executablePath) return undefined;
  entry.state = 'taken';
  return entry.chromium;
}

/** Kills a prestarted Chromium nobody took; says whether there was one (it counts as a launch). */
export async function discardPrestarted(): Promise<boolean> {
  const entry = await prestarted;
  if (!entry || entry.state !== 'waiting') return false;
  entry.state = 'discarded';
  killChromium(entry.chromium);
  return true;
}
