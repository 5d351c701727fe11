/**
 * What only the PostgreSQL driver has to do: migrate once when processes start together, drop a
 * webhook another process changed from its cache, and never let a follower skip an event whose
 * writer took an earlier seq but committed later.
 */
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { EventFilter } from '../../src/schemas/filter';
import { readPostgresMigrations } from '../../src/store/migrations-fs';
import { createPostgresStore } from '../../src/store/postgres';
import { foldDayCounts } from '../../src/store/postgres/day-counts';
import { WRITERS_LOCK } from '../../src/store/postgres/dialect';
import { toEventRow } from '../../src/store/rows';
import { createTestPostgresStore, postgresUrl } from '../helpers/postgres';
import { sampleEvent, sampleWebhook } from '../store/samples';

async function connect(schema: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: postgresUrl(), options: `-c search_path=${schema}` });
  await client.connect();
  return client;
}

describe('PostgreSQL driver', () => {
  it('applies each migration once when several stores start together on a new schema', async () => {
    const first = createTestPostgresStore();
    const others = Array.from({ length: 3 }, () =>
      createPostgresStore({ url: postgresUrl(), schema: first.schema, migrations: readPostgresMigrations(), max: 2 }),
    );
    await Promise.all([first.store, ...others].map((store) => store.ping()));
    const client = await connect(first.schema);
    try {
      const { rows } = await client.query('SELECT name FROM hookgate_migrations ORDER BY name');
      expect(rows.map((row) => row.name)).toEqual(readPostgresMigrations().map((m) => m.name));
    } finally {
      await client.end();
      await Promise.all(others.map((store) => store.close()));
      await first.cleanup();
    }
  });

  it('drops a webhook another store changed from its cache (LISTEN/NOTIFY)', async () => {
    const one = createTestPostgresStore();
    const other = createPostgresStore({ url: postgresUrl(), schema: one.schema, migrations: readPostgresMigrations(), max: 2 });
    try {
      const webhook = sampleWebhook();
      await one.store.createWebhook(webhook);
      // Cached by `other` once its listener is up (it listens from its first call on).
      await other.ping();
      const cached = async () => (await other.getWebhookBySlug(webhook.slug))?.enabled;
      expect(await cached()).toBe(true);
      await one.store.updateWebhook({ ...webhook, enabled: false });
      const deadline = Date.now() + 3000;
      while ((await cached()) !== false && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
      expect(await cached()).toBe(false);
    } finally {
      await other.close();
      await one.cleanup();
    }
  });

  it('folds the day counts into one row per day and name without changing a total', async () => {
    const { store, schema, cleanup } = createTestPostgresStore();
    const client = await connect(schema);
    try {
      const day = { since: '2026-03-01T00:00:00Z', until: '2026-03-03T23:59:59Z' };
      for (let i = 0; i < 3; i++) await store.writeEvents([sampleEvent(), sampleEvent({ occurred: '2026-03-02T10:00:00Z' })]);
      const total = async () => (await store.queryEvents(EventFilter.parse({ occurred: day }), { limit: 0, offset: 0 })).total;
      const rows = async () => (await client.query('SELECT day FROM event_day_counts')).rowCount;
      expect([await total(), await rows()]).toEqual([6, 6]);
      await foldDayCounts(client);
      expect([await total(), await rows()]).toEqual([6, 2]);
    } finally {
      await client.end();
      await cleanup();
    }
  });

  it('refuses U+0000 in a name or label with 422 (PostgreSQL text cannot hold it), and stores the rest', async () => {
    const { store, cleanup } = createTestPostgresStore();
    try {
      const fine = sampleEvent({ payload: { text: 'nul \u0000 in a payload is kept' } });
      const [refused, stored] = await Promise.allSettled([
        store.writeEvents([sampleEvent({ event: 'nul.\u0000.name' })]),
        store.writeEvents([fine]),
      ]);
      expect(refused).toMatchObject({ status: 'rejected', reason: { status: 422, code: 'unsupported-character' } });
      expect(stored).toMatchObject({ status: 'fulfilled', value: { written: 1 } });
      expect((await store.readEvent(fine.id))?.payload).toEqual(fine.payload);
    } finally {
      await cleanup();
    }
  });

  it('makes a follower wait for a writer that took an earlier seq, so no event is skipped', async () => {
    const { store, schema, cleanup } = createTestPostgresStore();
    const everything = EventFilter.parse({});
    const { cursor } = await store.readEventsAfter(everything, undefined, 10);
    const slow = await connect(schema);
    try {
      // A writer as ./writes.ts writes: the writers' lock shared, then its rows; not committed yet.
      const early = sampleEvent();
      const row = toEventRow(early, Date.now() * 1000);
      await slow.query('BEGIN');
      await slow.query(`SELECT pg_advisory_xact_lock_shared(${WRITERS_LOCK})`);
      await slow.query(
        'INSERT INTO events (id, occurred, received, event, resource_id, search, body) VALUES ($1, $2, $3, $4, $5, $6, $7)',
        [row.id, row.occurred, row.received, row.event, row.resource_id, row.search, row.body],
      );
      const late = sampleEvent();
      await store.writeEvents([late]);
      // The later seq is committed, the earlier not: the follower must wait rather than move past it.
      const followed = store.readEventsAfter(everything, cursor, 10);
      await new Promise((r) => setTimeout(r, 100));
      await slow.query('COMMIT');
      expect((await followed).events.map((event) => event.id)).toEqual([early.id, late.id]);
    } finally {
      await slow.end();
      await cleanup();
    }
  });
});
