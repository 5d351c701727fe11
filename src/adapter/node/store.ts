/**
 * The Node gateway's store, chosen by the settings: PostgreSQL when `HOOKGATE_DATABASE_URL` is set
 * (connected and migrated before the server listens: a database that cannot be reached is an error
 * at start), else the SQLite file.
 */
import type { Config } from '../../schemas/config';
import { readMigrations, readPostgresMigrations } from '../../store/migrations-fs';
import { openPostgresStore } from '../../store/postgres';
import { createSqliteStore } from '../../store/sqlite';
import type { Store } from '../../store/types';

export interface OpenedStore {
  store: Store;
  /** What the start-up line names: the file, or the URL without its password. */
  description: string;
}

/** The URL as it may be printed: no password, no query (which may hold key file paths). */
export function redactedUrl(url: string): string {
  const parsed = new URL(url);
  parsed.password = '';
  parsed.search = '';
  return parsed.toString();
}

/** Error thrown when the PostgreSQL store cannot be opened: says which database and why. */
export class DatabaseUnreachableError extends Error {}

export async function openNodeStore(config: Config, sqliteFile: string): Promise<OpenedStore> {
  const url = config.HOOKGATE_DATABASE_URL;
  if (!url) {
    const store = createSqliteStore({
      filename: sqliteFile,
      migrations: readMigrations(),
      synchronous: config.HOOKGATE_SYNCHRONOUS,
      writer: config.HOOKGATE_SQLITE_WRITER,
      lockWaitMs: config.HOOKGATE_LOCK_WAIT_MS,
    });
    return { store, description: sqliteFile };
  }
  const description = redactedUrl(url) + (config.HOOKGATE_DATABASE_SCHEMA ? ` (schema ${config.HOOKGATE_DATABASE_SCHEMA})` : '');
  try {
    const store = await openPostgresStore({
      url,
      schema: config.HOOKGATE_DATABASE_SCHEMA,
      max: config.HOOKGATE_DATABASE_POOL,
      statementTimeoutMs: config.HOOKGATE_STATEMENT_TIMEOUT_MS,
      migrations: readPostgresMigrations(),
    });
    return { store, description };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseUnreachableError(`cannot use the database ${description}: ${reason}`);
  }
}
