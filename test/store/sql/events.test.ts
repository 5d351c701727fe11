/**
 * The shared event SQL on a real SQLite file: the shortcuts (day counts, resource-driven pages)
 * must give exactly what the general query gives, at day boundaries, with ties and duplicates.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatTimestamp, parseTimestamp } from '../../../src/lib/time';
import type { Event } from '../../../src/schemas/event';
import { EventFilter } from '../../../src/schemas/filter';
import { readMigrations } from '../../../src/store/migrations-fs';
import { SQLITE } from '../../../src/store/sql/dialect';
import { whereClause } from '../../../src/store/sql/filter';
import { createSqliteStore } from '../../../src/store/sqlite';
import type { SqlReader, Store } from '../../../src/store/types';

const DAY = 86_400_000_000;
const BASE = parseTimestamp('2026-03-10T00:00:00Z') as number;
const NAMES = ['a.one', 'a.two', 'b.one'];

/** 3 days of events, a few exactly on midnight, several sharing one instant, one before 1970. */
function sampleEvents(): Event[] {
  const times = [BASE - 1, BASE, BASE + 1, BASE + DAY - 1, BASE + DAY, BASE + DAY, BASE + DAY, BASE + 2 * DAY + 7, -1];
  for (let i = 0; i < 40; i++) times.push(BASE + Math.floor((i * 3 * DAY) / 40) + 12345);
  return times.map((occurred, i) => ({
    id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
    occurred: formatTimestamp(occurred),
    event: NAMES[i % 3] as string,
    resource: { 'prefect.resource.id': i % 2 ? 'shared' : `own.${i}` },
    related: i % 4 === 0 ? [{ 'prefect.resource.id': 'shared', 'prefect.resource.role': 'twin' }] : [],
    payload: {},
    follows: null,
  }));
}

describe('event SQL', () => {
  let dir: string;
  let store: Store;
  let db: Database.Database;
  let reader: SqlReader;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookgate-sql-'));
    store = createSqliteStore({ filename: join(dir, 'db.sqlite'), migrations: readMigrations() });
    await store.writeEvents(sampleEvents());
    await store.writeEvents(sampleEvents()); // duplicates are no-ops, for the day counts too
    db = new Database(join(dir, 'db.sqlite'), { readonly: true });
    reader = { dialect: SQLITE, all: async (sql, params) => db.prepare(sql).all(...params) as never };
  });
  afterAll(async () => {
    db.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function generalCount(raw: unknown): Promise<number> {
    const where = whereClause(EventFilter.parse(raw));
    const [row] = await reader.all<{ n: number }>(`SELECT count(*) AS n FROM events AS e WHERE ${where.sql}`, where.params);
    return row?.n ?? -1;
  }

  async function allPages(raw: unknown, limit: number): Promise<string[]> {
    const filter = EventFilter.parse(raw);
    const ids: string[] = [];
    for (let offset = 0; ; offset += limit) {
      const page = await store.queryEvents(filter, { limit, offset });
      ids.push(...page.events.map((event) => event.id));
      if (page.events.length < limit) return ids;
    }
  }

  it('counts a time window from day counts exactly, whatever its ends', async () => {
    const ends = [BASE - DAY, BASE - 1, BASE, BASE + 1, BASE + DAY - 1, BASE + DAY, BASE + 2 * DAY + 7, BASE + 3 * DAY];
    const names = [undefined, { prefix: ['a.'] }, { name: ['b.one'] }, { exclude_prefix: ['a.t'] }];
    for (const since of ends) {
      for (const until of ends.filter((end) => end >= since)) {
        for (const event of names) {
          const raw = { occurred: { since: formatTimestamp(since), until: formatTimestamp(until) }, event };
          const { total } = await store.queryEvents(EventFilter.parse(raw), { limit: 1, offset: 0 });
          expect(total, JSON.stringify(raw)).toBe(await generalCount(raw));
        }
      }
    }
  });

  it('counts everything, before 1970 too, when no window is given', async () => {
    const { total } = await store.queryEvents(EventFilter.parse({}), { limit: 0, offset: 0 });
    expect(total).toBe(sampleEvents().length);
  });

  it('returns an event matching on two resource rows once, and counts it once', async () => {
    const filter = EventFilter.parse({ any_resource: { id: ['shared'] } });
    const page = await store.queryEvents(filter, { limit: 100, offset: 0 });
    const ids = page.events.map((event) => event.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(page.total).toBe(ids.length);
    expect(page.total).toBe(await generalCount({ any_resource: { id: ['shared'] } }));
  });

  it.each([
    ['a window', {}],
    ['a resource', { any_resource: { id: ['shared'] } }],
    ['a name', { event: { name: ['a.one', 'b.one'] } }],
  ])('pages through %s with ties in occurred: no overlap, no gap, in order', async (_label, raw) => {
    for (const order of ['ASC', 'DESC'] as const) {
      const all = await allPages({ ...raw, order }, 1000);
      const paged = await allPages({ ...raw, order }, 3);
      expect(paged).toEqual(all);
      const events = await store.queryEvents(EventFilter.parse({ ...raw, order }), { limit: 1000, offset: 0 });
      const times = events.events.map((event) => parseTimestamp(event.occurred) as number);
      const sorted = [...times].sort((x, y) => (order === 'ASC' ? x - y : y - x));
      expect(times).toEqual(sorted);
    }
  });

  it('reports the known total of a later page instead of counting again', async () => {
    const page = await store.queryEvents(EventFilter.parse({}), { limit: 2, offset: 2, knownTotal: 999 });
    expect(page.total).toBe(999);
    expect(page.events).toHaveLength(2);
  });
});
