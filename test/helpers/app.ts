/** Builds a real app over a real SQLite store for tests, and serves it on a random port when asked. */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { nodeClientAddress } from '../../src/adapter/node/client-address';
import { compileTemplate } from '../../src/adapter/node/template-compiler';
import { type AppDeps, createApp } from '../../src/app';
import { DEFAULT_RENDER_LIMITS } from '../../src/core/template/budget';
import { silentLogger } from '../../src/deps';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';

export const TEST_TOKEN = 'test-admin-token-0123456789';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  dir: string;
  dbFile: string;
  /** `app.request` with the admin token. */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

export function createTestApp(overrides: Partial<AppDeps> = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-test-'));
  const dbFile = join(dir, 'hookgate.db');
  const store = createSqliteStore({ filename: dbFile, migrations: readMigrations() });
  const deps: AppDeps = {
    store,
    adminToken: TEST_TOKEN,
    maxBodyBytes: 1024 * 1024,
    renderLimits: DEFAULT_RENDER_LIMITS,
    compileTemplate,
    now: () => Date.now(),
    log: silentLogger,
    clientAddress: nodeClientAddress,
    ...overrides,
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    dir,
    dbFile,
    api(path, init = {}) {
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${TEST_TOKEN}`);
      let body = init.body;
      if (init.json !== undefined) {
        headers.set('content-type', 'application/json');
        body = JSON.stringify(init.json);
      }
      return Promise.resolve(app.request(path, { ...init, headers, body }));
    },
    async close() {
      await deps.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
}

/** Serves `app` over real HTTP on 127.0.0.1 and a random port. */
export async function startServer(app: { fetch: (request: Request) => Response | Promise<Response> }): Promise<RunningServer> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
