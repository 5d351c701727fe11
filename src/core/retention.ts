/**
 * Retention (issue 17): events received longer ago than the retention window are pruned, a small
 * batch per transaction (so no write waits long on the lock), a bounded number of batches per run,
 * off the request path (a timer on Node, a cron trigger on Workers). All the "may this event go?"
 * logic is in the store's `pruneEvents` SQL (store/sql/retention.ts).
 */
import { microsFromMillis } from '../lib/time';
import type { RetentionStore } from '../store/types';

/** Events per transaction: a few milliseconds of SQLite work. */
export const PRUNE_BATCH = 500;
/** Batches per run: at most 10,000 events a run; the next run goes on. */
export const PRUNE_MAX_BATCHES = 20;

export interface RetentionRun {
  retentionMs: number;
  now: () => number;
  batch?: number;
  maxBatches?: number;
  /** Between batches, so other work (requests, the writer) gets its turn. */
  pause?: () => Promise<void>;
}

/** Prunes what has expired, batch by batch; resolves to the events deleted. Nothing when retention is 0. */
export async function pruneExpired(store: RetentionStore, run: RetentionRun): Promise<number> {
  if (run.retentionMs <= 0) return 0;
  const batch = run.batch ?? PRUNE_BATCH;
  const cutoff = microsFromMillis(run.now() - run.retentionMs);
  let deleted = 0;
  for (let i = 0; i < (run.maxBatches ?? PRUNE_MAX_BATCHES); i++) {
    const n = await store.pruneEvents(cutoff, batch);
    deleted += n;
    if (n < batch) break;
    await run.pause?.();
  }
  return deleted;
}
