import { defineConfig } from 'vitest/config';

/**
 * Three projects:
 * - `pglite`: unit tests beside the code and the HTTP integration suite on embedded PGlite (always);
 * - `postgres`: the same integration suite on a PostgreSQL server (when DATABASE_URL is set);
 * - `e2e`: the console in Debian's Chromium.
 */
export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'pglite',
          include: ['src/**/*.test.ts', 'test/integration/**/*.test.ts', 'test/cli/**/*.test.ts'],
          env: { WAYLINE_TEST_DB: 'pglite' },
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: ['test/integration/**/*.test.ts'],
          env: { WAYLINE_TEST_DB: 'postgres' },
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          env: { WAYLINE_TEST_DB: 'pglite' },
          globalSetup: ['test/helpers/global-setup.ts'],
          fileParallelism: false,
        },
      },
    ],
  },
});
