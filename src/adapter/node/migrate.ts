/**
 * `hookgate migrate`: brings the configured database's schema up to date and says what it did, for
 * operators who migrate before they deploy (the gateway also migrates at start; either way an
 * advisory lock makes processes that start together take turns).
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { Config } from '../../schemas/config';
import { pendingMigrations } from '../../store/migrate';
import { readMigrations, readPostgresMigrations } from '../../store/migrations-fs';
import { migratePostgres } from '../../store/postgres/migrate';
import { available, createPool } from '../../store/postgres/pool';
import { createSqliteStore } from '../../store/sqlite';
import { redactedUrl } from './store';

export interface MigrationReport {
  database: string;
  applied: string[];
}

/** The migrations a SQLite file has recorded (none when it or its table does not exist yet). */
function appliedToSqlite(file: string): Set<string> {
  if (!existsSync(file)) return new Set();
  const db = new Database(file, { readonly: true });
  try {
    return new Set((db.prepare('SELECT name FROM d1_migrations').all() as { name: string }[]).map((row) => row.name));
  } catch {
    return new Set();
  } finally {
    db.close();
  }
}

export async function migrateDatabase(config: Config, sqliteFile: string): Promise<MigrationReport> {
  const url = config.HOOKGATE_DATABASE_URL;
  if (!url) {
    // Opening the file applies what is pending; which ones is read from its migrations table first.
    const pending = pendingMigrations(readMigrations(), appliedToSqlite(sqliteFile));
    if (sqliteFile !== ':memory:') mkdirSync(dirname(sqliteFile), { recursive: true, mode: 0o700 });
    await createSqliteStore({ filename: sqliteFile, migrations: readMigrations() }).close();
    return { database: sqliteFile, applied: pending.map((m) => m.name) };
  }
  const pool = createPool({ url, schema: config.HOOKGATE_DATABASE_SCHEMA, max: 1, statementTimeoutMs: 0 });
  try {
    const applied = await available(() => migratePostgres(pool, readPostgresMigrations(), config.HOOKGATE_DATABASE_SCHEMA));
    return { database: redactedUrl(url), applied };
  } finally {
    await pool.end();
  }
}
