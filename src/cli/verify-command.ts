import { EXIT } from '../errors.js';
import type { Terminal } from './terminal.js';
export async function verifyCommand(_pdf: string, _dir: string | undefined, _options: object, terminal: Terminal): Promise<number> {
  terminal.info('verify: not yet');
  return EXIT.usage;
}
