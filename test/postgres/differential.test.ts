/**
 * SQLite and PostgreSQL give the same answers: one corpus of events written to both stores, then
 * every filter of a table (labels with LIKE's and GLOB's special characters, case, non-ASCII text,
 * prefixes, related resources, text search, order, distinct) asked of both — pages, totals and
 * count-by answers compared whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Event } from '../../src/schemas/event';
import { EventFilter, type ResolvedEventFilter } from '../../src/schemas/filter';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import type { Store } from '../../src/store/types';
import { createTestPostgresStore, type TestPostgresStore } from '../helpers/postgres';

const NAMES = ['a.b.c', 'a.b_c', 'a.b%c', 'A.B.C', 'a[b].c', 'a\\b.c', 'ä.ö.ü', 'a.*.c'];
const ENVS = ['prod', 'Prod', 'pro_d', 'pro%d', 'pr[o]d', 'pr\\od', 'prød', 'PRØD', ''];
const TEXTS = ['Needle in HAY', 'needle', 'ÄÖÜ straße', '100% sure', 'under_score', 'back\\slash', '[bracket]'];

function corpus(): Event[] {
  return Array.from(
    { length: 72 },
    (_, i): Event => ({
      id: `0190d000-0000-7000-8000-${String(i).padStart(12, '0')}`,
      // Several events share one instant; a few straddle midnight and 1970.
      occurred: new Date(
        Date.UTC(2026, 2, 1 + (i % 3), i % 5 === 0 ? 0 : 23, 59, i % 4 === 0 ? 0 : 59) + (i === 7 ? -1e12 * 1.8 : 0),
      ).toISOString(),
      event: NAMES[i % NAMES.length] as string,
      resource: {
        'prefect.resource.id': `res.${ENVS[i % ENVS.length]}.${i % 6}`,
        'prefect.resource.name': `Name ${i % 4}`,
        env: ENVS[(i * 7) % ENVS.length] as string,
      },
      related: [
        {
          'prefect.resource.id': `owner.${i % 3}`,
          'prefect.resource.role': i % 2 ? 'owner' : 'Owner',
          tier: ENVS[i % 4] as string,
        },
        ...(i % 5 === 0 ? [{ 'prefect.resource.id': 'tag.x_y', 'prefect.resource.role': 'tag' }] : []),
      ],
      payload: { note: TEXTS[i % TEXTS.length], n: i, nested: { deeper: TEXTS[(i + 3) % TEXTS.length] } },
      follows: null,
    }),
  );
}

const WINDOW = { since: '1960-01-01T00:00:00Z', until: '2026-03-05T00:00:00Z' };

const FILTERS: Record<string, unknown>[] = [
  {},
  { event: { prefix: ['a.b'] } },
  { event: { prefix: ['a.b_'] } },
  { event: { prefix: ['a.b%'] } },
  { event: { prefix: ['a['] } },
  { event: { prefix: ['a\\'] } },
  { event: { prefix: ['a.*'] } },
  { event: { exclude_prefix: ['a.b', 'ä'] } },
  { event: { name: ['A.B.C', 'ä.ö.ü'] } },
  ...ENVS.map((env) => ({ resource: { labels: { env } } })),
  { resource: { labels: { env: 'pr*' } } },
  { resource: { labels: { env: 'pro?d' } } },
  { resource: { labels: { env: 'pro_d' } } },
  { resource: { labels: { env: 'pr[o]*' } } },
  { resource: { labels: { env: 'pr\\*' } } },
  { resource: { labels: { env: ['!pr*', 'PRØD'] } } },
  { resource: { labels: { env: '*%*' } } },
  { resource: { id_prefix: ['res.pro_', 'res.pr['] } },
  { resource: { id_prefix: ['res.pro%', 'res.pr\\'] } },
  { resource: { id: ['res.prod.0', 'res.Prod.1'] } },
  { resource: { labels: { 'prefect.resource.id': ['res.p*', 'res.P*'] } } },
  { resource: { distinct: true } },
  { related: { role: ['owner'] } },
  { related: { labels: { tier: ['pro_d', 'pr[o]d'] } } },
  { related: { labels: { 'prefect.resource.role': 'Owner', tier: 'p*' } } },
  {
    related: {
      resources_in_roles: [
        ['owner.1', 'owner'],
        ['tag.x_y', 'tag'],
      ],
    },
  },
  { any_resource: { id_prefix: ['tag.x_', 'owner.'] } },
  { any_resource: { labels: { env: 'prød' } } },
  { text: { query: 'needle' } },
  { text: { query: 'NEEDLE -hay' } },
  { text: { query: 'straße' } },
  { text: { query: 'äöü' } },
  { text: { query: '100% under_score' } },
  { text: { query: '+back\\slash +"[bracket]"' } },
  { text: { query: 'prød' } },
  { text: { query: '"note":"needle"' } },
  { text: { query: 'env' } },
];

describe('SQLite and PostgreSQL answer alike', () => {
  let sqlite: Store;
  let postgres: TestPostgresStore;

  beforeAll(async () => {
    sqlite = createSqliteStore({ filename: ':memory:', migrations: readMigrations() });
    postgres = createTestPostgresStore();
    const events = corpus();
    for (let i = 0; i < events.length; i += 10) {
      await sqlite.writeEvents(events.slice(i, i + 10));
      await postgres.store.writeEvents(events.slice(i, i + 10));
    }
  });
  afterAll(async () => {
    await sqlite?.close();
    await postgres?.cleanup();
  });

  const both = async <T>(ask: (store: Store) => Promise<T>): Promise<[T, T]> => [await ask(sqlite), await ask(postgres.store)];
  const strip = (page: { events: { id: string }[]; total: number }) => ({ ids: page.events.map((e) => e.id), total: page.total });

  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter]))('pages and totals: %s', async (_, raw) => {
    for (const order of ['DESC', 'ASC'] as const) {
      const filter = EventFilter.parse({ ...raw, occurred: WINDOW, order });
      for (const offset of [0, 7]) {
        const [a, b] = await both(async (store) => strip(await store.queryEvents(filter, { limit: 25, offset })));
        expect(b).toEqual(a);
      }
    }
  });

  it.each(FILTERS.map((filter) => [JSON.stringify(filter), filter]))(
    'counts by event, resource, day and time: %s',
    async (_, raw) => {
      const filter = EventFilter.parse({ ...raw, occurred: WINDOW }) as ResolvedEventFilter;
      const nowMicros = Date.UTC(2026, 2, 4) * 1000;
      const windowed = { ...filter, occurred: { since: '2026-02-28T12:00:00Z', until: '2026-03-03T12:00:00Z' } };
      for (const query of [
        { countable: 'event' as const, filter: windowed, time_unit: 'day' as const, time_interval: 1, nowMicros },
        { countable: 'resource' as const, filter: windowed, time_unit: 'day' as const, time_interval: 1, nowMicros },
        { countable: 'day' as const, filter: windowed, time_unit: 'day' as const, time_interval: 1, nowMicros },
        { countable: 'time' as const, filter: windowed, time_unit: 'hour' as const, time_interval: 7.5, nowMicros },
      ]) {
        const [a, b] = await both((store) => store.countEvents(query));
        expect(b).toEqual(a);
      }
    },
  );
});
