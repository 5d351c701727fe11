/**
 * Waiting for another process's lock without blocking the event loop. SQLite's busy timeout
 * sleeps inside the call — on the inline path, the thread that serves HTTP, so a lock held
 * elsewhere froze every request, `/healthz` included. Connections on the event loop therefore run
 * with a busy timeout of 0, and a write that finds the database locked is tried again after a
 * timer (backing off up to LOCK_RETRY_MAX_DELAY_MS) for at most LOCK_WAIT_MS; then it fails as
 * "unavailable" (503 + Retry-After), so the sender retries later. Never 2xx without the commit.
 * @see https://www.sqlite.org/c3ref/busy_timeout.html
 */
import { StoreUnavailableError } from '../../lib/errors';

/** How long a write waits for another process's lock before the request gets 503. */
export const LOCK_WAIT_MS = 5000;
export const LOCK_RETRY_FIRST_DELAY_MS = 2;
export const LOCK_RETRY_MAX_DELAY_MS = 100;

/** "The database is locked by another connection": worth trying again shortly. */
export class StoreLockedError extends StoreUnavailableError {}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Runs `attempt` until it does not throw StoreLockedError, or LOCK_WAIT_MS have passed. */
export async function retryWhileLocked<T>(attempt: () => T, waitMs: number = LOCK_WAIT_MS): Promise<T> {
  const deadline = Date.now() + waitMs;
  let delay = LOCK_RETRY_FIRST_DELAY_MS;
  for (;;) {
    try {
      return attempt();
    } catch (error) {
      if (!(error instanceof StoreLockedError) || Date.now() >= deadline) throw error;
    }
    await sleep(delay);
    delay = Math.min(delay * 2, LOCK_RETRY_MAX_DELAY_MS);
  }
}

/**
 * Writes `calls` (one outcome each), trying again only the calls that found the database locked,
 * until none does or LOCK_WAIT_MS have passed (those then fail as unavailable).
 */
export async function writeRetryingLocked<C, O extends { ok: boolean; error?: unknown }>(
  write: (calls: readonly C[]) => O[],
  calls: readonly C[],
  waitMs = LOCK_WAIT_MS,
): Promise<O[]> {
  const deadline = Date.now() + waitMs;
  const outcomes: O[] = write(calls);
  let delay = LOCK_RETRY_FIRST_DELAY_MS;
  for (;;) {
    const locked = outcomes.flatMap((o, i) => (!o.ok && o.error instanceof StoreLockedError ? [i] : []));
    if (locked.length === 0 || Date.now() >= deadline) return outcomes;
    await sleep(delay);
    delay = Math.min(delay * 2, LOCK_RETRY_MAX_DELAY_MS);
    const retried = write(locked.map((i) => calls[i] as C));
    for (const [n, i] of locked.entries()) outcomes[i] = retried[n] as O;
  }
}
