/**
 * API keys, audited changes and retention on PostgreSQL, on the shared SQL (src/store/sql/). An
 * audited change is the shared change statement, then — only when it touched a row — its audit
 * event through the driver's own event insert (./writes.ts, which holds the writers' lock so
 * followers wait for it), in ONE transaction. Webhook changes notify every process through the
 * `webhooks` trigger on commit (./listener.ts), as any other change does.
 */
import type { Event } from '../../schemas/event';
import * as KEYS from '../sql/api-keys';
import { changeStatement } from '../sql/changes';
import * as RETENTION from '../sql/retention';
import type { ApiKeyStore, RetentionStore, StoreChange } from '../types';
import { type Connection, exec } from './connection';
import { insertEvents, prepareEvent } from './writes';

/** Applies `change` and writes `audit` together, or neither; whether the change touched a row. */
export async function applyChange(db: Connection, change: StoreChange, audit: Event, receivedMicros: number): Promise<boolean> {
  const statement = changeStatement(change);
  const event = prepareEvent(audit, receivedMicros);
  return db.transaction(async (client) => {
    const changed = (await exec(client, statement.sql, statement.params)) > 0;
    if (changed) await insertEvents(client, [event]);
    return changed;
  });
}

export function createKeyStore(db: Connection): Omit<ApiKeyStore, 'applyChange'> {
  const keyRow = async (sql: string, value: string) => {
    const [row] = await db.reader.all<KEYS.ApiKeyRow>(sql, [value]);
    return row ? KEYS.fromApiKeyRow(row) : undefined;
  };
  return {
    getApiKeyByHash: (hash) => keyRow(KEYS.SELECT_API_KEY_BY_HASH, hash),
    getApiKey: (id) => keyRow(KEYS.SELECT_API_KEY, id),
    async listApiKeys() {
      return (await db.reader.all<KEYS.ApiKeyRow>(KEYS.SELECT_API_KEYS, [])).map(KEYS.fromApiKeyRow);
    },
    async touchApiKey(id, micros) {
      await db.run(KEYS.TOUCH_API_KEY, KEYS.touchApiKeyParams(id, micros));
    },
  };
}

export function createRetentionStore(db: Connection): RetentionStore {
  return {
    async pruneEvents(before, limit) {
      // One statement: the foreign key's ON DELETE CASCADE takes the resources with the events, and
      // the day-count trigger appends the negative deltas; the fold drops days that sum to nothing
      // (./day-counts.ts), as SQLite's DROP_EMPTY_DAY_COUNTS does at once.
      return (await db.run(RETENTION.PRUNE_EVENTS, RETENTION.pruneParams(before, limit))).rowCount ?? 0;
    },
    async stats() {
      const [row] = await db.reader.all<RETENTION.StatsRow>(RETENTION.STORE_STATS, []);
      // The database's size is not one file here, and not cheap to tell per schema: null, as on D1.
      return { events: row?.events ?? 0, oldestReceivedMicros: row?.oldest ?? null, bytes: null };
    },
    async probeWrite() {
      // Fails (503) on a read-only transaction or server, or a lock on api_keys held past lock_timeout.
      await db.run(RETENTION.WRITE_PROBE);
    },
  };
}
