/**
 * The delivery log on SQLite: a batch of records and its hourly counts in one transaction, the
 * shared queries, and the prunes (by age, and by number for the crowded or the given webhooks).
 * Writes go through the store's `write`, so a lock is waited for with timers, then 503.
 */
import type Database from 'better-sqlite3';
import * as DELIVERIES from '../sql/deliveries';
import type { DeliveryStore, SqlReader } from '../types';

export function createSqliteDeliveryStore(
  db: Database.Database,
  reader: SqlReader,
  write: <T>(change: () => T) => Promise<T>,
): DeliveryStore {
  const insertDelivery = db.prepare(DELIVERIES.INSERT_DELIVERY);
  const countDeliveries = db.prepare(DELIVERIES.COUNT_DELIVERIES);
  const pruneOldCounts = db.prepare(DELIVERIES.PRUNE_OLD_COUNTS);
  const pruneOldDeliveries = db.prepare(DELIVERIES.PRUNE_OLD_DELIVERIES);
  const pruneWebhookDeliveries = db.prepare(DELIVERIES.PRUNE_WEBHOOK_DELIVERIES);
  return {
    async writeDeliveries(records) {
      if (records.length === 0) return;
      await write(() =>
        db.transaction(() => {
          for (const record of records) insertDelivery.run(...DELIVERIES.insertDeliveryParams(record));
          for (const params of DELIVERIES.countDeliveriesParams(records)) countDeliveries.run(...params);
        })(),
      );
    },
    listDeliveries: (webhookId, listing) => DELIVERIES.listDeliveries(reader, webhookId, listing),
    countDeliveries: (webhookId, since, bucket) => DELIVERIES.countDeliveries(reader, webhookId, since, bucket),
    lastDeliveries: () => DELIVERIES.lastDeliveries(reader),
    async pruneDeliveries(olderThan, keep, onlyWebhooks) {
      const crowded = onlyWebhooks ?? (await DELIVERIES.crowdedWebhooks(reader, keep));
      return write(() =>
        db.transaction(() => {
          pruneOldCounts.run(DELIVERIES.hourOf(olderThan));
          let deleted = pruneOldDeliveries.run(olderThan).changes;
          for (const id of crowded) deleted += pruneWebhookDeliveries.run(id, id, keep).changes;
          return deleted;
        })(),
      );
    },
  };
}
