/**
 * Writes the delivery log off the hot path: a request only appends its record to a buffer; the
 * buffer is written in one batch shortly after (a timer, or the runtime's `waitUntil`), and old
 * records are pruned now and then. A record is a diagnostic, not an event: when the store cannot
 * take it, it is dropped and counted, and the buffer is bounded, so the log never holds up or
 * endangers a webhook request.
 */
import type { Delivery } from '../../schemas/delivery';
import type { DeliveryStore } from '../../store/types';

export interface DeliveryLogSettings {
  store: DeliveryStore;
  now: () => number;
  /** Called with the reason when records are dropped (store unavailable, buffer full). */
  onDrop?: (count: number, reason: string) => void;
  /** Milliseconds between a record and the write of its batch. */
  flushDelayMs?: number;
  /** Records held at most while waiting for a write; beyond, new ones are dropped. */
  maxPending?: number;
  /** Records kept per webhook, newest first. */
  keepPerWebhook?: number;
  /** Age after which records are pruned, in milliseconds. */
  maxAgeMs?: number;
  /** How often a write also prunes every webhook (a scan for the crowded ones), in milliseconds. */
  pruneEveryMs?: number;
  /**
   * How often, at most, a write also trims the webhooks it wrote to, in milliseconds: under steady
   * load a few hundred records at a time, instead of a minute's worth in one transaction. A webhook
   * is trimmed once it has `trimAfterRecords` new records: on Workers a flush follows every request,
   * and a trim reads up to `keepPerWebhook` index entries.
   */
  trimEveryMs?: number;
  trimAfterRecords?: number;
}

export const DELIVERY_LOG_DEFAULTS = {
  flushDelayMs: 100,
  maxPending: 10_000,
  keepPerWebhook: 1_000,
  maxAgeMs: 7 * 24 * 3_600_000,
  pruneEveryMs: 60_000,
  trimEveryMs: 100,
  trimAfterRecords: 100,
} as const;

export interface DeliveryLog {
  record(delivery: Delivery): void;
  /** Writes what is buffered (and prunes when due); resolves when done. Never rejects. */
  flush(): Promise<void>;
}

export function createDeliveryLog(settings: DeliveryLogSettings): DeliveryLog {
  const options = { ...DELIVERY_LOG_DEFAULTS, ...settings };
  let pending: Delivery[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let writing: Promise<void> = Promise.resolve();
  let lastPrune = 0;
  let lastTrim = 0;
  /** Records written per webhook since its last trim (webhooks of this app only, so bounded). */
  const untrimmed = new Map<string, number>();

  const drop = (count: number, reason: string) => {
    if (count > 0) options.onDrop?.(count, reason);
  };

  async function writeBatch(batch: Delivery[]): Promise<void> {
    try {
      if (batch.length > 0) await options.store.writeDeliveries(batch);
    } catch (error) {
      drop(batch.length, (error as Error).message);
    }
    for (const record of batch) untrimmed.set(record.webhookId, (untrimmed.get(record.webhookId) ?? 0) + 1);
    const t = options.now();
    const everyWebhook = t - lastPrune >= options.pruneEveryMs;
    const crowded = everyWebhook || t - lastTrim < options.trimEveryMs ? [] : dueForTrim();
    if (!everyWebhook && crowded.length === 0) return;
    lastTrim = t;
    if (everyWebhook) {
      lastPrune = t;
      untrimmed.clear();
    }
    for (const id of crowded) untrimmed.delete(id);
    try {
      await options.store.pruneDeliveries(
        (t - options.maxAgeMs) * 1000,
        options.keepPerWebhook,
        everyWebhook ? undefined : crowded,
      );
    } catch {
      if (everyWebhook) lastPrune = 0; // try again with the next batch
    }
  }

  /** The webhooks with `trimAfterRecords` records or more since they were last trimmed. */
  function dueForTrim(): string[] {
    const due: string[] = [];
    for (const [id, count] of untrimmed) if (count >= options.trimAfterRecords) due.push(id);
    return due;
  }

  function flush(): Promise<void> {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const batch = pending;
    pending = [];
    // One write at a time, in order: batches never interleave.
    writing = writing.then(() => writeBatch(batch));
    return writing;
  }

  return {
    record(delivery) {
      if (pending.length >= options.maxPending) {
        drop(1, 'the delivery log buffer is full');
        return;
      }
      pending.push(delivery);
      timer ??= setTimeout(flush, options.flushDelayMs);
    },
    flush,
  };
}
