import { EXIT } from '../errors.js';
import type { Terminal } from './terminal.js';
export function approveCommand(_dir: string, _options: object, terminal: Terminal): number {
  terminal.info('approve: not yet');
  return EXIT.usage;
}
