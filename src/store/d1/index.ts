/**
 * The Workers driver: Cloudflare D1 (SQLite at the edge) through its binding. The same SQL as
 * the Node driver (src/store/sql/); writes go in one `batch`, which D1 runs as one transaction,
 * so a request's events commit together or not at all. Transient write errors become
 * `StoreUnavailableError` (503 + Retry-After): the sender retries, nothing is lost. Deterministic
 * ones (too big, constraint, malformed) are rethrown as they are (500, logged): a retry could
 * never succeed.
 * @see https://developers.cloudflare.com/d1/worker-api/d1-database/#batch
 */
import { StoreUnavailableError } from '../../lib/errors';
import { fromEventBody, fromWebhookRow, toWebhookRow, type WebhookRow } from '../rows';
import * as KEYS from '../sql/api-keys';
import { auditedChangeStatements } from '../sql/changes';
import { COUNT_DAY_OF_NEW_IDS, newIdsByDay } from '../sql/day-counts';
import * as DELIVERIES from '../sql/deliveries';
import { SQLITE } from '../sql/dialect';
import { countEvents, queryEvents, readEventsAfter } from '../sql/events';
import * as RETENTION from '../sql/retention';
import { auditedInTransaction } from '../sql/sink-changes';
import { createSinkStore } from '../sql/sink-store';
import * as SQL from '../sql/statements';
import type { SqlReader, SqlTransactor, Store } from '../types';

/** The part of the D1 binding this driver uses (`D1Database` in @cloudflare/workers-types). */
export interface D1Like {
  prepare(sql: string): D1StatementLike;
  batch(statements: D1StatementLike[]): Promise<{ results?: unknown[]; meta: { changes: number } }[]>;
}

export interface D1StatementLike {
  bind(...values: unknown[]): D1StatementLike;
  all<Row>(): Promise<{ results: Row[] }>;
  first<Row>(): Promise<Row | null>;
  run(): Promise<{ meta: { changes: number } }>;
}

export interface D1StoreOptions {
  /** Clock for `received`, in microseconds since the epoch. */
  nowMicros?: () => number;
}

/**
 * What D1 documents as transient ("retry the operation": resets, lost connections, overload,
 * timeouts), and the SQLite codes the Node driver treats as "cannot write now" (busy, locked,
 * read-only, full, I/O; see sqlite-writes.ts), a full database included.
 * @see https://developers.cloudflare.com/d1/observability/debug-d1/#error-list
 */
const TRANSIENT = new RegExp(
  [
    'network connection lost',
    'reset because its code was updated',
    'caused object to be reset',
    'exceeded its (memory|cpu time) limit and was reset',
    'overloaded',
    'transient issue',
    'database (table )?is locked',
    '\\bSQLITE_(BUSY|LOCKED|READONLY|FULL|IOERR|CANTOPEN|NOMEM|PERM)',
    'database or disk is full',
    'exceeded maximum db size',
    'timed out|timeout|ETIMEDOUT|ECONNRESET|connection reset|socket hang up',
  ].join('|'),
  'i',
);

function messagesOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  return error.cause === undefined ? error.message : `${error.message} ${messagesOf(error.cause)}`;
}

/** True when a D1 failure is transient: worth a retry later (503), not a deterministic error. */
export function isTransientD1Error(error: unknown): boolean {
  return TRANSIENT.test(messagesOf(error));
}

async function writing<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isTransientD1Error(error)) throw error;
    throw new StoreUnavailableError(`the event store cannot write right now (${messagesOf(error).slice(0, 200)})`);
  }
}

