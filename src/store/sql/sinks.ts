/**
 * The forwarding SQL every driver runs (src/store/sql/sink-store.ts executes it): sinks, the
 * outbox (one row per sink and event, written with the event, claimed with a lease) and dead
 * letters. No statement depends on `events.seq` order, so the design holds with several writers.
 */
import type { EventFilter } from '../../schemas/filter';
import type { Dialect } from './dialect';
import { compileFilter, whereClause } from './filter';
import { type Fragment, fragment } from './fragment';

// The outbox rows of a new event are written by the `events_outbox` trigger (migrations/0002,
// migrations/postgres/0050), inside the event's INSERT: one per enabled sink, and none for a
// duplicate (nothing is inserted).

export const SINK_COLUMNS = 'id, name, enabled, origin, config, created, updated';
export const INSERT_SINK = `INSERT INTO sinks (${SINK_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)`;
export const UPDATE_SINK = 'UPDATE sinks SET name = ?, enabled = ?, origin = ?, config = ?, updated = ? WHERE id = ?';
export const SELECT_SINK = `SELECT ${SINK_COLUMNS} FROM sinks WHERE id = ?`;
export const SELECT_SINK_BY_NAME = `SELECT ${SINK_COLUMNS} FROM sinks WHERE name = ?`;
export const SELECT_SINKS = `SELECT ${SINK_COLUMNS} FROM sinks ORDER BY created, id`;
export const DELETE_SINK = [
  'DELETE FROM sink_outbox WHERE sink_id = ?',
  'DELETE FROM sink_dead_letters WHERE sink_id = ?',
  'DELETE FROM sinks WHERE id = ?',
];

/** Enabled sinks out of backoff with at least one row due (unclaimed or lease expired). */
export const SELECT_DUE_SINKS = `SELECT ${SINK_COLUMNS}, failures FROM sinks AS s
WHERE s.enabled = 1 AND s.next_attempt <= ?
  AND EXISTS (SELECT 1 FROM sink_outbox AS o WHERE o.sink_id = s.id AND o.lease_until <= ?)
ORDER BY s.next_attempt, s.id`;

/** The outbox statements whose SQL differs by dialect: JSON lists, and row locks where several processes claim. */
export interface OutboxStatements {
  /**
   * Takes up to `limit` due rows, oldest first, under a fresh token: a lease until `lease_until`.
   * Parameters: sink, now, limit, token, lease end, sink, now. On PostgreSQL the pick locks the rows
   * it takes and skips those another claim holds; it is MATERIALIZED so it runs once (a subquery
   * the planner rescans could pick, and claim, more than `limit` rows). The UPDATE's WHERE checks
   * the lease again, so a row another claim took meanwhile is left to it.
   */
  claim: string;
  /** Settling goes through the primary key (sink, event), checking the token: a row taken over by another claim is left alone. */
  deleteClaimed: string;
  /** Back to the queue, held until `lease_until` (the retry time). */
  releaseClaimed: string;
  /** Claimed rows to dead letters, from a JSON array of {eventId, reason, status, excerpt}. */
  deadLetterClaimed: string;
  /** Dead letters back to the outbox (all, or those in a JSON array of ids). */
  retryDeadLetters(sinkId: string, ids: readonly string[] | undefined): Fragment[];
  /**
   * Claimed rows whose event is gone or does not match the sink's filter: dropped, not sent. Claimed
   * rows are found through the due index: this sink, this lease's end, this token.
   */
  dropUnmatched(sinkId: string, leaseUntil: number, token: string, filter: EventFilter | null): Fragment;
}

