/**
 * The sink store (issue 13) over any transactor: the Node driver's better-sqlite3, the Workers
 * driver's D1 batches and PostgreSQL transactions run the same statements (./sinks.ts), in their
 * dialect. Each method that writes is one transaction, so a claim or a settlement is all or
 * nothing, and a sink change commits with its audit event (issue 17) or not at all.
 */
import type { StoredEvent } from '../../schemas/event';
import { fromEventBody } from '../rows';
import { fromSinkRow, type SinkRow, sinkRowParams, toSinkRow } from '../sink-rows';
import type { SinkCounters, SinkStore, SqlTransactor, StoredDeadLetter } from '../types';
import { type AuditedWrite, namedOnce, type Statement, stmt } from './sink-changes';
import * as SQL from './sinks';

interface CountersRow {
  state: SinkCounters['state'];
  delivered: number;
  retries: number;
  last_status: number | null;
  last_error: string | null;
  last_attempt: number | null;
  last_success: number | null;
  next_attempt: number;
  pending: number;
  oldest: number | null;
  dead: number;
}

interface DeadLetterRow {
  event_id: string;
  reason: string;
  status: number | null;
  excerpt: string;
  created: number;
  body: string | null;
}

const encoder = new TextEncoder();

/** UTF-8 bytes of `text`, encoding only when it could be large (the sender's size checks need exactness only near limits). */
function byteLength(text: string): number {
  return text.length * 3 < 1_000_000 ? text.length * 3 : encoder.encode(text).length;
}

/**
 * An event read back for forwarding. The store wrote this text itself from a validated event, so a
 * JSON parse and a shape check stand in for the full schema, which would double forwarding's cost.
 */
function outboxEvent(body: string): StoredEvent {
  const event = JSON.parse(body) as StoredEvent;
  if (typeof event?.id !== 'string' || typeof event.event !== 'string' || typeof event.resource !== 'object')
    return fromEventBody(body);
  return event;
}

/** `write` runs sink changes with their audit events (./sink-changes.ts: `auditedInTransaction` for SQLite and D1). */
export function createSinkStore(db: SqlTransactor, write: AuditedWrite): SinkStore {
  const one = async (sql: string, value: string) => (await db.all<SinkRow>(sql, [value]))[0];
  const OUTBOX = SQL.outboxStatements(db.dialect);
  return {
    async createSink(sink, audit) {
      await namedOnce(sink, () => write([stmt(SQL.INSERT_SINK, ...sinkRowParams(toSinkRow(sink)))], audit, 'before'));
    },
    async getSink(id) {
      const row = await one(SQL.SELECT_SINK, id);
      return row && fromSinkRow(row);
    },
    async getSinkByName(name) {
      const row = await one(SQL.SELECT_SINK_BY_NAME, name);
      return row && fromSinkRow(row);
    },
    async listSinks() {
      return (await db.all<SinkRow>(SQL.SELECT_SINKS, [])).map(fromSinkRow);
    },
    async updateSink(sink, audit) {
      const row = toSinkRow(sink);
      const update = stmt(SQL.UPDATE_SINK, row.name, row.enabled, row.origin, row.config, row.updated, row.id);
      return (await namedOnce(sink, () => write([update], audit, 'after'))) > 0;
    },
    async deleteSink(id, audit) {
      return (
        (await write(
          SQL.DELETE_SINK.map((sql) => stmt(sql, id)),
          audit,
          'after',
        )) > 0
      );
    },
    async sinkCounters(id) {
      const [row] = await db.all<CountersRow>(SQL.SELECT_SINK_STATUS, [id]);
      if (!row) return undefined;
      return {
        state: row.state,
        delivered: row.delivered,
        retries: row.retries,
        pending: row.pending,
        oldestPendingMicros: row.oldest,
        deadLetters: row.dead,
        lastStatus: row.last_status,
        lastError: row.last_error,
        lastAttemptMicros: row.last_attempt,
        lastSuccessMicros: row.last_success,
        nextAttemptMicros: row.next_attempt,
      };
    },
    async dueSinks(nowMicros) {
      const rows = await db.all<SinkRow & { failures: number }>(SQL.SELECT_DUE_SINKS, [nowMicros, nowMicros]);
      return rows.map((row) => ({ sink: fromSinkRow(row), failures: row.failures }));
    },
    async claimOutbox(sink, { token, nowMicros, leaseUntilMicros, limit }) {
      const claim = stmt(OUTBOX.claim, sink.id, nowMicros, limit, token, leaseUntilMicros, sink.id, nowMicros);
      const select = stmt(SQL.SELECT_CLAIMED, sink.id, leaseUntilMicros, token);
      // Without a filter only rows whose event is gone need dropping: checked only when the join lost some.
      let results = await db.transaction(
        sink.filter ? [claim, OUTBOX.dropUnmatched(sink.id, leaseUntilMicros, token, sink.filter), select] : [claim, select],
      );
      if (!sink.filter && (results[0]?.changes ?? 0) > (results[1]?.rows.length ?? 0)) {
        results = await db.transaction([claim, OUTBOX.dropUnmatched(sink.id, leaseUntilMicros, token, null), select]);
      }
      const rows = (results.at(-1)?.rows ?? []) as { body: string; attempts: number }[];
      return {
        token,
        events: rows.map((row) => ({ event: outboxEvent(row.body), attempts: row.attempts, bytes: byteLength(row.body) })),
      };
    },
    async settleOutbox(sinkId, token, s) {
      const delivered = s.delivered.length;
      const statements: Statement[] = [];
      if (s.dead.length > 0) {
        statements.push(stmt(OUTBOX.deadLetterClaimed, s.nowMicros, JSON.stringify(s.dead), sinkId, token));
        statements.push(stmt(OUTBOX.deleteClaimed, sinkId, JSON.stringify(s.dead.map((d) => d.eventId)), token));
      }
      if (delivered > 0) statements.push(stmt(OUTBOX.deleteClaimed, sinkId, JSON.stringify(s.delivered), token));
      if (s.retry.length > 0) {
        statements.push(stmt(OUTBOX.releaseClaimed, s.retryAtMicros, sinkId, JSON.stringify(s.retry), token));
      }
      const succeeded = !s.failed;
      statements.push(
        stmt(
          SQL.UPDATE_SINK_STATUS,
          s.state,
          delivered,
          s.failed ? s.retry.length : 0,
          s.failed ? 1 : 0,
          s.lastStatus,
          s.lastError,
          s.nowMicros,
          succeeded ? 1 : 0,
          s.nowMicros,
          s.nextAttemptMicros,
          sinkId,
        ),
      );
      await db.transaction(statements);
    },
    async listDeadLetters(sinkId, limit) {
      const rows = await db.all<DeadLetterRow>(SQL.SELECT_DEAD_LETTERS, [sinkId, limit]);
      return rows.map(
        (row): StoredDeadLetter => ({
          eventId: row.event_id,
          reason: row.reason,
          status: row.status,
          excerpt: row.excerpt,
          createdMicros: row.created,
          event: row.body === null ? null : fromEventBody(row.body),
        }),
      );
    },
    async retryDeadLetters(sinkId, ids) {
      const results = await db.transaction(OUTBOX.retryDeadLetters(sinkId, ids));
      return results[0]?.changes ?? 0;
    },
    async replaySink(sinkId, sinceMicros, limit) {
      const [result] = await db.transaction([stmt(SQL.REPLAY_SINK, sinkId, sinceMicros, limit)]);
      return result?.changes ?? 0;
    },
  };
}
