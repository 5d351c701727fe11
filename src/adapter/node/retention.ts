/** Retention on Node: a timer that prunes expired events once a minute, off the request path; stopped on close. */
import { setImmediate } from 'node:timers/promises';
import { pruneExpired } from '../../core/retention';
import type { Logger } from '../../deps';
import type { RetentionStore } from '../../store/types';

export const RETENTION_INTERVAL_MS = 60_000;

export interface RetentionTimer {
  /** One run now (tests, and the first run at start). */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

export function startRetention(store: RetentionStore, retentionMs: number, log: Logger, now = Date.now): RetentionTimer {
  let running: Promise<number> | undefined;
  const runOnce = () => {
    running ??= pruneExpired(store, { retentionMs, now, pause: () => setImmediate() })
      .then((deleted) => {
        if (deleted > 0) log.info('retention pruned events', { deleted });
        return deleted;
      })
      .catch((error: unknown) => {
        log.warn('retention run failed', { error: String(error) });
        return 0;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  const timer = retentionMs > 0 ? setInterval(runOnce, RETENTION_INTERVAL_MS) : undefined;
  timer?.unref();
  if (retentionMs > 0) void runOnce();
  return {
    runOnce,
    async stop() {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}