export function createD1Store(db: D1Like, options: D1StoreOptions = {}): Store {
  const nowMicros = options.nowMicros ?? (() => Date.now() * 1000);
  const reader: SqlReader = {
    dialect: SQLITE,
    async all<Row>(sql: string, params: readonly unknown[]) {
      return (
        await db
          .prepare(sql)
          .bind(...params)
          .all<Row>()
      ).results;
    },
  };
  const keyRow = async (sql: string, value: string) => {
    const row = await db.prepare(sql).bind(value).first<KEYS.ApiKeyRow>();
    return row ? KEYS.fromApiKeyRow(row) : undefined;
  };
  const transactor: SqlTransactor = {
    ...reader,
    async transaction(statements) {
      const results = await writing(() => db.batch(statements.map((s) => db.prepare(s.sql).bind(...s.params))));
      return results.map((result) => ({ rows: result.results ?? [], changes: result.meta.changes }));
    },
  };
  const webhookRow = (sql: string, value: string) => db.prepare(sql).bind(value).first<WebhookRow>();

  return {
    ...createSinkStore(transactor, auditedInTransaction(transactor, nowMicros)),
    async writeEvents(events) {
      if (events.length === 0) return { written: 0, duplicates: 0 };
      const received = nowMicros();
      const writes = events.map((event) => SQL.eventWrite(event, received));
      // The day counts first, from the ids not stored yet: one upsert per (day, name) of the batch.
      const counts = newIdsByDay(writes).map((params) => db.prepare(COUNT_DAY_OF_NEW_IDS).bind(...params));
      const inserts = writes.flatMap((write) => [
        db.prepare(SQL.INSERT_EVENT).bind(...write.event),
        db.prepare(SQL.INSERT_RESOURCES).bind(...SQL.resourcesJsonParams(write)),
      ]);
      const results = (await writing(() => db.batch([...counts, ...inserts]))).slice(counts.length);
      const written = results.filter((result, i) => i % 2 === 0 && result.meta.changes > 0).length;
      return { written, duplicates: events.length - written };
    },
    async readEvent(id) {
      const row = await db.prepare(SQL.SELECT_EVENT_BODY).bind(id.toLowerCase()).first<{ body: string }>();
      return row ? fromEventBody(row.body) : undefined;
    },
    queryEvents: (filter, page) => queryEvents(reader, filter, page),
    countEvents: (request) => countEvents(reader, request),
    readEventsAfter: (filter, after, limit) => readEventsAfter(reader, filter, after, limit),
    async ping() {
      await db.prepare(SQL.PING).first();
    },
    async createWebhook(webhook) {
      await writing(() =>
        db
          .prepare(SQL.INSERT_WEBHOOK)
          .bind(...SQL.insertWebhookParams(toWebhookRow(webhook)))
          .run(),
      );
    },
    async getWebhook(id) {
      const row = await webhookRow(SQL.SELECT_WEBHOOK, id);
      return row ? fromWebhookRow(row) : undefined;
    },
    async getWebhookBySlug(slug) {
      const row = await webhookRow(SQL.SELECT_WEBHOOK_BY_SLUG, slug);
      return row ? fromWebhookRow(row) : undefined;
    },
    async listWebhooks() {
      return (await db.prepare(SQL.SELECT_WEBHOOKS).all<WebhookRow>()).results.map(fromWebhookRow);
    },
    async updateWebhook(webhook) {
      const params = SQL.updateWebhookParams(toWebhookRow(webhook));
      const result = await writing(() =>
        db
          .prepare(SQL.UPDATE_WEBHOOK)
          .bind(...params)
          .run(),
      );
      return result.meta.changes > 0;
    },
    async deleteWebhook(id) {
      const result = await writing(() => db.prepare(SQL.DELETE_WEBHOOK).bind(id).run());
      return result.meta.changes > 0;
    },
    async writeDeliveries(records) {
      if (records.length === 0) return;
      const statements = [
        ...records.map((r) => db.prepare(DELIVERIES.INSERT_DELIVERY).bind(...DELIVERIES.insertDeliveryParams(r))),
        ...DELIVERIES.countDeliveriesParams(records).map((params) => db.prepare(DELIVERIES.COUNT_DELIVERIES).bind(...params)),
      ];
      await writing(() => db.batch(statements));
    },
    listDeliveries: (webhookId, listing) => DELIVERIES.listDeliveries(reader, webhookId, listing),
    countDeliveries: (webhookId, since, bucket) => DELIVERIES.countDeliveries(reader, webhookId, since, bucket),
    lastDeliveries: () => DELIVERIES.lastDeliveries(reader),
    async pruneDeliveries(olderThan, keep, onlyWebhooks) {
      const crowded = onlyWebhooks ?? (await DELIVERIES.crowdedWebhooks(reader, keep));
      const statements = [
        db.prepare(DELIVERIES.PRUNE_OLD_COUNTS).bind(DELIVERIES.hourOf(olderThan)),
        db.prepare(DELIVERIES.PRUNE_OLD_DELIVERIES).bind(olderThan),
        ...crowded.map((id) => db.prepare(DELIVERIES.PRUNE_WEBHOOK_DELIVERIES).bind(id, id, keep)),
      ];
      const results = await writing(() => db.batch(statements));
      return results.slice(1).reduce((sum, result) => sum + result.meta.changes, 0);
    },
    getApiKeyByHash: (hash) => keyRow(KEYS.SELECT_API_KEY_BY_HASH, hash),
    getApiKey: (id) => keyRow(KEYS.SELECT_API_KEY, id),
    async listApiKeys() {
      return (await db.prepare(KEYS.SELECT_API_KEYS).all<KEYS.ApiKeyRow>()).results.map(KEYS.fromApiKeyRow);
    },
    async touchApiKey(id, micros) {
      await writing(() =>
        db
          .prepare(KEYS.TOUCH_API_KEY)
          .bind(...KEYS.touchApiKeyParams(id, micros))
          .run(),
      );
    },
    async applyChange(change, audit) {
      // One batch is one transaction on D1: the change and its audit event commit together or not at all.
      const statements = auditedChangeStatements(change, audit, nowMicros()).map(({ sql, params }) =>
        db.prepare(sql).bind(...params),
      );
      const results = await writing(() => db.batch(statements));
      return (results[0]?.meta.changes ?? 0) > 0;
    },
    async pruneEvents(before, limit) {
      const params = RETENTION.pruneParams(before, limit);
      const results = await writing(() =>
        db.batch([
          db.prepare(RETENTION.PRUNE_EVENT_RESOURCES).bind(...params),
          db.prepare(RETENTION.PRUNE_EVENTS_RETURNING).bind(...params),
          db.prepare(RETENTION.DROP_EMPTY_DAY_COUNTS),
        ]),
      );
      return results[1]?.results?.length ?? 0;
    },
    async stats() {
      const row = await db.prepare(RETENTION.STORE_STATS).first<RETENTION.StatsRow>();
      return { events: row?.events ?? 0, oldestReceivedMicros: row?.oldest ?? null, bytes: null };
    },
    async probeWrite() {
      // A write that changes nothing still needs the database to accept writes.
      await writing(() => db.prepare(RETENTION.WRITE_PROBE).run());
    },
    async close() {
      // The binding belongs to the runtime; nothing to close.
    },
  };
}
