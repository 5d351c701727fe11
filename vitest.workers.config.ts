/**
 * The Workers suite: tests that run inside workerd (the real Workers runtime) with a real local
 * D1 database, through @cloudflare/vitest-pool-workers. `npm test` runs it after the Node suite.
 */
import { fileURLToPath } from 'node:url';
import { cloudflareTest, readD1Migrations } from '@cloudflare/vitest-pool-workers';
import { defineConfig } from 'vitest/config';

export const WORKERS_TEST_TOKEN = 'workers-test-admin-token-0123456789';

export default defineConfig({
  plugins: [
    cloudflareTest(async () => ({
      main: './src/worker.ts',
      wrangler: { configPath: './wrangler.toml' },
      miniflare: {
        bindings: {
          HOOKGATE_ADMIN_TOKEN: WORKERS_TEST_TOKEN,
          HOOKGATE_MAX_BODY_BYTES: '65536',
          // The suite's sinks are local servers (test/workers/fake-prefect-setup.ts).
          HOOKGATE_SINK_ALLOW_PRIVATE: 'true',
          TEST_MIGRATIONS: await readD1Migrations(fileURLToPath(new URL('./migrations', import.meta.url))),
        },
      },
    })),
  ],
  test: {
    include: ['test/workers/**/*.test.ts'],
    globalSetup: ['test/workers/fake-prefect-setup.ts'],
    testTimeout: 30_000,
  },
});
