/**
 * Builds a real app over a real store for tests — SQLite, or PostgreSQL in the `postgres` project
 * (vitest.config.ts), the same test code on both — and serves it on a random port when asked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import Database from 'better-sqlite3';
import { nodeClientAddress } from '../../src/adapter/node/client-address';
import { compileTemplate } from '../../src/adapter/node/template-compiler';
import { type AppDeps, createApp } from '../../src/app';
import { DEFAULT_RENDER_LIMITS } from '../../src/core/template/budget';
import { silentLogger } from '../../src/deps';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/types';
import { createTestPostgresStore, ON_POSTGRES } from './postgres';

export const TEST_TOKEN = 'test-admin-token-0123456789';

export interface TestApp {
  app: ReturnType<typeof createApp>;
  deps: AppDeps;
  dir: string;
  /** The SQLite file (SQLite only: tests that read it run on SQLite alone). */
  dbFile: string;
  /** Every stored event's JSON in arrival order, read from the database itself (either store). */
  storedBodies(): Promise<string[]>;
  /** A second store on the same database that cannot commit (read-only): for 503 tests. */
  openReadonlyStore(): Store;
  /** `app.request` with the admin token. */
  api(path: string, init?: RequestInit & { json?: unknown }): Promise<Response>;
  close(): Promise<void>;
}

/** The store of a test app: a SQLite file, or a PostgreSQL schema of its own in the `postgres` project. */
interface OpenedTestStore {
  store: Store;
  bodies(): Promise<string[]>;
  openReadonly(): Store;
  cleanup(): Promise<void>;
}

function testStore(dbFile: string): OpenedTestStore {
  if (ON_POSTGRES) return createTestPostgresStore();
  const store = createSqliteStore({ filename: dbFile, migrations: readMigrations() });
  return {
    store,
    bodies: async () => sqliteBodies(dbFile),
    openReadonly: () => createSqliteStore({ filename: dbFile, migrations: readMigrations(), readonly: true }),
    cleanup: () => store.close(),
  };
}

/** The JSON of every event in a SQLite file, in arrival order. */
export function sqliteBodies(dbFile: string): string[] {
  const db = new Database(dbFile, { readonly: true });
  try {
    return (db.prepare('SELECT body FROM events ORDER BY seq').all() as { body: string }[]).map((row) => row.body);
  } finally {
    db.close();
  }
}

export function createTestApp(overrides: Partial<AppDeps> = {}): TestApp {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-test-'));
  const dbFile = join(dir, 'hookgate.db');
  const { store, bodies, openReadonly, cleanup } = testStore(dbFile);
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
    storedBodies: bodies,
    openReadonlyStore: openReadonly,
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
      await cleanup();
      if (deps.store !== store) await deps.store.close();
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
