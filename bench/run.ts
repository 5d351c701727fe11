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
import { type BuiltRef, buildAtRef } from './before';
import { withCpu } from './cpu';
import { benchDeliveryLog } from './deliveries';
import { benchForwarding, type ForwardingResult } from './forwarding';
import { api, measureRounds, startGateway, TOKEN } from './gateway-runs';
import { load } from './load';
import { benchNodeRed, type PeerOutcome, peerLine, peerRow } from './node-red';
import { startServer } from './processes';
import { benchQueries, ensureSeeded, SEED_EVENTS } from './queries';
import { isBaseline, printBeforeAfter, printTable, type ScenarioResult, scenarioJson } from './report';
import { scenarios, twoKilobyteBody } from './scenarios';
import { benchStores, printStores, type StoreResult } from './stores';
import { benchTemplates } from './templates';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const WARMUP_SECONDS = 2;
const RUN = { connections: CONNECTIONS, seconds: SECONDS, warmupSeconds: WARMUP_SECONDS };
/** A git ref to measure beside the working tree, scenario by scenario (`BENCH_BEFORE=<ref>`). */
const BEFORE_REF = process.env.BENCH_BEFORE;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? (BEFORE_REF ? 3 : 1));
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'hookgate-bench-'));
  const results: ScenarioResult[] = [];
  let stores: StoreResult[] = [];
  let forwarding: ForwardingResult | undefined;
  let peer: PeerOutcome = { skipped: 'BENCH_PEERS=0' };
  const beforeResults: ScenarioResult[] = [];
  let builtBefore: BuiltRef | undefined;
  try {
    const baselineServer = await startServer(here('./baseline-server.ts'), {});
    // Bare Hono answering 204 to the 2 KB body, and to the very request of the GitHub scenario
    // (7 KB, signature headers, a fresh delivery id): the framework's own cost for that request.
    const push = scenarios().find((s) => s.name === 'github-push');
    const baselineRequests = [
      {
        name: 'baseline',
        description: 'bare Hono answering 204',
        request: { headers: { 'content-type': 'application/json' }, body: twoKilobyteBody() },
      },
      ...(push
        ? [{ name: 'baseline-github', description: 'bare Hono answering 204 to the GitHub push request', request: push.request }]
        : []),
    ];
    for (const { name, description, request } of baselineRequests) {
      const baselineLoad = { url: `${baselineServer.url}/hooks/x`, ...request, connections: CONNECTIONS };
      await load({ ...baselineLoad, durationSeconds: WARMUP_SECONDS });
      const baseline = await withCpu(baselineServer.child.pid ?? 0, () => load({ ...baselineLoad, durationSeconds: SECONDS }));
      results.push({ name, description, ...baseline, eventsPerSecond: 0, rss: baselineServer.memory(), stored: 0, expected: 0 });
    }
    await baselineServer.stop();

    // The gateway as `npm start` runs it: built to dist/ first. With BENCH_BEFORE, the same
    // scenarios also run on the gateway as built at that ref, back to back with this one's, in
    // BENCH_ROUNDS rounds (3 by default then, else 1); each row is the median round.
    execFileSync(process.execPath, [here('../scripts/build.mjs')], { cwd: here('..') });
    builtBefore = BEFORE_REF ? buildAtRef(BEFORE_REF, dir) : undefined;
    const gateway = await startGateway(here('../dist/node.mjs'), dir, 'bench');
    const gatewayBefore = builtBefore && (await startGateway(builtBefore.script, dir, 'before'));
    const measured = await measureRounds(gateway, gatewayBefore, scenarios(), RUN, ROUNDS);
    results.push(...measured.now);
    beforeResults.push(...measured.before);
    await gateway.stop();
    await gatewayBefore?.stop();

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
        ...RUN,
        createWebhook: (base, body) => api(base, '/api/webhooks', body),
      });
      results.push(forwarding);
    }
    if (process.env.BENCH_STORES !== '0') stores = await benchStores(dir, CONNECTIONS, SECONDS);
  } finally {
    builtBefore?.remove();
    rmSync(dir, { recursive: true, force: true });
  }

  const baselineRps = results[0]?.rps ?? 1;
  const table = 'result' in peer ? [...results, peer.result] : results;
  printTable(table, baselineRps, { connections: CONNECTIONS, seconds: SECONDS });
  const ourPush = results.find((r) => r.name === 'github-push');
  process.stdout.write(peerLine(peer, ourPush));
  if (builtBefore) printBeforeAfter(builtBefore.commit, beforeResults, results);
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
  const bareGithub = results.find((r) => r.name === 'baseline-github');
  const scenarioRow = (r: ScenarioResult) => scenarioJson(r, results[0], r.name === 'github-push' ? bareGithub : undefined);
  const report = {
    machine,
    settings: {
      connections: CONNECTIONS,
      seconds: SECONDS,
      rounds: ROUNDS,
      writer: process.env.HOOKGATE_SQLITE_WRITER ?? 'inline',
      synchronous: process.env.HOOKGATE_SYNCHRONOUS ?? 'NORMAL',
    },
    baseline: { rps: Math.round(baselineRps), cpu_us_per_request: results[0]?.cpuMicrosPerRequest ?? null },
    baseline_github: bareGithub && {
      rps: Math.round(bareGithub.rps),
      cpu_us_per_request: bareGithub.cpuMicrosPerRequest ?? null,
    },
    forwarding: forwarding && {
      rps: Math.round(forwarding.rps),
      rps_without_sink: Math.round(results.find((r) => r.name === 'static')?.rps ?? 0),
      forwarded: forwarding.forwarded,
      drain_seconds: forwarding.drainSeconds,
    },
    scenarios: results.filter((r) => !isBaseline(r)).map(scenarioRow),
    peers: [peerRow(peer, ourPush)],
    before: builtBefore && { ref: BEFORE_REF, commit: builtBefore.commit, scenarios: beforeResults.map(scenarioRow) },
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
