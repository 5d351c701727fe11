/**
 * Folding the day counts: writers append one delta row per (day, event name) and statement
 * (migrations/postgres/), so the table grows with every batch. Now and then each process folds
 * the rows of each (day, name) into one — in one statement, so totals never change while it runs
 * — and only one process at a time (a transaction-level try-lock; the others skip their turn). A
 * (day, name) whose events were all pruned sums to nothing and is dropped (SQLite's
 * DROP_EMPTY_DAY_COUNTS; deleting its rows anywhere else could race with a fold and lose a delta).
 */
import type pg from 'pg';

/** How often a process folds, ms. */
export const FOLD_EVERY_MS = 30_000;

const FOLD = `WITH turn AS (SELECT pg_try_advisory_xact_lock(hashtext('hookgate.day-counts'), hashtext(current_schema())) AS mine),
  gone AS (
    DELETE FROM event_day_counts AS c
    USING turn, (SELECT day, event FROM event_day_counts GROUP BY day, event HAVING count(*) > 1) AS many
    WHERE turn.mine AND c.day = many.day AND c.event = many.event
    RETURNING c.day, c.event, c.n)
INSERT INTO event_day_counts (day, event, n)
SELECT day, event, sum(n) FROM gone GROUP BY day, event HAVING sum(n) <> 0`;

/** Folds the day counts once; errors are left to the next turn (the table only grows meanwhile). */
export async function foldDayCounts(pool: pg.Pool | pg.Client): Promise<void> {
  await pool.query(FOLD).catch(() => {});
}

/** Folds every FOLD_EVERY_MS until the returned function is called; the timer keeps no process alive. */
export function foldDayCountsPeriodically(pool: pg.Pool, ready: () => Promise<unknown>): () => void {
  const timer = setInterval(() => {
    void ready().then(
      () => foldDayCounts(pool),
      () => {},
    );
  }, FOLD_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
