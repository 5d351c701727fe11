/**
 * The PostgreSQL driver: several gateway processes, one store. A `pg` pool; the schema migrated at
 * start under an advisory lock; event writes group-committed into one statement each (./writes.ts);
 * the shared queries of src/store/sql/ in PostgreSQL's dialect; webhooks cached by slug and dropped
 * when any process changes them (./listener.ts). "Cannot reach the database now" is a
 * `StoreUnavailableError` (503 + Retry-After); the pool reconnects by itself.
 */

import { createGroupCommit } from '../group-commit';
import type { Migration } from '../migrate';
import { fromEventBody, fromWebhookRow, toWebhookRow, type WebhookRow } from '../rows';
import { changedWebhookId } from '../sql/changes';
import { countEvents, queryEvents, readEventsAfter } from '../sql/events';
import * as SQL from '../sql/statements';
import type { Store } from '../types';
import { createWebhookCache } from '../webhook-cache';
import { createConnection } from './connection';
import { foldDayCountsPeriodically } from './day-counts';
import { createDeliveryStore } from './deliveries';
import { listenForWebhookChanges } from './listener';
import { migratePostgres } from './migrate';
import { applyChange, createKeyStore, createRetentionStore } from './ops';
import { available, connectionConfig, createPool, type PoolSettings } from './pool';
import { createPostgresSinkStore } from './sinks';
import { type PreparedEvent, prepareEvent, writeIsolated } from './writes';

export interface PostgresStoreOptions extends PoolSettings {
  migrations: readonly Migration[];
  /** Clock for `received`, in microseconds since the epoch. */
  nowMicros?: () => number;
}

/**
 * A store on PostgreSQL. It connects and migrates on first use (every call waits for that; a
 * failed attempt is retried by the next call): `openPostgresStore` does it at once.
 */
export function createPostgresStore(options: PostgresStoreOptions): Store {
  const pool = createPool(options);
  const nowMicros = options.nowMicros ?? (() => Date.now() * 1000);
  let migrated: Promise<unknown> | undefined;
  const ready = (): Promise<unknown> => {
    // A read-only store opens a database someone else migrates: it only checks it can connect.
    const migrate = async (): Promise<unknown> =>
      options.readonly ? pool.query('SELECT 1') : migratePostgres(pool, options.migrations, options.schema);
    migrated ??= available(migrate).catch((error: unknown) => {
      migrated = undefined;
      throw error;
    });
    return migrated;
  };
  const db = createConnection(pool, ready);
  const { reader } = db;
  const query = <Row>(sql: string, params: readonly unknown[] = []): Promise<Row[]> => reader.all<Row>(sql, params);

  const stopFolding = foldDayCountsPeriodically(pool, ready);
  const cache = createWebhookCache();
  const listener = listenForWebhookChanges(connectionConfig(options), cache);
  const inFlight = new Set<Promise<unknown>>();
  let closing: Promise<void> | undefined;
  const commit = createGroupCommit<PreparedEvent>(async (calls) => {
    await ready();
    return writeIsolated(pool, calls);
  }, setImmediate);

  const loadBySlug = async (slug: string) => {
    const [row] = await query<WebhookRow>(SQL.SELECT_WEBHOOK_BY_SLUG, [slug]);
    return row ? fromWebhookRow(row) : undefined;
  };
  const changed = async (sql: string, params: unknown[], id: string): Promise<number> => {
    const result = await db.run(sql, params);
    cache.forget(id);
    return result.rowCount ?? 0;
  };

  return {
    ...createPostgresSinkStore(pool, ready, nowMicros),
    async writeEvents(events) {
      if (events.length === 0) return { written: 0, duplicates: 0 };
      const received = nowMicros();
      const written = commit(events.map((event) => prepareEvent(event, received)));
      inFlight.add(written);
      void written.then(
        () => inFlight.delete(written),
        () => inFlight.delete(written),
      );
      return written;
    },
    async readEvent(id) {
      const [row] = await query<{ body: string }>(SQL.SELECT_EVENT_BODY, [id.toLowerCase()]);
      return row ? fromEventBody(row.body) : undefined;
    },
    queryEvents: (filter, page) => queryEvents(reader, filter, page),
    countEvents: (request) => countEvents(reader, request),
    readEventsAfter: (filter, after, limit) => readEventsAfter(reader, filter, after, limit),
    async ping() {
      await query(SQL.PING);
    },
    async createWebhook(webhook) {
      await changed(SQL.INSERT_WEBHOOK, SQL.insertWebhookParams(toWebhookRow(webhook)), webhook.id);
    },
    async getWebhook(id) {
      const [row] = await query<WebhookRow>(SQL.SELECT_WEBHOOK, [id]);
      return row ? fromWebhookRow(row) : undefined;
    },
    async getWebhookBySlug(slug) {
      // Another process may change a webhook at any time: the cache is trusted only while its notices arrive.
      return listener.listening ? cache.getAsync(slug, () => loadBySlug(slug)) : loadBySlug(slug);
    },
    async listWebhooks() {
      return (await query<WebhookRow>(SQL.SELECT_WEBHOOKS)).map(fromWebhookRow);
    },
    async updateWebhook(webhook) {
      return (await changed(SQL.UPDATE_WEBHOOK, SQL.updateWebhookParams(toWebhookRow(webhook)), webhook.id)) > 0;
    },
    async deleteWebhook(id) {
      return (await changed(SQL.DELETE_WEBHOOK, [id], id)) > 0;
    },
    ...createDeliveryStore(db),
    ...createKeyStore(db),
    async applyChange(change, audit) {
      const webhookId = changedWebhookId(change);
      try {
        return await applyChange(db, change, audit, nowMicros());
      } finally {
        // Other processes hear of it from the trigger on commit; this one need not wait for its notice.
        if (webhookId) cache.forget(webhookId);
      }
    },
    ...createRetentionStore(db),
    close() {
      // Once, however often asked: waits for the writes in flight, then closes every connection.
      closing ??= (async () => {
        stopFolding();
        await Promise.allSettled([...inFlight]);
        await listener.close();
        await pool.end();
      })();
      return closing;
    },
  };
}

/** A store on PostgreSQL, connected and migrated: rejects (with the server's reason) when it cannot be. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<Store> {
  const store = createPostgresStore(options);
  try {
    await store.ping();
    return store;
  } catch (error) {
    await store.close().catch(() => {});
    throw error;
  }
}
