/**
 * Write-path micro benchmark (issue 16): CPU per event of `writeEvents` on a SQLite file, at 1, 10
 * and 100 events per transaction, through the store itself (row building, inserts, day counts,
 * commit, and checkpoints wherever they run). `cpu` is the whole process (every thread), `main` the
 * event loop's thread alone (Linux, in 10 ms ticks); `p99` and
 * `max` are the wall time of one `writeEvents` call, where a checkpoint inside a commit shows. Each
 * figure is the best of ROUNDS runs of EVENTS events on a fresh file.
 *
 * MODE=rows times the row writer alone (rows built before the clock starts, SQLite's own
 * checkpoints): SQLite's share, steadier when comparing schemas.
 *
 *   npx tsx bench/sqlite-writes.ts            (WRITER=thread, MODE=rows, EVENTS=3000, ROUNDS=3, DIR=/dev/shm)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { Event } from '../src/schemas/event';
import { readMigrations } from '../src/store/migrations-fs';
import { eventWrite } from '../src/store/sql/statements';
import { createSqliteStore } from '../src/store/sqlite';
import { configureWriter, createRowWriter } from '../src/store/sqlite/writes';

const EVENTS = Number(process.env.EVENTS ?? 3000);
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const WRITER = process.env.WRITER === 'thread' ? 'thread' : 'inline';
const ROWS_ONLY = process.env.MODE === 'rows';
const BATCHES = [1, 10, 100];
const NAMES = ['github.push', 'github.pull_request.opened', 'github.issues.opened'];
const PUSH = JSON.parse(
  readFileSync(fileURLToPath(new URL('../../shared/fixtures/github/push/default.json', import.meta.url)), 'utf8'),
) as Record<string, unknown>;

/** A GitHub-push-shaped event (the 7 KB body as payload): one resource and three related, as the preset writes. */
function pushEvent(i: number): Event {
  return {
    id: crypto.randomUUID(),
    occurred: new Date(Date.UTC(2026, 4, 1) + i * 1000).toISOString(),
    event: NAMES[i % NAMES.length] as string,
    resource: { 'prefect.resource.id': `github.repo.${i % 50}`, 'prefect.resource.name': `repo ${i % 50}` },
    related: [
      { 'prefect.resource.id': `github.user.${i % 200}`, 'prefect.resource.role': 'sender' },
      { 'prefect.resource.id': 'github.ref.refs/heads/main', 'prefect.resource.role': 'ref' },
      { 'prefect.resource.id': 'hookgate.webhook.bench', 'prefect.resource.role': 'webhook', 'prefect.resource.name': 'b' },
    ],
    payload: PUSH,
    follows: null,
  };
}

/** CPU seconds of the calling thread (Linux, 10 ms ticks); NaN elsewhere. */
function threadCpuSeconds(): number {
  if (!existsSync('/proc/thread-self/stat')) return Number.NaN;
  const fields = readFileSync('/proc/thread-self/stat', 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

interface Run {
  cpu: number;
  /** The event loop's thread alone. */
  main: number;
  p99: number;
  max: number;
  perSecond: number;
}

/** A store's `writeEvents`, or (MODE=rows) its row writer on a connection of the bench's own. */
async function open(filename: string) {
  const store = createSqliteStore({ filename, migrations: readMigrations(), writer: WRITER });
  if (!ROWS_ONLY) return store;
  await store.close();
  const db = new Database(filename);
  configureWriter(db, 'NORMAL', 0);
  const write = createRowWriter(db);
  const prepared = new Map<Event, ReturnType<typeof eventWrite>>();
  return {
    prepare: (events: Event[]) => {
      for (const event of events) prepared.set(event, eventWrite(event, Date.now() * 1000));
    },
    writeEvents: async (events: Event[]) => write([events.map((event) => prepared.get(event) as ReturnType<typeof eventWrite>)]),
    close: async () => db.close(),
  };
}

async function run(batch: number): Promise<Run> {
  const dir = mkdtempSync(join(process.env.DIR ?? tmpdir(), 'hookgate-writes-'));
  const store = await open(join(dir, 'b.db'));
  const events = Array.from({ length: EVENTS }, (_, i) => pushEvent(i));
  const warm = events.slice(0, 50).map((_, i) => pushEvent(i));
  if ('prepare' in store) store.prepare([...events, ...warm]);
  await store.writeEvents(warm);
  // Let any thread the store starts finish booting before the clock starts.
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const cpu = process.cpuUsage();
  const main = threadCpuSeconds();
  const start = performance.now();
  const calls: number[] = [];
  for (let i = 0; i < EVENTS; i += batch) {
    const begun = performance.now();
    await store.writeEvents(events.slice(i, i + batch));
    calls.push(performance.now() - begun);
  }
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  const mainUsed = threadCpuSeconds() - main;
  calls.sort((a, b) => a - b);
  await store.close();
  rmSync(dir, { recursive: true, force: true });
  return {
    cpu: (used.user + used.system) / EVENTS,
    main: (mainUsed * 1e6) / EVENTS,
    p99: calls[Math.floor(calls.length * 0.99)] ?? 0,
    max: calls.at(-1) ?? 0,
    perSecond: EVENTS / (wall / 1000),
  };
}

const rows: string[] = [];
for (const batch of BATCHES) {
  const runs: Run[] = [];
  for (let r = 0; r < ROUNDS; r++) runs.push(await run(batch));
  const best = (pick: (run: Run) => number, digits = 0) => Math.min(...runs.map(pick)).toFixed(digits);
  const most = Math.max(...runs.map((r) => r.perSecond)).toFixed(0);
  rows.push(
    `| ${batch} | ${best((r) => r.cpu)} | ${best((r) => r.main)} | ${best((r) => r.p99, 2)} | ${best((r) => r.max, 1)} | ${most} |`,
  );
}
console.log(`${ROWS_ONLY ? 'row writer alone' : `writer ${WRITER}`}, ${EVENTS} events per run, best of ${ROUNDS}`);
console.log('| events/tx | cpu µs/event | main thread µs/event | call p99 ms | call max ms | events/s |');
console.log('|---:|---:|---:|---:|---:|---:|');
for (const row of rows) console.log(row);
