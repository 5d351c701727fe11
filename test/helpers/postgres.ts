/**
 * PostgreSQL for tests: each store gets a schema of its own (so test files, and tests, run side by
 * side on one server), each gateway process a database of its own.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { readPostgresMigrations } from '../../src/store/migrations-fs';
import { createPostgresStore, type PostgresStoreOptions } from '../../src/store/postgres';
import type { Store } from '../../src/store/types';

/** True in the `postgres` project: route tests then run their apps on PostgreSQL. */
export const ON_POSTGRES = process.env.HOOKGATE_TEST_STORE === 'postgres';

/** The server's URL (a superuser), from the globalSetup (./postgres-setup.ts). */
export function postgresUrl(): string {
  return inject('postgresUrl');
}

function uniqueName(prefix: string): string {
  return `${prefix}_${randomBytes(8).toString('hex')}`;
}

/** Runs one statement on its own connection; its rows. */
async function admin(sql: string, url = postgresUrl()): Promise<Record<string, unknown>[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

export interface TestPostgresStore {
  store: Store;
  schema: string;
  /** Another store on the same schema whose transactions are all read-only (it cannot commit). */
  openReadonly(): Store;
  /** Every stored event's JSON, in arrival order, read with SQL (not through the store). */
  bodies(): Promise<string[]>;
  /** Closes the store and drops its schema. */
  cleanup(): Promise<void>;
}

/** A store in a new schema (migrated on first use). */
export function createTestPostgresStore(options: Partial<PostgresStoreOptions> = {}): TestPostgresStore {
  const schema = uniqueName('t');
  const store = createPostgresStore({ url: postgresUrl(), schema, migrations: readPostgresMigrations(), max: 4, ...options });
  return {
    store,
    schema,
    openReadonly: () =>
      createPostgresStore({ url: postgresUrl(), schema, migrations: readPostgresMigrations(), max: 2, readonly: true }),
    async bodies() {
      const rows = await admin(`SELECT body::text AS body FROM ${schema}.events ORDER BY seq`);
      return rows.map((row) => row.body as string);
    },
    async cleanup() {
      await store.close();
      await admin(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    },
  };
}

/** A new, empty database (for gateway processes, which take a URL): its URL, and how to drop it. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = uniqueName('hg');
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(postgresUrl());
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
