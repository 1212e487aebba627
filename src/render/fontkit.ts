/**
 * @pdf-lib/fontkit, loaded once with require() instead of through the ESM
 * loader, which would first scan its 1.5 MB bundle with cjs-module-lexer for
 * named exports it does not have (see src/pdf/pdf-lib.ts). Every value import
 * of fontkit in src/ comes from here.
 */
import { createRequire } from 'node:module';
import type Fontkit from '@pdf-lib/fontkit';

const fontkit = createRequire(import.meta.url)('@pdf-lib/fontkit') as typeof Fontkit;
export default fontkit;
