/**
 * What the PostgreSQL driver adds to the contract for the newer store methods: a change made with
 * its audit event reaches other processes' webhook caches, pruned days fold away without changing
 * a total, two processes log deliveries for the same hours at once, and a read-only store fails
 * the write probe as unavailable.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { ADMIN_TOKEN_ACTOR, webhookAudit } from '../../src/core/audit';
import { StoreUnavailableError } from '../../src/lib/errors';
import { readPostgresMigrations } from '../../src/store/migrations-fs';
import { createPostgresStore } from '../../src/store/postgres';
import { foldDayCounts } from '../../src/store/postgres/day-counts';
import { createTestPostgresStore, postgresUrl } from '../helpers/postgres';
import { sampleDelivery } from '../store/contract-deliveries';
import { sampleEvent, sampleWebhook } from '../store/samples';

const HOUR_MICROS = 3_600_000_000;
const BASE_MICROS = Date.UTC(2026, 2, 1, 10) * 1000;

function secondStore(schema: string) {
  return createPostgresStore({ url: postgresUrl(), schema, migrations: readPostgresMigrations(), max: 2 });
}

describe('PostgreSQL driver: changes, retention and the delivery log', () => {
  it('drops a webhook changed with its audit event from another store’s cache (LISTEN/NOTIFY)', async () => {
    const one = createTestPostgresStore();
    const other = secondStore(one.schema);
    try {
      const webhook = sampleWebhook();
      const now = Date.now();
      await one.store.applyChange({ kind: 'webhook.create', webhook }, webhookAudit('created', webhook, ADMIN_TOKEN_ACTOR, now));
      await other.ping();
      const cached = async () => (await other.getWebhookBySlug(webhook.slug))?.enabled;
      expect(await cached()).toBe(true);
      const disabled = { ...webhook, enabled: false };
      const audit = webhookAudit('updated', disabled, ADMIN_TOKEN_ACTOR, now);
      await expect(one.store.applyChange({ kind: 'webhook.update', webhook: disabled }, audit)).resolves.toBe(true);
      const deadline = Date.now() + 3000;
      while ((await cached()) !== false && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await cached()).toBe(false);
      expect(await other.readEvent(audit.id)).toMatchObject({ event: 'hookgate.webhook.updated' });
    } finally {
      await other.close();
      await one.cleanup();
    }
  });

  it('folds away the day counts of pruned days, and totals stay right', async () => {
    const { store, schema, cleanup } = createTestPostgresStore();
    const client = new pg.Client({ connectionString: postgresUrl(), options: `-c search_path=${schema}` });
    await client.connect();
    try {
      const gone = Array.from({ length: 3 }, () => sampleEvent({ occurred: '2026-03-02T10:00:00Z' }));
      await store.writeEvents(gone);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const cutoff = Date.now() * 1000;
      await new Promise((resolve) => setTimeout(resolve, 5));
      await store.writeEvents([sampleEvent()]);
      expect(await store.pruneEvents(cutoff, 10)).toBe(3);
      expect((await store.stats()).events).toBe(1);
      await foldDayCounts(client);
      const { rows } = await client.query('SELECT day, n FROM event_day_counts');
      expect(rows).toEqual([{ day: String(Math.floor(Date.UTC(2026, 2, 1) / 86_400_000)), n: '1' }]);
      expect((await store.stats()).events).toBe(1);
    } finally {
      await client.end();
      await cleanup();
    }
  });

  it('counts every delivery when two stores log the same hours at once', async () => {
    const one = createTestPostgresStore();
    const other = secondStore(one.schema);
    try {
      const hooks = [crypto.randomUUID(), crypto.randomUUID()];
      const batch = (i: number) =>
        hooks.flatMap((hook) => [
          sampleDelivery(hook, 'stored', BASE_MICROS + i),
          sampleDelivery(hook, 'rejected', BASE_MICROS + HOUR_MICROS + i),
        ]);
      // Each store writes batches whose hours and webhooks overlap the other's, in the opposite order.
      await Promise.all(
        Array.from({ length: 10 }, (_, i) => [
          one.store.writeDeliveries(batch(i)),
          other.writeDeliveries(batch(100 + i).reverse()),
        ]).flat(),
      );
      for (const hook of hooks) {
        expect(await one.store.countDeliveries(hook, BASE_MICROS, HOUR_MICROS)).toEqual([
          { bucket: BASE_MICROS, outcome: 'stored', n: 20, events: 20 },
          { bucket: BASE_MICROS + HOUR_MICROS, outcome: 'rejected', n: 20, events: 0 },
        ]);
        expect((await one.store.listDeliveries(hook, { limit: 100 })).deliveries).toHaveLength(40);
      }
    } finally {
      await other.close();
      await one.cleanup();
    }
  });

  it('fails the write probe as unavailable on a read-only store', async () => {
    const { store, openReadonly, cleanup } = createTestPostgresStore();
    await store.ping();
    const readonly = openReadonly();
    try {
      await expect(readonly.probeWrite()).rejects.toBeInstanceOf(StoreUnavailableError);
      await expect(store.probeWrite()).resolves.toBeUndefined();
    } finally {
      await readonly.close();
      await cleanup();
    }
  });
});
