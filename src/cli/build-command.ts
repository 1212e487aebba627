import { EXIT } from '../errors.js';
import type { Terminal } from './terminal.js';
export async function buildCommand(_dirs: string[], _options: Record<string, unknown>, terminal: Terminal): Promise<number> {
  terminal.info('build: not yet');
  return EXIT.ok;
}
