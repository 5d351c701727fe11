/**
 * Writing events to PostgreSQL: the calls that arrive together (group commit, ../group-commit.ts)
 * go in ONE statement — events, their resources and the day counts — which commits on its own and
 * returns once the commit is flushed (synchronous_commit on). `ON CONFLICT (id) DO NOTHING` makes
 * the same delivery racing on two processes store one event: the second waits for the first's
 * commit, then skips. Writers hold the writers' lock shared from before they take a `seq` until
 * they commit, so a follower can tell when every seq up to a point is settled (./dialect.ts).
 */
import type pg from 'pg';
import { StoreUnavailableError } from '../../lib/errors';
import type { Event } from '../../schemas/event';
import { toEventRow, toResourceRows } from '../rows';
import type { WriteResult } from '../types';
import { WRITERS_LOCK } from './dialect';
import { available } from './pool';

/** One event, prepared before the batch it goes in. */
export interface PreparedEvent {
  id: string;
  row: unknown[];
  resources: string[][];
}

export function prepareEvent(event: Event, receivedMicros: number): PreparedEvent {
  const row = toEventRow(event, receivedMicros);
  return {
    id: row.id,
    row: [row.id, row.occurred, row.received, row.event, row.resource_id, row.search, row.body],
    resources: toResourceRows(event).map((r) => [r.resource_id, r.role, r.labels]),
  };
}

export const INSERT_BATCH = `WITH writer AS (SELECT pg_advisory_xact_lock_shared(${WRITERS_LOCK})),
  input AS (
    SELECT * FROM unnest($1::text[], $2::bigint[], $3::bigint[], $4::text[], $5::text[], $6::text[], $7::text[])
      WITH ORDINALITY AS i(id, occurred, received, event, resource_id, search, body, n)),
  inserted AS (
    INSERT INTO events (id, occurred, received, event, resource_id, search, body)
    SELECT input.id, input.occurred, input.received, input.event, input.resource_id, input.search, input.body::json
    FROM writer, input ORDER BY input.n
    ON CONFLICT (id) DO NOTHING
    RETURNING seq, id, occurred),
  resources AS (
    INSERT INTO event_resources (event_seq, occurred, resource_id, role, labels)
    SELECT inserted.seq, inserted.occurred, r.resource_id, r.role, r.labels::jsonb
    FROM inserted JOIN unnest($8::text[], $9::text[], $10::text[], $11::text[]) AS r(event_id, resource_id, role, labels)
      ON r.event_id = inserted.id)
SELECT id FROM inserted`;

/** The statement's parameters: one array per column; an id repeated in the batch goes in once (first write wins). */
export function batchParams(events: readonly PreparedEvent[]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 11 }, () => []);
  const seen = new Set<string>();
  for (const event of events) {
    if (seen.has(event.id)) continue;
    seen.add(event.id);
    for (const [i, value] of event.row.entries()) columns[i]?.push(value);
    for (const [resourceId, role, labels] of event.resources) {
      columns[7]?.push(event.id);
      columns[8]?.push(resourceId);
      columns[9]?.push(role);
      columns[10]?.push(labels);
    }
  }
  return columns;
}

/** Inserts events, their resources and day counts in one statement (on its own, or in a caller's transaction): the ids newly stored. */
export async function insertEvents(db: pg.Pool | pg.PoolClient, events: readonly PreparedEvent[]): Promise<Set<string>> {
  const { rows } = await db.query<{ id: string }>(INSERT_BATCH, batchParams(events));
  return new Set(rows.map((row) => row.id));
}

/** Writes several calls' events in one statement; one result per call, in order. */
async function writeBatch(pool: pg.Pool, calls: readonly (readonly PreparedEvent[])[]): Promise<WriteResult[]> {
  const inserted = await available(() => insertEvents(pool, calls.flat()));
  return calls.map((call) => {
    let written = 0;
    for (const event of call) if (inserted.delete(event.id)) written += 1;
    return { written, duplicates: call.length - written };
  });
}

export type Outcome = { ok: true; result: WriteResult } | { ok: false; error: unknown };

/**
 * One statement for all calls; if it fails for a reason of its own (not "unavailable"), one per
 * call, so one bad event cannot fail the others' requests.
 */
export async function writeIsolated(pool: pg.Pool, calls: readonly (readonly PreparedEvent[])[]): Promise<Outcome[]> {
  try {
    return (await writeBatch(pool, calls)).map((result) => ({ ok: true, result }));
  } catch (error) {
    if (error instanceof StoreUnavailableError || calls.length === 1) return calls.map(() => ({ ok: false, error }));
    const outcomes: Outcome[] = [];
    for (const call of calls) outcomes.push(...(await writeIsolated(pool, [call])));
    return outcomes;
  }
}
