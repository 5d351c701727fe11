/**
 * The delivery log's SQL, shared by the drivers: writes are statements with their parameters (each
 * driver runs them its way; PostgreSQL writes a batch in one statement of its own, built from the
 * same parameters), reads go through the driver's `SqlReader`.
 */
import { timestampMicros } from '../../lib/time';
import { Delivery } from '../../schemas/delivery';
import type { DeliveryCount, DeliveryListing, DeliveryPage, SqlReader } from '../types';

export const INSERT_DELIVERY = 'INSERT INTO deliveries (webhook_id, received, outcome, body) VALUES (?, ?, ?, ?)';
/** Adds a batch's requests and events of one (webhook, hour, outcome); parameters: countDeliveriesParams' rows. */
export const COUNT_DELIVERIES = `INSERT INTO delivery_counts (webhook_id, hour, outcome, requests, events) VALUES (?, ?, ?, ?, ?)
ON CONFLICT (webhook_id, hour, outcome) DO UPDATE SET requests = requests + excluded.requests, events = events + excluded.events`;
export const PRUNE_OLD_DELIVERIES = 'DELETE FROM deliveries WHERE received < ?';
export const PRUNE_OLD_COUNTS = 'DELETE FROM delivery_counts WHERE hour < ?';
export const CROWDED_WEBHOOKS = 'SELECT webhook_id FROM deliveries GROUP BY webhook_id HAVING count(*) > ?';
/** All but the newest `keep` records of one webhook. */
export const PRUNE_WEBHOOK_DELIVERIES = `DELETE FROM deliveries WHERE webhook_id = ? AND seq <= (
  SELECT seq FROM deliveries WHERE webhook_id = ? ORDER BY seq DESC LIMIT 1 OFFSET ?)`;

export const HOUR_MICROS = 3_600_000_000;

export function insertDeliveryParams(record: Delivery): unknown[] {
  return [record.webhookId, timestampMicros(record.received), record.outcome, JSON.stringify(record)];
}

export function countDeliveryParams(record: Delivery): unknown[] {
  return [record.webhookId, Math.floor(timestampMicros(record.received) / HOUR_MICROS), record.outcome, record.events];
}

/** COUNT_DELIVERIES' parameters for a batch: one row per (webhook, hour, outcome), not one per record. */
export function countDeliveriesParams(records: readonly Delivery[]): unknown[][] {
  const groups = new Map<string, [webhookId: string, hour: number, outcome: string, requests: number, events: number]>();
  for (const record of records) {
    const [webhookId, hour, outcome, events] = countDeliveryParams(record) as [string, number, string, number];
    const key = `${hour} ${outcome} ${webhookId}`;
    const group = groups.get(key);
    if (group) {
      group[3] += 1;
      group[4] += events;
    } else groups.set(key, [webhookId, hour, outcome, 1, events]);
  }
  return [...groups.values()];
}

/** Hours since the epoch of a time in microseconds. */
export const hourOf = (micros: number) => Math.floor(micros / HOUR_MICROS);

interface DeliveryRow {
  seq: number;
  body: string;
}

/** Rows are a boundary: parsed again on the way out. */
function fromRow(row: DeliveryRow): Delivery {
  return Delivery.parse(JSON.parse(row.body));
}

export async function listDeliveries(reader: SqlReader, webhookId: string, listing: DeliveryListing): Promise<DeliveryPage> {
  const where = ['webhook_id = ?'];
  const params: unknown[] = [webhookId];
  if (listing.outcome) {
    where.push('outcome = ?');
    params.push(listing.outcome);
  }
  const following = listing.after !== undefined;
  if (following) {
    where.push('seq > ?');
    params.push(listing.after);
  } else if (listing.before !== undefined) {
    where.push('seq < ?');
    params.push(listing.before);
  }
  // One more than asked tells whether an older page follows.
  const order = following ? 'ASC' : 'DESC';
  const rows = await reader.all<DeliveryRow>(
    `SELECT seq, body FROM deliveries WHERE ${where.join(' AND ')} ORDER BY seq ${order} LIMIT ?`,
    [...params, listing.limit + 1],
  );
  const more = rows.length > listing.limit;
  const page = rows.slice(0, listing.limit);
  const seqs = page.map((row) => row.seq);
  const newest = seqs.length === 0 ? (listing.after ?? null) : Math.max(...seqs);
  return {
    deliveries: page.map(fromRow),
    next: !following && more ? (page.at(-1)?.seq ?? null) : null,
    cursor: newest ?? (await newestSeq(reader, webhookId)),
  };
}

async function newestSeq(reader: SqlReader, webhookId: string): Promise<number | null> {
  const rows = await reader.all<{ seq: number | null }>('SELECT max(seq) AS seq FROM deliveries WHERE webhook_id = ?', [
    webhookId,
  ]);
  return rows[0]?.seq ?? null;
}

/** Requests and events per outcome in buckets of whole hours, from the hour `sinceMicros` falls in. */
export async function countDeliveries(
  reader: SqlReader,
  webhookId: string,
  sinceMicros: number,
  bucketMicros: number,
): Promise<DeliveryCount[]> {
  const first = hourOf(sinceMicros);
  const hours = Math.max(1, Math.round(bucketMicros / HOUR_MICROS));
  const rows = await reader.all<{ bucket: number; outcome: DeliveryCount['outcome']; n: number; events: number }>(
    `SELECT CAST((hour - ?) / ? AS INTEGER) AS bucket, outcome, sum(requests) AS n, sum(events) AS events FROM delivery_counts
     WHERE webhook_id = ? AND hour >= ? GROUP BY bucket, outcome ORDER BY bucket, outcome`,
    [first, hours, webhookId, first],
  );
  return rows.map((row) => ({
    bucket: (first + row.bucket * hours) * HOUR_MICROS,
    outcome: row.outcome,
    n: row.n,
    events: row.events,
  }));
}

export async function lastDeliveries(reader: SqlReader): Promise<Map<string, Delivery>> {
  const rows = await reader.all<DeliveryRow>(
    `SELECT d.seq, d.body FROM deliveries d
     JOIN (SELECT webhook_id, max(seq) AS seq FROM deliveries GROUP BY webhook_id) newest ON d.seq = newest.seq`,
    [],
  );
  return new Map(
    rows.map((row) => {
      const record = fromRow(row);
      return [record.webhookId, record];
    }),
  );
}

/** The webhooks holding more than `keep` records: the ones a prune trims. */
export async function crowdedWebhooks(reader: SqlReader, keep: number): Promise<string[]> {
  return (await reader.all<{ webhook_id: string }>(CROWDED_WEBHOOKS, [keep])).map((row) => row.webhook_id);
}
