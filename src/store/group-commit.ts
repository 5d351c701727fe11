/**
 * Group commit: write calls that arrive in the same turn of the event loop are written in one
 * transaction, and each call resolves only after that transaction commits — so the "no 2xx before
 * the commit" rule holds while one commit (the costly part) serves many requests. If a batch fails
 * for a reason other than "cannot write now", its calls are retried one by one, so one bad write
 * cannot fail the others.
 */
import { StoreUnavailableError } from '../lib/errors';
import type { WriteResult } from './types';

/** Items per transaction at most; more waiting are written in the next one. */
export const MAX_BATCH_ITEMS = 2000;

export type Outcome = { ok: true; result: WriteResult } | { ok: false; error: unknown };

/** Writes several calls' items in one transaction; one result per call, in order. Throws on failure. */
export type TransactionWriter<T> = (calls: readonly (readonly T[])[]) => WriteResult[];

/** One transaction for all calls; if it fails (and the store is not simply unavailable), one per call. */
export function writeIsolated<T>(write: TransactionWriter<T>, calls: readonly (readonly T[])[]): Outcome[] {
  try {
    return write(calls).map((result) => ({ ok: true, result }));
  } catch (error) {
    if (error instanceof StoreUnavailableError || calls.length === 1) return calls.map(() => ({ ok: false, error }));
    return calls.flatMap((call) => writeIsolated(write, [call]));
  }
}

interface Pending<T> {
  items: readonly T[];
  resolve(result: WriteResult): void;
  reject(error: unknown): void;
}

/**
 * Queues write calls and hands each turn's calls to `writeBatch` together (at most
 * MAX_BATCH_ITEMS items at a time); each call settles with its own outcome.
 */
export function createGroupCommit<T>(
  writeBatch: (calls: readonly (readonly T[])[]) => Outcome[] | Promise<Outcome[]>,
  schedule: (flush: () => void) => void,
) {
  const queue: Pending<T>[] = [];
  let scheduled = false;

  function take(): Pending<T>[] {
    let count = 0;
    let n = 0;
    while (n < queue.length && (n === 0 || count + (queue[n]?.items.length ?? 0) <= MAX_BATCH_ITEMS)) {
      count += queue[n]?.items.length ?? 0;
      n += 1;
    }
    return queue.splice(0, n);
  }

  async function settle(batch: Pending<T>[]): Promise<void> {
    try {
      const outcomes = await writeBatch(batch.map((p) => p.items));
      for (const [i, p] of batch.entries()) {
        const outcome = outcomes[i];
        if (outcome?.ok) p.resolve(outcome.result);
        else p.reject(outcome?.error ?? new StoreUnavailableError('the write was not carried out'));
      }
    } catch (error) {
      for (const p of batch) p.reject(error);
    }
  }

  function flush(): void {
    scheduled = false;
    void settle(take());
    if (queue.length > 0) {
      scheduled = true;
      schedule(flush);
    }
  }

  return (items: readonly T[]): Promise<WriteResult> =>
    new Promise((resolve, reject) => {
      queue.push({ items, resolve, reject });
      if (!scheduled) {
        scheduled = true;
        schedule(flush);
      }
    });
}