export function outboxStatements(dialect: Dialect): OutboxStatements {
  const ids = `(SELECT ids.value FROM ${dialect.jsonValues('ids')})`;
  const field = (key: string) => dialect.jsonField('d.value', key);
  return {
    claim: `WITH picked AS MATERIALIZED (
  SELECT event_id FROM sink_outbox WHERE sink_id = ? AND lease_until <= ? ORDER BY lease_until, received, event_id LIMIT ?
  ${dialect.skipLocked})
UPDATE sink_outbox SET claimed_by = ?, lease_until = ?, attempts = attempts + 1
WHERE sink_id = ? AND lease_until <= ? AND event_id IN (SELECT event_id FROM picked)`,
    deleteClaimed: `DELETE FROM sink_outbox WHERE sink_id = ? AND event_id IN ${ids} AND claimed_by = ?`,
    releaseClaimed: `UPDATE sink_outbox SET claimed_by = NULL, lease_until = ?
WHERE sink_id = ? AND event_id IN ${ids} AND claimed_by = ?`,
    deadLetterClaimed: `INSERT INTO sink_dead_letters (sink_id, event_id, received, reason, status, excerpt, created)
SELECT o.sink_id, o.event_id, o.received, ${field('reason')}, CAST(${field('status')} AS INTEGER), ${field('excerpt')},
  CAST(? AS BIGINT)
FROM ${dialect.jsonValues('d')} JOIN sink_outbox AS o ON o.sink_id = ? AND o.event_id = ${field('eventId')}
WHERE o.claimed_by = ?
ON CONFLICT (sink_id, event_id) DO UPDATE SET reason = excluded.reason, status = excluded.status,
  excerpt = excluded.excerpt, created = excluded.created`,
    retryDeadLetters(sinkId, only) {
      const chosen = only ? ` AND event_id IN ${ids}` : '';
      const params = only ? [sinkId, JSON.stringify(only)] : [sinkId];
      return [
        fragment(
          `INSERT INTO sink_outbox (sink_id, event_id, received) SELECT sink_id, event_id, received FROM sink_dead_letters
      WHERE sink_id = ?${chosen} ON CONFLICT DO NOTHING`,
          ...params,
        ),
        fragment(`DELETE FROM sink_dead_letters WHERE sink_id = ?${chosen}`, ...params),
      ];
    },
    dropUnmatched(sinkId, leaseUntil, token, filter) {
      const where = filter ? whereClause(compileFilter(filter, 'scan', dialect)) : fragment('1 = 1');
      return fragment(
        `DELETE FROM sink_outbox WHERE sink_id = ? AND lease_until = ? AND claimed_by = ? AND NOT EXISTS (
      SELECT 1 FROM events AS e WHERE e.id = sink_outbox.event_id AND ${where.sql})`,
        sinkId,
        leaseUntil,
        token,
        ...where.params,
      );
    },
  };
}

export const SELECT_CLAIMED = `SELECT e.body, o.attempts FROM sink_outbox AS o JOIN events AS e ON e.id = o.event_id
WHERE o.sink_id = ? AND o.lease_until = ? AND o.claimed_by = ? ORDER BY o.received, e.seq`;

/** After an attempt: the sink's state, counters and backoff. */
export const UPDATE_SINK_STATUS = `UPDATE sinks SET state = ?, delivered = delivered + ?, retries = retries + ?,
  failures = CASE WHEN ? = 1 THEN failures + 1 ELSE 0 END, last_status = ?, last_error = ?, last_attempt = ?,
  last_success = CASE WHEN ? = 1 THEN ? ELSE last_success END, next_attempt = ?
WHERE id = ?`;

export const SELECT_SINK_STATUS = `SELECT s.state, s.delivered, s.retries, s.last_status, s.last_error, s.last_attempt,
  s.last_success, s.next_attempt,
  (SELECT count(*) FROM sink_outbox WHERE sink_id = s.id) AS pending,
  (SELECT min(received) FROM sink_outbox WHERE sink_id = s.id) AS oldest,
  (SELECT count(*) FROM sink_dead_letters WHERE sink_id = s.id) AS dead
FROM sinks AS s WHERE s.id = ?`;

export const SELECT_DEAD_LETTERS = `SELECT d.event_id, d.reason, d.status, d.excerpt, d.created, e.body
FROM sink_dead_letters AS d LEFT JOIN events AS e ON e.id = d.event_id
WHERE d.sink_id = ? ORDER BY d.created DESC, d.event_id LIMIT ?`;

/** Every stored event received since a time, queued again for one sink (at most `limit`). */
export const REPLAY_SINK = `INSERT INTO sink_outbox (sink_id, event_id, received)
SELECT ?, id, received FROM events WHERE received >= ? ORDER BY received LIMIT ?
ON CONFLICT DO NOTHING`;
