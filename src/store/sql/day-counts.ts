/**
 * The day counts (`event_day_counts`: events per UTC day and name, which count-by and filter
 * totals add up) kept by the writers, once per (day, name) and transaction rather than by a trigger
 * per inserted row (migrations/0019). Only events actually inserted count: a duplicate id (first
 * write wins) adds nothing. Deleting or moving events is still counted by triggers (retention).
 * PostgreSQL counts with a statement trigger instead (migrations/postgres/0001), also once per batch.
 */

/** Microseconds in a UTC day. */
export const DAY_MICROS = 86_400_000_000;

/** Days since the epoch of a time in microseconds (floor, also before 1970: as the triggers' CASE). */
export const dayOf = (micros: number): number => Math.floor(micros / DAY_MICROS);

/** Adds `n` events to a (day, name); parameters: day, event, n. */
export const COUNT_DAY = `INSERT INTO event_day_counts (day, event, n) VALUES (?, ?, ?)
ON CONFLICT (day, event) DO UPDATE SET n = n + excluded.n`;

/**
 * Counts, ahead of a batch that inserts them (a D1 batch is one transaction), the events of one
 * (day, name) whose ids are not stored yet: exactly those the batch's INSERT_EVENTs will insert.
 * Parameters: day, event, JSON array of the ids (each id once per batch).
 */
export const COUNT_DAY_OF_NEW_IDS = `INSERT INTO event_day_counts (day, event, n)
SELECT ?, ?, n FROM (SELECT count(*) AS n FROM json_each(?) AS j WHERE NOT EXISTS (SELECT 1 FROM events WHERE events.id = j.value))
WHERE n > 0 ON CONFLICT (day, event) DO UPDATE SET n = n + excluded.n`;

/**
 * Counts one event when the statement right before it changed rows (an audited change's event and
 * its resources, written only when the change applied). Parameters: day, event.
 */
export const COUNT_DAY_IF_CHANGED = `INSERT INTO event_day_counts (day, event, n) SELECT ?, ?, 1 WHERE changes() > 0
ON CONFLICT (day, event) DO UPDATE SET n = n + 1`;

/** Events added per (day, name) within one transaction. */
export class DayTally {
  readonly #counts = new Map<string, [day: number, event: string, n: number]>();

  add(day: number, event: string, n = 1): void {
    const key = `${day} ${event}`;
    const entry = this.#counts.get(key);
    if (entry) entry[2] += n;
    else this.#counts.set(key, [day, event, n]);
  }

  /** COUNT_DAY's parameters, one row per (day, name). */
  rows(): IterableIterator<[day: number, event: string, n: number]> {
    return this.#counts.values();
  }
}

/**
 * COUNT_DAY_OF_NEW_IDS' parameters for a batch: the ids of each (day, name), an id repeated in the
 * batch only where it first appears (the first write wins).
 */
export function newIdsByDay(writes: readonly { id: string; day: number; name: string }[]): unknown[][] {
  const seen = new Set<string>();
  const groups = new Map<string, [day: number, event: string, ids: string[]]>();
  for (const { id, day, name } of writes) {
    if (seen.has(id)) continue;
    seen.add(id);
    const key = `${day} ${name}`;
    const group = groups.get(key);
    if (group) group[2].push(id);
    else groups.set(key, [day, name, [id]]);
  }
  return [...groups.values()].map(([day, event, ids]) => [day, event, JSON.stringify(ids)]);
}
