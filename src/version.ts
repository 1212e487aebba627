import { readFileSync } from 'node:fs';

/** deckhand's own version, from package.json; stamped into every PDF and the manifest. */
export const DECKHAND_VERSION: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;
