/**
 * The Node suite, as two projects: `node` (everything, SQLite) and `postgres` (the store contract,
 * the PostgreSQL driver's own tests and the route tests that touch the store, again on PostgreSQL:
 * a throwaway server is started for the run unless HOOKGATE_TEST_DATABASE_URL names one). The
 * `postgres` project is left out only when HOOKGATE_TEST_NO_POSTGRES=1 is set explicitly.
 */
import { defineConfig } from 'vitest/config';

/** Tests that need PostgreSQL whatever the project: they run in `postgres` only. */
const POSTGRES_ONLY = ['test/postgres/**/*.test.ts'];

/** Route tests that read and write the store through the API: run on both stores, unchanged. */
const ON_BOTH_STORES = [
  'test/routes/events*.test.ts',
  'test/routes/prefect-filters.test.ts',
  'test/routes/hooks-*.test.ts',
  'test/routes/webhooks*.test.ts',
  'test/routes/replay.test.ts',
  'test/routes/cloudevents.test.ts',
  'test/ui/feed.test.ts',
  'test/routes/sinks.test.ts',
  'test/routes/audit*.test.ts',
];

const withPostgres = process.env.HOOKGATE_TEST_NO_POSTGRES !== '1';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['test/**/*.test.ts'],
          exclude: ['test/workers/**', 'node_modules/**', ...POSTGRES_ONLY],
        },
      },
      ...(withPostgres
        ? [
            {
              extends: true as const,
              test: {
                name: 'postgres',
                include: [...POSTGRES_ONLY, ...ON_BOTH_STORES],
                env: { HOOKGATE_TEST_STORE: 'postgres' },
                globalSetup: ['test/helpers/postgres-setup.ts'],
              },
            },
          ]
        : []),
    ],
  },
});
