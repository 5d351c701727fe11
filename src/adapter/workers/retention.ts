/**
 * Retention on Workers: the cron trigger (wrangler.toml `[triggers]`) calls this; it prunes in
 * bounded steps (at most PRUNE_MAX_BATCHES batches of PRUNE_BATCH events per run, each one D1 batch),
 * so a run stays well inside a scheduled invocation's limits; the next run goes on.
 */
import { pruneExpired } from '../../core/retention';
import { parseRetention } from '../../lib/duration';
import { createD1Store } from '../../store/d1';
import type { WorkerEnv } from './config';
import { workersLogger } from './logger';

export async function runRetention(env: WorkerEnv, now: () => number = Date.now): Promise<number> {
  const retentionMs = parseRetention(env.HOOKGATE_RETENTION);
  if (retentionMs === undefined) {
    workersLogger.warn('HOOKGATE_RETENTION is not a duration such as 30d: nothing pruned', {});
    return 0;
  }
  const deleted = await pruneExpired(createD1Store(env.DB), { retentionMs, now });
  if (deleted > 0) workersLogger.info('retention pruned events', { deleted });
  return deleted;
}
