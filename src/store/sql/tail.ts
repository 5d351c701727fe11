/**
 * Following new events in arrival order (`seq`, the rowid, ascending) rather than by `occurred`,
 * so an event that arrives with an older `occurred` (a provider's own timestamp) is still seen.
 * A cursor is the `seq` the last call got to; each call reads a rowid range, never the whole table.
 */
import { InputError } from '../../lib/errors';
import type { EventFilter } from '../../schemas/filter';
import { fromEventBody } from '../rows';
import type { EventTail, SqlReader } from '../types';
import type { Dialect } from './dialect';
import { compileFilter, whereClause } from './filter';
import { limitedReader } from './limits';

/**
 * Stored events one call looks at, at most: a selective filter over a long backlog costs at most
 * this many row checks per call (a few ms), and a follower far behind catches up over several calls.
 */
export const TAIL_SCAN_EVENTS = 10_000;

/** A cursor: a seq in decimal, as handed out (below 2^53). */
const CURSOR = /^(0|[1-9]\d{0,14})$/;

function parseCursor(cursor: string): number {
  if (!CURSOR.test(cursor)) throw new InputError(422, 'invalid-cursor', 'the cursor is not one this server handed out');
  return Number(cursor);
}

/** One call's events: those after `from` up to `upto`, in arrival order, at most `limit`. */
const AFTER_SQL = (dialect: Dialect, where: string) =>
  `SELECT e.seq, e.body FROM events AS e ${dialect.notIndexed} WHERE e.seq > ? AND e.seq <= ? AND ${where} ORDER BY e.seq LIMIT ?`;

/**
 * The events `filter` matches (its occurred window as given) that were stored after `after`, in
 * arrival order, at most `limit`, and the cursor to pass next. Without `after`: no events and the
 * current end, so a follower starts from now. Fewer than `limit` events (even none) with a cursor
 * that moved on means the call looked at all it may; the next call continues from there.
 */
export async function readEventsAfter(
  source: SqlReader,
  filter: EventFilter,
  after: string | undefined,
  limit: number,
): Promise<EventTail> {
  const reader = limitedReader(source);
  const from = after === undefined ? undefined : parseCursor(after);
  const [last] = await reader.all<{ seq: number }>(reader.dialect.tailEnd, []);
  const end = last?.seq ?? 0;
  if (from === undefined) return { events: [], cursor: String(end) };
  // An end below the cursor (a store emptied since) resets the follower to the new end.
  const upto = Math.min(end, from + TAIL_SCAN_EVENTS);
  if (upto <= from || limit < 1) return { events: [], cursor: String(Math.min(from, upto)) };
  // Conditions for a scan: every one checked on the rows of the range, none through another index.
  const where = whereClause(compileFilter(filter, 'scan', reader.dialect));
  const rows = await reader.all<{ seq: number; body: string }>(AFTER_SQL(reader.dialect, where.sql), [
    from,
    upto,
    ...where.params,
    limit,
  ]);
  const full = rows.length === limit;
  return { events: rows.map((row) => fromEventBody(row.body)), cursor: String(full ? (rows.at(-1)?.seq ?? upto) : upto) };
}
