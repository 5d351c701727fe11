/**
 * `npm run bench`: in one run, the bare-Hono baseline and the real gateway on a file database,
 * each driven by autocannon on 127.0.0.1 (50 connections, bounded in time); then the stores
 * compared (SQLite, PostgreSQL with one and two processes; BENCH_STORES=0 skips them) and a peer,
 * Node-RED on the same GitHub push (BENCH_PEERS=0 skips it); prints tables and writes bench/results.json.
 * Then the template and query benchmarks.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { withCpu } from './cpu';
import { benchDeliveryLog } from './deliveries';
import { benchForwarding, type ForwardingResult } from './forwarding';
import { load } from './load';
import { benchNodeRed, type PeerOutcome, peerLine, peerRow } from './node-red';
import { startServer } from './processes';
import { benchQueries, ensureSeeded, SEED_EVENTS } from './queries';
import { cpuPerEvent, printTable, type ScenarioResult } from './report';
import { scenarios, twoKilobyteBody } from './scenarios';
import { benchStores, printStores, type StoreResult } from './stores';
import { benchTemplates } from './templates';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const TOKEN = 'bench-admin-token-0123456789abcdef';
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

async function api(base: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function storedFor(base: string, webhookId: string): Promise<number> {
  const page = await api(base, '/api/events/filter', {
    filter: {
      related: { id: [`hookgate.webhook.${webhookId}`] },
      occurred: { since: '2000-01-01T00:00:00Z', until: '2100-01-01T00:00:00Z' },
    },
    limit: 1,
  });
  return Number(page.total);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-bench-'));
  const results: ScenarioResult[] = [];
  let stores: StoreResult[] = [];
  let forwarding: ForwardingResult | undefined;
  let peer: PeerOutcome = { skipped: 'BENCH_PEERS=0' };
  try {
    const baselineServer = await startServer(here('./baseline-server.ts'), {});
    const baselineLoad = {
      url: `${baselineServer.url}/hooks/x`,
      headers: { 'content-type': 'application/json' },
      body: twoKilobyteBody(),
    };
    await load({ ...baselineLoad, connections: CONNECTIONS, durationSeconds: WARMUP_SECONDS });
    const baseline = await withCpu(baselineServer.child.pid ?? 0, () =>
      load({ ...baselineLoad, connections: CONNECTIONS, durationSeconds: SECONDS }),
    );
    results.push({
      name: 'baseline',
      description: 'bare Hono answering 204',
      ...baseline,
      eventsPerSecond: 0,
      rss: baselineServer.memory(),
      stored: 0,
      expected: 0,
    });
    await baselineServer.stop();

    // The gateway as `npm start` runs it: built to dist/ first.
    execFileSync(process.execPath, [here('../scripts/build.mjs')], { cwd: here('..') });
    const gateway = await startServer(here('../dist/node.mjs'), {
      HOOKGATE_DB: join(dir, 'bench.db'),
      HOOKGATE_ADMIN_TOKEN: TOKEN,
      HOOKGATE_MAX_BODY_BYTES: String(1024 * 1024),
      HOOKGATE_SQLITE_WRITER: process.env.HOOKGATE_SQLITE_WRITER ?? 'inline',
      HOOKGATE_SYNCHRONOUS: process.env.HOOKGATE_SYNCHRONOUS ?? 'NORMAL',
    });
    for (const scenario of scenarios()) {
      const webhook = await api(gateway.url, '/api/webhooks', { name: `bench ${scenario.name}`, ...scenario.webhook });
      const options = { url: String(webhook.url), ...scenario.request, connections: CONNECTIONS };
      await load({ ...options, durationSeconds: WARMUP_SECONDS });
      const before = await storedFor(gateway.url, String(webhook.id));
      const result = await withCpu(gateway.child.pid ?? 0, () => load({ ...options, durationSeconds: SECONDS }));
      const stored = (await storedFor(gateway.url, String(webhook.id))) - before;
      results.push({
        name: scenario.name,
        description: scenario.description,
        ...result,
        eventsPerSecond: result.rps * scenario.eventsPerRequest,
        rss: gateway.memory(),
        stored,
        expected: (result.requests - result.non2xx) * scenario.eventsPerRequest,
      });
    }
    await gateway.stop();

    const push = scenarios().find((s) => s.name === 'github-push');
    if (push && process.env.BENCH_PEERS !== '0') {
      peer = await benchNodeRed({
        dir,
        scenario: push,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
      });
    }

    const forwardingScenario = scenarios().find((s) => s.name === 'static');
    if (forwardingScenario) {
      forwarding = await benchForwarding({
        gatewayScript: here('../dist/node.mjs'),
        dir,
        token: TOKEN,
        scenario: forwardingScenario,
        connections: CONNECTIONS,
        seconds: SECONDS,
        warmupSeconds: WARMUP_SECONDS,
        createWebhook: (base, body) => api(base, '/api/webhooks', body),
      });
      results.push(forwarding);
    }
    if (process.env.BENCH_STORES !== '0') stores = await benchStores(dir, TOKEN, CONNECTIONS, SECONDS);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }

  const baselineRps = results[0]?.rps ?? 1;
  const table = 'result' in peer ? [...results, peer.result] : results;
  printTable(table, baselineRps, { connections: CONNECTIONS, seconds: SECONDS });
  const ourPush = results.find((r) => r.name === 'github-push');
  process.stdout.write(peerLine(peer, ourPush));
  if (stores.length > 0) printStores(stores);
  const withoutSink = results.find((r) => r.name === 'static');
  if (forwarding && withoutSink) {
    process.stdout.write(
      `\nForwarding: ${Math.round(forwarding.rps).toLocaleString('en')} req/s with a sink vs ${Math.round(withoutSink.rps).toLocaleString('en')} without ` +
        `(${(forwarding.rps / withoutSink.rps).toFixed(2)}×); ${forwarding.forwarded.toLocaleString('en')} events forwarded, outbox drained ${forwarding.drainSeconds} s after the load stopped\n`,
    );
  }
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? '',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
  };
  const report = {
    machine,
    settings: {
      connections: CONNECTIONS,
      seconds: SECONDS,
      writer: process.env.HOOKGATE_SQLITE_WRITER ?? 'inline',
      synchronous: process.env.HOOKGATE_SYNCHRONOUS ?? 'NORMAL',
    },
    baseline: { rps: Math.round(baselineRps), cpu_us_per_request: results[0]?.cpuMicrosPerRequest ?? null },
    forwarding: forwarding && {
      rps: Math.round(forwarding.rps),
      rps_without_sink: Math.round(results.find((r) => r.name === 'static')?.rps ?? 0),
      forwarded: forwarding.forwarded,
      drain_seconds: forwarding.drainSeconds,
    },
    scenarios: results.slice(1).map((r) => ({
      name: r.name,
      rps: Math.round(r.rps),
      events_per_s: Math.round(r.eventsPerSecond),
      p50_ms: r.p50Ms,
      p99_ms: r.p99Ms,
      rss_mb: r.rss.peakMb,
      ratio: Number((r.rps / baselineRps).toFixed(2)),
      cpu_us_per_request: r.cpuMicrosPerRequest ?? null,
      cpu_us_per_event: cpuPerEvent(r) ?? null,
      cpu_ratio_to_baseline:
        r.cpuMicrosPerRequest && results[0]?.cpuMicrosPerRequest
          ? Number((r.cpuMicrosPerRequest / results[0].cpuMicrosPerRequest).toFixed(2))
          : null,
    })),
    peers: [peerRow(peer, ourPush)],
    stores: stores.map((r) => ({
      name: r.name,
      rps: Math.round(r.rps),
      p50_ms: r.p50Ms,
      p99_ms: r.p99Ms,
      gateway_cpu_us_per_request: r.gatewayCpuMicros,
      postgres_cpu_us_per_request: r.databaseCpuMicros,
    })),
  };

  process.stdout.write('\nTemplate rendering, GitHub push through the github preset template\n');
  const templates = benchTemplates();
  for (const t of templates)
    process.stdout.write(
      `  ${t.renderer.padEnd(22)} ${t.rendersPerSecond.toLocaleString('en').padStart(8)} renders/s  (${t.microsPerRender} µs)\n`,
    );

  process.stdout.write(`\nFirst page (50 events and the total) over ${SEED_EVENTS.toLocaleString('en')} events\n`);
  await ensureSeeded((line) => process.stdout.write(`${line}\n`));
  const queries = await benchQueries();
  for (const q of queries) {
    process.stdout.write(
      `  ${q.query.padEnd(28)} median ${String(q.medianMs).padStart(6)} ms  max ${String(q.maxMs).padStart(6)} ms  total ${q.total.toLocaleString('en')}\n`,
    );
  }
  const deliveryLog = await benchDeliveryLog();
  process.stdout.write(
    `\nDelivery log: ${deliveryLog.recordMicros} µs per request on its path (record + buffer), ${deliveryLog.writeMicrosPerRecord} µs per record in the batched write after it\n`,
  );
  writeFileSync(here('./results.json'), `${JSON.stringify({ ...report, templates, queries, deliveryLog }, null, 2)}\n`);
  process.stdout.write('\nwrote bench/results.json\n');
}

await main();
