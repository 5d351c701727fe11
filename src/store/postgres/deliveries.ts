/**
 * The delivery log on PostgreSQL: the shared queries and prunes (src/store/sql/deliveries.ts), and
 * one statement of its own for writing a batch — records appended in order and the hourly counts
 * upserted once per (webhook, hour, outcome), in key order, so two processes writing the same
 * hours take turns on those rows instead of deadlocking (the shared per-record upsert would lock
 * them in the records' order, and PostgreSQL refuses to upsert one row twice in a statement).
 * @see https://www.postgresql.org/docs/15/sql-insert.html#SQL-ON-CONFLICT
 */
import * as DELIVERIES from '../sql/deliveries';
import type { DeliveryStore } from '../types';
import { type Connection, exec } from './connection';

const INSERT_DELIVERIES = `WITH input AS (
    SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[], $4::text[], $5::bigint[], $6::bigint[])
      WITH ORDINALITY AS i(webhook_id, received, outcome, body, hour, events, n)),
  logged AS (
    INSERT INTO deliveries (webhook_id, received, outcome, body)
    SELECT webhook_id, received, outcome, body FROM input ORDER BY n)
INSERT INTO delivery_counts AS c (webhook_id, hour, outcome, requests, events)
SELECT webhook_id, hour, outcome, count(*), sum(events) FROM input
GROUP BY webhook_id, hour, outcome ORDER BY webhook_id, hour, outcome
ON CONFLICT (webhook_id, hour, outcome) DO UPDATE SET requests = c.requests + excluded.requests, events = c.events + excluded.events`;

/** One array per column of INSERT_DELIVERIES, from the shared statements' parameters. */
function batchParams(records: Parameters<DeliveryStore['writeDeliveries']>[0]): unknown[][] {
  const columns: unknown[][] = Array.from({ length: 6 }, () => []);
  for (const record of records) {
    const [webhookId, received, outcome, body] = DELIVERIES.insertDeliveryParams(record);
    const [, hour, , events] = DELIVERIES.countDeliveryParams(record);
    for (const [i, value] of [webhookId, received, outcome, body, hour, events].entries()) columns[i]?.push(value);
  }
  return columns;
}

export function createDeliveryStore(db: Connection): DeliveryStore {
  return {
    async writeDeliveries(records) {
      if (records.length > 0) await db.run(INSERT_DELIVERIES, batchParams(records));
    },
    listDeliveries: (webhookId, listing) => DELIVERIES.listDeliveries(db.reader, webhookId, listing),
    countDeliveries: (webhookId, since, bucket) => DELIVERIES.countDeliveries(db.reader, webhookId, since, bucket),
    lastDeliveries: () => DELIVERIES.lastDeliveries(db.reader),
    async pruneDeliveries(olderThan, keep, onlyWebhooks) {
      const crowded = onlyWebhooks ?? (await DELIVERIES.crowdedWebhooks(db.reader, keep));
      return db.transaction(async (client) => {
        await exec(client, DELIVERIES.PRUNE_OLD_COUNTS, [DELIVERIES.hourOf(olderThan)]);
        let deleted = await exec(client, DELIVERIES.PRUNE_OLD_DELIVERIES, [olderThan]);
        for (const id of crowded) deleted += await exec(client, DELIVERIES.PRUNE_WEBHOOK_DELIVERIES, [id, id, keep]);
        return deleted;
      });
    },
  };
}
