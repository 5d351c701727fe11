/**
 * Retention's SQL (issue 17): the oldest events received before a cutoff, a bounded batch at a
 * time, and their resources. The day-count trigger (`events_uncounted`, migrations/0001) keeps the
 * count-by aggregates right as events go (on PostgreSQL it appends negative deltas, and the
 * driver's fold drops days that sum to nothing instead of DROP_EMPTY_DAY_COUNTS).
 *
 * PRUNABLE_EVENTS is the one place that decides which events may go: received before the cutoff,
 * and not pending in any sink's outbox — an event a sink has not yet delivered or dead-lettered is
 * never pruned (it goes once it is settled).
 */

/** Parameters: cutoff (received, microseconds), limit. Walks `events_received`; `sink_outbox_event` answers the rest. */
const PRUNABLE_EVENTS = `SELECT seq FROM events WHERE received < ?
AND NOT EXISTS (SELECT 1 FROM sink_outbox WHERE sink_outbox.event_id = events.id) ORDER BY received LIMIT ?`;

/** Resources first (explicitly, whatever the foreign-key setting), then the events; both take (cutoff, limit). */
export const PRUNE_EVENT_RESOURCES = `DELETE FROM event_resources WHERE event_seq IN (${PRUNABLE_EVENTS})`;
export const PRUNE_EVENTS = `DELETE FROM events WHERE seq IN (${PRUNABLE_EVENTS})`;
/** The same, answering one row per event deleted (D1's `changes` also counts the day-count trigger's). */
export const PRUNE_EVENTS_RETURNING = `${PRUNE_EVENTS} RETURNING seq`;

/** Day counts that pruning brought to zero: dropped so the table does not grow forever. */
export const DROP_EMPTY_DAY_COUNTS = 'DELETE FROM event_day_counts WHERE n <= 0';

export function pruneParams(beforeMicros: number, limit: number): unknown[] {
  return [beforeMicros, limit];
}

/** Pages handed back to the file system after each batch (SQLite incremental vacuum; 4 KiB pages). */
export const VACUUM_PAGES_PER_BATCH = 1024;

/** The gauges' figures: a sum over the small day-count table and one step of `events_received`. */
export const STORE_STATS = `SELECT (SELECT coalesce(sum(n), 0) FROM event_day_counts) AS events,
(SELECT min(received) FROM events) AS oldest`;

export interface StatsRow {
  events: number;
  oldest: number | null;
}

/** A write that changes nothing: for readiness, it needs a store that accepts writes (`false`: SQLite 3.23+ and PostgreSQL). */
export const WRITE_PROBE = 'DELETE FROM api_keys WHERE false';
