/** The `build --json` object: one per run, outputs in registry order (see build.ts). */
import type { BuildResult } from './build.js';

export interface BuildReport {
  ok: boolean;
  outputs: BuildResult['outputs'];
  errors: BuildResult['errors'];
  warnings: string[];
  manifest: string | null;
  browserLaunches: number;
}

export const buildReport = (result: BuildResult): BuildReport => ({
  ok: result.ok,
  outputs: result.outputs,
  errors: result.errors,
  warnings: result.warnings,
  manifest: result.manifest ?? null,
  browserLaunches: result.browserLaunches,
});
