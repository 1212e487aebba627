import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // Removes the temp folders each file made (tests/support/fixtures.ts tempDir).
    setupFiles: ['tests/support/cleanup.ts'],
    // Browser tests dominate; two workers match the two cores CI has.
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
