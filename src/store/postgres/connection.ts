/**
 * What the driver's parts share: statements (the shared SQL's `?` parameters) run once the schema
 * is ready, alone or together in one transaction on one connection, with "cannot reach or use
 * the database now" as `StoreUnavailableError` (./pool.ts).
 * @see https://node-postgres.com/features/transactions
 */
import type pg from 'pg';
import type { SqlReader } from '../types';
import { POSTGRES } from './dialect';
import { available, numbered } from './pool';

export interface Connection {
  /** The shared read queries' reader (src/store/sql/). */
  reader: SqlReader;
  /** Runs one statement, which commits on its own. */
  run(sql: string, params?: readonly unknown[]): Promise<pg.QueryResult>;
  /** Runs `work` between BEGIN and COMMIT on one connection; ROLLBACK when it throws. */
  transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T>;
}

/** One statement with `?` parameters on a transaction's connection: the rows it touched. */
export async function exec(client: pg.PoolClient, sql: string, params: readonly unknown[] = []): Promise<number> {
  return (await client.query(numbered(sql), [...params])).rowCount ?? 0;
}

export function createConnection(pool: pg.Pool, ready: () => Promise<unknown>): Connection {
  const run = async (sql: string, params: readonly unknown[] = []) => {
    await ready();
    return available(() => pool.query(numbered(sql), [...params]));
  };
  return {
    reader: {
      dialect: POSTGRES,
      all: async <Row>(sql: string, params: readonly unknown[]) => (await run(sql, params)).rows as Row[],
    },
    run,
    async transaction(work) {
      await ready();
      return available(async () => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
        } catch (error) {
          client.release(error instanceof Error ? error : true);
          throw error;
        }
        let broken: Error | undefined;
        try {
          const result = await work(client);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          // A connection that cannot even roll back is dropped from the pool, not reused.
          await client.query('ROLLBACK').catch((rollback: unknown) => {
            broken = rollback instanceof Error ? rollback : new Error(String(rollback));
          });
          throw error;
        } finally {
          client.release(broken);
        }
      });
    },
  };
}
