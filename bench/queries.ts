/**
 * Query benchmark: 1,000,000 events in a SQLite file (seeded once through the store's own write
 * path and kept in bench/.data), then the first page (50 events, with the total) of the filters a
 * feed uses most: by resource id, event prefix, related id and a time range.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Event } from '../src/schemas/event';
import type { EventFilter } from '../src/schemas/filter';
import { readMigrations } from '../src/store/migrations-fs';
import { eventWrite } from '../src/store/sql/statements';
import { createSqliteStore } from '../src/store/sqlite';
import { configureWriter, createRowWriter, START_BUSY_TIMEOUT_MS } from '../src/store/sqlite/writes';

export const SEED_EVENTS = 1_000_000;
const DAYS = 90;
const START = Date.UTC(2026, 0, 1);
const NAMES = [
  'github.push',
  'github.pull_request.opened',
  'github.issues.opened',
  'stripe.invoice.paid',
  'stripe.charge.refunded',
];
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const SEED_FILE = here('./.data/events-1m.db');

function seedEvent(i: number): Event {
  const id = i.toString(16).padStart(12, '0');
  const occurred = START + Math.floor((i / SEED_EVENTS) * DAYS * 86_400_000);
  return {
    id: `0190d000-0000-7000-8000-${id}`,
    occurred: new Date(occurred).toISOString(),
    event: `${NAMES[i % NAMES.length]}${i % 4 === 0 ? '' : `.v${i % 4}`}`,
    resource: { 'prefect.resource.id': `bench.resource.${i % 5000}`, 'prefect.resource.name': `Resource ${i % 5000}` },
    related: [
      { 'prefect.resource.id': `hookgate.webhook.${i % 10}`, 'prefect.resource.role': 'webhook' },
      { 'prefect.resource.id': `bench.user.${i % 1000}`, 'prefect.resource.role': 'sender' },
    ],
    payload: { n: i, ok: i % 7 !== 0, note: 'seeded for the query benchmark' },
    follows: null,
  };
}

/**
 * Seeds the file once, through the store's own row writer (5,000 events per transaction); later
 * runs reuse it. Bench data, so the seeding connection skips fsync and uses a large page cache.
 */
export async function ensureSeeded(log: (line: string) => void): Promise<void> {
  if (existsSync(SEED_FILE)) return;
  mkdirSync(here('./.data'), { recursive: true });
  const partial = `${SEED_FILE}.partial`;
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${partial}${suffix}`, { force: true });
  await createSqliteStore({ filename: partial, migrations: readMigrations() }).close();
  const db = new Database(partial);
  configureWriter(db, 'NORMAL', START_BUSY_TIMEOUT_MS);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -262144');
  const write = createRowWriter(db);
  const received = Date.now() * 1000;
  for (let i = 0; i < SEED_EVENTS; i += 5000) {
    const writes = Array.from({ length: 5000 }, (_, k) => eventWrite(seedEvent(i + k), received));
    write([writes]);
    if ((i / 5000) % 40 === 0) log(`  seeding: ${i.toLocaleString('en')} events`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('ANALYZE');
  db.close();
  renameSync(partial, SEED_FILE);
}

export interface QueryResult {
  query: string;
  total: number;
  medianMs: number;
  maxMs: number;
}

const WINDOW = { since: new Date(START).toISOString(), until: new Date(START + DAYS * 86_400_000).toISOString() };
const DAY = { since: new Date(START + 40 * 86_400_000).toISOString(), until: new Date(START + 41 * 86_400_000).toISOString() };

export const QUERIES: Record<string, EventFilter> = {
  'resource id': { occurred: WINDOW, resource: { id: ['bench.resource.1234'] } } as EventFilter,
  'event prefix': { occurred: WINDOW, event: { prefix: ['stripe.charge.'] } } as EventFilter,
  'related id': { occurred: WINDOW, related: { id: ['bench.user.42'] } } as EventFilter,
  'related id on 10% of events': { occurred: WINDOW, related: { id: ['hookgate.webhook.3'] } } as EventFilter,
  'time range (1 day)': { occurred: DAY } as EventFilter,
};

export async function benchQueries(runs = 15): Promise<QueryResult[]> {
  const store = createSqliteStore({ filename: SEED_FILE, migrations: readMigrations() });
  const results: QueryResult[] = [];
  for (const [query, filter] of Object.entries(QUERIES)) {
    const times: number[] = [];
    let total = 0;
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      const page = await store.queryEvents(filter, { limit: 50, offset: 0 });
      times.push(performance.now() - start);
      total = page.total;
    }
    times.sort((a, b) => a - b);
    results.push({
      query,
      total,
      medianMs: Number((times[Math.floor(runs / 2)] ?? 0).toFixed(2)),
      maxMs: Number((times.at(-1) ?? 0).toFixed(2)),
    });
  }
  await store.close();
  return results;
}
