/**
 * The stores compared in one run: the static scenario (2 KB body, one event per request) on one
 * gateway process with SQLite, one with PostgreSQL, and two processes sharing one PostgreSQL (the
 * load split evenly between them, as a balancer would). PostgreSQL is a throwaway server on this
 * machine with fsync on. Besides req/s and p99: CPU per request, of the gateways and of PostgreSQL.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startThrowawayPostgres } from '../test/helpers/throwaway-postgres';
import { cpuSeconds, treeCpuSeconds } from './cpu';
import { api, TOKEN } from './gateway-runs';
import { type LoadResult, load } from './load';
import { type Server, startServer } from './processes';
import { scenarios } from './scenarios';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export interface StoreResult {
  name: string;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  failed: number;
  stored: number;
  /** CPU per request, µs: all gateway processes, and the PostgreSQL server. */
  gatewayCpuMicros: number;
  databaseCpuMicros: number;
}

interface Setup {
  name: string;
  processes: number;
  env: (dir: string) => Record<string, string>;
  databasePid?: () => number;
}

/** Loads every process at once with its share of the connections; the figures of all of them together. */
async function loadAll(urls: string[], connections: number, seconds: number): Promise<LoadResult> {
  const [scenario] = scenarios();
  if (!scenario) throw new Error('no scenario');
  const share = Math.max(1, Math.round(connections / urls.length));
  const results = await Promise.all(
    urls.map((url) => load({ url, ...scenario.request, connections: share, durationSeconds: seconds })),
  );
  return {
    rps: results.reduce((sum, r) => sum + r.rps, 0),
    p50Ms: Math.max(...results.map((r) => r.p50Ms)),
    p99Ms: Math.max(...results.map((r) => r.p99Ms)),
    maxMs: Math.max(...results.map((r) => r.maxMs)),
    requests: results.reduce((sum, r) => sum + r.requests, 0),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}

async function run(setup: Setup, dir: string, connections: number, seconds: number): Promise<StoreResult> {
  const gateways: Server[] = [];
  for (let i = 0; i < setup.processes; i++) gateways.push(await startServer(here('../dist/node.mjs'), setup.env(dir)));
  try {
    const [scenario] = scenarios();
    const first = gateways[0] as Server;
    const webhook = await api(first.url, '/api/webhooks', { name: `stores ${setup.name}`, ...scenario?.webhook });
    const urls = gateways.map((g) => `${g.url}/hooks/${String(webhook.slug)}`);
    await loadAll(urls, connections, 2);
    const total = async () =>
      Number(
        (
          await api(first.url, '/api/events/filter', {
            filter: { related: { id: [`hookgate.webhook.${String(webhook.id)}`] }, occurred: { since: '2000-01-01T00:00:00Z' } },
            limit: 1,
          })
        ).total,
      );
    const before = await total();
    const gatewayCpu = () => gateways.reduce((sum, g) => sum + cpuSeconds(g.child.pid ?? 0), 0);
    const databaseCpu = () => (setup.databasePid ? treeCpuSeconds(setup.databasePid()) : 0);
    const [gateway0, database0] = [gatewayCpu(), databaseCpu()];
    const result = await loadAll(urls, connections, seconds);
    const [gateway1, database1] = [gatewayCpu(), databaseCpu()];
    const requests = Math.max(1, result.requests);
    return {
      name: setup.name,
      rps: result.rps,
      p50Ms: result.p50Ms,
      p99Ms: result.p99Ms,
      requests: result.requests,
      failed: result.non2xx + result.errors,
      stored: (await total()) - before,
      gatewayCpuMicros: Math.round(((gateway1 - gateway0) / requests) * 1e6),
      databaseCpuMicros: Math.round(((database1 - database0) / requests) * 1e6),
    };
  } finally {
    for (const gateway of gateways) await gateway.stop();
  }
}

/** Runs the three setups (the gateway must be built to dist/ already). */
export async function benchStores(dir: string, connections: number, seconds: number): Promise<StoreResult[]> {
  const server = await startThrowawayPostgres({ fsync: true });
  const common = { HOOKGATE_ADMIN_TOKEN: TOKEN, HOOKGATE_MAX_BODY_BYTES: String(1024 * 1024) };
  const postgres = (name: string) => ({ ...common, HOOKGATE_DATABASE_URL: server.url.replace(/\/postgres$/, `/${name}`) });
  const setups: Setup[] = [
    { name: 'SQLite, 1 process', processes: 1, env: (d) => ({ ...common, HOOKGATE_DB: join(d, 'stores.db') }) },
    { name: 'PostgreSQL, 1 process', processes: 1, env: () => postgres('postgres'), databasePid: server.pid },
    { name: 'PostgreSQL, 2 processes', processes: 2, env: () => postgres('postgres'), databasePid: server.pid },
  ];
  try {
    const results: StoreResult[] = [];
    for (const setup of setups) results.push(await run(setup, dir, connections, seconds));
    return results;
  } finally {
    await server.destroy();
  }
}

export function printStores(results: StoreResult[]): void {
  const headers = ['store', 'req/s', 'p50 ms', 'p99 ms', 'CPU µs/req gateway', 'CPU µs/req PostgreSQL', 'stored', 'non-2xx'];
  const rows = results.map((r) => [
    r.name,
    Math.round(r.rps).toLocaleString('en'),
    String(r.p50Ms),
    String(r.p99Ms),
    String(r.gatewayCpuMicros),
    r.databaseCpuMicros ? String(r.databaseCpuMicros) : '—',
    r.stored >= r.requests - r.failed ? `${r.stored} ✓` : `${r.stored} < ${r.requests - r.failed}`,
    String(r.failed),
  ]);
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((row) => (row[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ');
  process.stdout.write('\nStores: the static scenario on SQLite and on PostgreSQL (fsync on), one and two gateway processes\n\n');
  process.stdout.write(`${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n`);
  for (const row of rows) process.stdout.write(`${line(row)}\n`);
}
