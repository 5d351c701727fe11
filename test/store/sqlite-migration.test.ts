/**
 * Upgrading a database written under the previous schema (day counts by a trigger per row, issue
 * 16 moves them to the writers): the events stay queryable with identical answers, and the day
 * counts stay equal to a recount of the events as new ones arrive, duplicates included.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Event } from '../../src/schemas/event';
import { EventFilter, ResolvedEventFilter } from '../../src/schemas/filter';
import { readMigrations } from '../../src/store/migrations-fs';
import { eventWrite, INSERT_EVENT, INSERT_RESOURCES, resourcesJsonParams } from '../../src/store/sql/statements';
import { createSqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/types';
import { sampleEvent } from './samples';

const PREVIOUS = readMigrations().filter((m) => m.name < '0019');
const WINDOW = { since: '2026-02-27T00:00:00Z', until: '2026-03-05T23:59:59.999999Z' };

function eventOn(i: number): Event {
  return sampleEvent({
    occurred: `2026-03-0${1 + (i % 4)}T0${i % 10}:00:00Z`,
    event: `mig.${['a', 'b', 'c'][i % 3]}`,
    resource: { 'prefect.resource.id': `mig.res.${i % 5}`, 'prefect.resource.name': `Res ${i % 5}` },
    related: [
      { 'prefect.resource.id': `mig.user.${i % 2}`, 'prefect.resource.role': 'sender' },
      { 'prefect.resource.id': 'hookgate.webhook.m', 'prefect.resource.role': 'webhook' },
    ],
  });
}

/** What a set of filters answers (pages, totals, counts): must not change across the upgrade. */
async function answers(store: Store): Promise<unknown[]> {
  const filters = [
    {},
    { event: { prefix: ['mig.a'] } },
    { resource: { id: ['mig.res.1'] } },
    { related: { id: ['mig.user.0'] } },
    { related: { role: ['sender'], labels: { 'prefect.resource.id': 'mig.user.*' } } },
    { any_resource: { id_prefix: ['mig.res.'] } },
    { resource: { labels: { 'prefect.resource.name': 'Res 3' } } },
  ];
  const out: unknown[] = [];
  for (const extra of filters) {
    const page = await store.queryEvents(EventFilter.parse({ occurred: WINDOW, ...extra }), { limit: 50, offset: 0 });
    out.push(
      page.total,
      page.events.map((e) => e.id),
    );
  }
  for (const countable of ['event', 'resource', 'day'] as const) {
    const filter = ResolvedEventFilter.parse({ occurred: WINDOW });
    out.push(await store.countEvents({ countable, filter, time_unit: 'day', time_interval: 1, nowMicros: Date.now() * 1000 }));
  }
  return out;
}

function dayCountsAndRecount(file: string) {
  const db = new Database(file, { readonly: true });
  const stored = db.prepare('SELECT day, event, n FROM event_day_counts WHERE n > 0 ORDER BY day, event').all() as {
    n: number;
  }[];
  const recount = db
    .prepare('SELECT occurred / 86400000000 AS day, event, count(*) AS n FROM events GROUP BY 1, 2 ORDER BY 1, 2')
    .all();
  db.close();
  return { stored, recount };
}

describe('migrating a SQLite database written under the previous schema', () => {
  it('keeps every answer identical and the day counts equal to a recount', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hookgate-migration-'));
    const file = join(dir, 'hookgate.db');
    try {
      // The previous schema, written the previous way: INSERT_RESOURCES and the per-row trigger.
      await createSqliteStore({ filename: file, migrations: PREVIOUS }).close();
      const db = new Database(file);
      const insertEvent = db.prepare(INSERT_EVENT);
      const insertResources = db.prepare(INSERT_RESOURCES);
      db.transaction(() => {
        for (let i = 0; i < 40; i++) {
          const write = eventWrite(eventOn(i), Date.now() * 1000);
          insertEvent.run(...write.event);
          insertResources.run(...resourcesJsonParams(write));
        }
      })();
      db.close();
      const old = createSqliteStore({ filename: file, migrations: PREVIOUS });
      const before = await answers(old);
      await old.close();

      for (const writer of ['inline', 'thread'] as const) {
        const store = createSqliteStore({ filename: file, migrations: readMigrations(), writer });
        expect(await answers(store)).toEqual(before);
        await store.close();
      }
      const store = createSqliteStore({ filename: file, migrations: readMigrations() });
      const more = Array.from({ length: 12 }, (_, i) => eventOn(100 + i));
      await store.writeEvents([...more.slice(0, 6), ...more.slice(0, 2)]);
      await Promise.all([store.writeEvents(more.slice(4, 9)), store.writeEvents(more.slice(8))]);
      await store.close();
      const { stored, recount } = dayCountsAndRecount(file);
      expect(stored).toEqual(recount);
      expect(stored.reduce((sum, row) => sum + row.n, 0)).toBe(52);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
