/**
 * Runs in every test file (vitest setupFiles): whatever tempDir() made is removed
 * when the file is done, also when a test failed or never reached its own cleanup.
 */
import { afterAll } from 'vitest';
import { removeTempDirs } from './fixtures.js';

afterAll(() => removeTempDirs());
