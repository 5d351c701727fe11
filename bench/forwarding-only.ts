/**
 * `npx tsx bench/forwarding-only.ts`: just the forwarding comparison of `npm run bench` (the
 * static scenario without and with a sink), for a quick figure without the query benchmark's seeding.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchForwarding } from './forwarding';
import { api, TOKEN } from './gateway-runs';
import { load } from './load';
import { startServer } from './processes';
import { scenarios } from './scenarios';

const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

const scenario = scenarios().find((s) => s.name === 'static');
if (!scenario) throw new Error('no static scenario');
const dir = mkdtempSync(join(tmpdir(), 'hookgate-bench-fw-'));
try {
  execFileSync(process.execPath, [here('../scripts/build.mjs')], { cwd: here('..') });
  const plain = await startServer(here('../dist/node.mjs'), { HOOKGATE_DB: join(dir, 'plain.db'), HOOKGATE_ADMIN_TOKEN: TOKEN });
  const webhook = await api(plain.url, '/api/webhooks', { name: 'plain', ...scenario.webhook });
  const request = { url: String(webhook.url), ...scenario.request, connections: CONNECTIONS };
  await load({ ...request, durationSeconds: 2 });
  const without = await load({ ...request, durationSeconds: SECONDS });
  await plain.stop();
  const withSink = await benchForwarding({
    gatewayScript: here('../dist/node.mjs'),
    dir,
    token: TOKEN,
    scenario,
    connections: CONNECTIONS,
    seconds: SECONDS,
    warmupSeconds: 2,
    createWebhook: (base, body) => api(base, '/api/webhooks', body),
  });
  process.stdout.write(
    `static without a sink: ${Math.round(without.rps)} req/s (p50 ${without.p50Ms} ms, p99 ${without.p99Ms} ms)\n` +
      `static with a sink:    ${Math.round(withSink.rps)} req/s (p50 ${withSink.p50Ms} ms, p99 ${withSink.p99Ms} ms), ` +
      `${withSink.forwarded} events forwarded, outbox drained ${withSink.drainSeconds} s after the load stopped; ratio ${(withSink.rps / without.rps).toFixed(2)}\n`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
