/**
 * Sinks and their outbox on PostgreSQL (issue 13): the shared sink store (../sql/sink-store.ts)
 * over a transactor that runs its statements in one transaction on one pooled connection. The
 * outbox rows of new events come from the `events_outbox` trigger (migrations/postgres/0050), in
 * the events' own statement; claims lock their rows with SKIP LOCKED, so several processes
 * draining one sink never take the same row. A sink change's audit event (issue 17) is written by
 * the events' batch statement (./writes.ts) in the change's transaction.
 */
import type pg from 'pg';
import type { Event } from '../../schemas/event';
import type { AuditedWrite } from '../sql/sink-changes';
import { createSinkStore } from '../sql/sink-store';
import type { SinkStore, SqlTransactor, StatementResult } from '../types';
import { POSTGRES } from './dialect';
import { available, numbered } from './pool';
import { batchParams, INSERT_BATCH, prepareEvent } from './writes';

type Statement = { sql: string; params: readonly unknown[] };

/** Runs `work` between BEGIN and COMMIT on one connection (ROLLBACK when it throws). */
async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return available(async () => {
    const client = await pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw error;
    } finally {
      // A connection that could not roll back is dropped, not handed to the next caller.
      client.release(broken);
    }
  });
}

async function run(client: pg.PoolClient, { sql, params }: Statement): Promise<StatementResult> {
  const result = await client.query(numbered(sql), [...params]);
  return result.command === 'SELECT' ? { rows: result.rows, changes: 0 } : { rows: result.rows, changes: result.rowCount ?? 0 };
}

/** The shared SQL's transactor on PostgreSQL; `ready` waits for the connection and the migrations. */
export function createPostgresTransactor(pool: pg.Pool, ready: () => Promise<unknown>): SqlTransactor {
  return {
    dialect: POSTGRES,
    async all<Row>(sql: string, params: readonly unknown[]) {
      await ready();
      return (await available(() => pool.query(numbered(sql), [...params]))).rows as Row[];
    },
    async transaction(statements) {
      await ready();
      return inTransaction(pool, async (client) => {
        const results: StatementResult[] = [];
        for (const statement of statements) results.push(await run(client, statement));
        return results;
      });
    },
  };
}

/** The change and its audit event in one transaction (see `AuditedWrite` for the order). */
function auditedWrite(pool: pg.Pool, ready: () => Promise<unknown>, nowMicros: () => number): AuditedWrite {
  return async (change, audit: Event | undefined, when) => {
    await ready();
    const writeAudit = async (client: pg.PoolClient, event: Event) =>
      client.query(INSERT_BATCH, batchParams([prepareEvent(event, nowMicros())]));
    return inTransaction(pool, async (client) => {
      if (audit && when === 'before') await writeAudit(client, audit);
      let changed = 0;
      for (const statement of change) changed = (await run(client, statement)).changes;
      if (audit && when === 'after' && changed > 0) await writeAudit(client, audit);
      return changed;
    });
  };
}

/** The sink store of a PostgreSQL store: spread into it (./index.ts). */
export function createPostgresSinkStore(pool: pg.Pool, ready: () => Promise<unknown>, nowMicros: () => number): SinkStore {
  return createSinkStore(createPostgresTransactor(pool, ready), auditedWrite(pool, ready, nowMicros));
}
