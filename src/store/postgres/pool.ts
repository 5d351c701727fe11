/**
 * The PostgreSQL connection pool and its settings: every commit waits for the WAL flush
 * (synchronous_commit on), statements and lock waits are bounded so one slow query cannot hold the
 * pool, numbers come back as numbers, and "cannot reach or use the database now" is told apart
 * from a query's own error (the first becomes 503 + Retry-After; the pool reconnects by itself).
 * @see https://node-postgres.com/apis/pool
 * @see https://www.postgresql.org/docs/15/errcodes-appendix.html
 */
import pg from 'pg';
import { InputError, StoreUnavailableError } from '../../lib/errors';

export interface PoolSettings {
  /** `postgres://user:password@host:5432/database?sslmode=…` */
  url: string;
  /** Schema holding hookgate's tables (created when missing); default: the server's search_path (`public`). */
  schema?: string;
  /** Connections at most (default 10). */
  max?: number;
  /** Longest a statement may run, ms (default 10 s). */
  statementTimeoutMs?: number;
  /** Longest a request waits for a free connection or a new one, ms (default 5 s). */
  connectTimeoutMs?: number;
  applicationName?: string;
  /** Every transaction read-only (`default_transaction_read_only`): writes fail as unavailable. */
  readonly?: boolean;
}

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The schema name, checked: lower-case letters, digits and `_`, as an unquoted identifier. */
export function checkedSchema(schema: string): string {
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a usable schema name: ${JSON.stringify(schema)}`);
  return schema;
}

const INT8 = 20;
const NUMERIC = 1700;
const JSON_OID = 114;

/** bigint and numeric as numbers (every value hookgate stores stays below 2^53); `json` as its text, as stored. */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
    if (oid === JSON_OID) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  },
};

/** Connection settings shared by the pool and the listening connection. */
export function connectionConfig(settings: PoolSettings): pg.ClientConfig {
  const options = ['-c synchronous_commit=on'];
  if (settings.schema) options.push(`-c search_path=${checkedSchema(settings.schema)}`);
  if (settings.readonly) options.push('-c default_transaction_read_only=on');
  return {
    connectionString: settings.url,
    connectionTimeoutMillis: settings.connectTimeoutMs ?? 5000,
    statement_timeout: settings.statementTimeoutMs ?? 10_000,
    lock_timeout: settings.statementTimeoutMs ?? 10_000,
    idle_in_transaction_session_timeout: 60_000,
    application_name: settings.applicationName ?? 'hookgate',
    keepAlive: true,
    options: options.join(' '),
    types,
  };
}

export function createPool(settings: PoolSettings): pg.Pool {
  const pool = new pg.Pool({ ...connectionConfig(settings), max: settings.max ?? 10, idleTimeoutMillis: 30_000 });
  // An idle connection the server closed (restart, failover) is dropped from the pool; the next
  // query opens a new one. Without a listener, the error would end the process.
  pool.on('error', () => {});
  return pool;
}

/** `?` placeholders (the shared SQL's) as PostgreSQL's `$1, $2, …`; the SQL holds no `?` in a literal. */
export function numbered(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

const UNAVAILABLE_STATES = /^(08|53|57P0[123]|57014|40001|40P01|55P03|58|25006)/;
const UNAVAILABLE_MESSAGES =
  /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|Connection terminated|connection error|timeout exceeded when trying to connect|Client was closed|Cannot use a pool after calling end/i;

/** True when `error` means the database cannot be reached or used right now (worth a retry), not a wrong query. */
export function isUnavailable(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (typeof code === 'string' && UNAVAILABLE_STATES.test(code)) return true;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return true;
  return typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message);
}

/** PostgreSQL's text and jsonb cannot hold U+0000 (SQLite's can): "untranslatable character", "unsupported Unicode escape". */
const NUL_STATES = new Set(['22021', '22P05']);

/**
 * Runs `work`, turning "cannot reach or use the database now" into `StoreUnavailableError` (503 +
 * Retry-After), and a NUL character in an event name, label or filter value into a 422: the
 * sender's to change, never a 500.
 */
export async function available<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (NUL_STATES.has(String((error as { code?: unknown }).code))) {
      throw new InputError(
        422,
        'unsupported-character',
        'PostgreSQL cannot store or compare the character U+0000 in names and labels',
      );
    }
    if (error instanceof StoreUnavailableError || !isUnavailable(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreUnavailableError(`the event store cannot be used right now (${reason.slice(0, 200)})`);
  }
}
