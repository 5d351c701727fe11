/**
 * The forwarding scenario of `npm run bench`: the `static` scenario again on a gateway whose
 * PREFECT_API_URL points at a local sink (a Prefect-like `POST /api/events` answering 204), so
 * every stored event is also forwarded. Reports the throughput beside the run without a sink and
 * how long the outbox took to drain once the load stopped.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { load } from './load';
import { startServer } from './processes';
import type { ScenarioResult } from './report';
import type { Scenario } from './scenarios';

export interface ForwardingResult extends ScenarioResult {
  forwarded: number;
  /** Seconds from the end of the load until the sink had every stored event. */
  drainSeconds: number;
}

/** A local Prefect-like sink in its own process (./sink-server.ts); `events()` asks it how many it got. */
async function startSink(): Promise<{ url: string; events: () => Promise<number>; close(): Promise<void> }> {
  const server = await startServer(fileURLToPath(new URL('./sink-server.ts', import.meta.url)), {});
  return {
    url: `${server.url}/api`,
    events: async () => ((await (await fetch(`${server.url}/count`)).json()) as { events: number }).events,
    close: () => server.stop(),
  };
}

export async function benchForwarding(options: {
  gatewayScript: string;
  dir: string;
  token: string;
  scenario: Scenario;
  connections: number;
  seconds: number;
  warmupSeconds: number;
  createWebhook: (base: string, body: Record<string, unknown>) => Promise<Record<string, unknown>>;
}): Promise<ForwardingResult> {
  const sink = await startSink();
  const gateway = await startServer(options.gatewayScript, {
    HOOKGATE_DB: join(options.dir, 'bench-forwarding.db'),
    HOOKGATE_ADMIN_TOKEN: options.token,
    HOOKGATE_MAX_BODY_BYTES: String(1024 * 1024),
    HOOKGATE_SQLITE_WRITER: process.env.HOOKGATE_SQLITE_WRITER ?? 'inline',
    HOOKGATE_SYNCHRONOUS: process.env.HOOKGATE_SYNCHRONOUS ?? 'NORMAL',
    PREFECT_API_URL: sink.url,
  });
  try {
    const { scenario } = options;
    const webhook = await options.createWebhook(gateway.url, { name: 'bench forwarding', ...scenario.webhook });
    const request = { url: String(webhook.url), ...scenario.request, connections: options.connections };
    await load({ ...request, durationSeconds: options.warmupSeconds });
    const result = await load({ ...request, durationSeconds: options.seconds });
    const ended = Date.now();
    const expected = (result.requests - result.non2xx) * scenario.eventsPerRequest;
    // Warm-up events are forwarded too; wait (bounded) until the sink has them all.
    const target = expected + 1;
    const deadline = ended + 120_000;
    let last = -1;
    while (Date.now() < deadline) {
      const now = await sink.events();
      if (now >= target && now === last) break;
      last = now;
      await new Promise((r) => setTimeout(r, 250));
    }
    const forwarded = await sink.events();
    return {
      name: 'static + forwarding',
      description: `the static scenario with every event also forwarded to a local Prefect-like sink (PREFECT_API_URL)`,
      ...result,
      eventsPerSecond: result.rps * scenario.eventsPerRequest,
      rss: gateway.memory(),
      stored: forwarded,
      expected,
      forwarded,
      drainSeconds: Number(((Date.now() - ended) / 1000).toFixed(1)),
    };
  } finally {
    await gateway.stop();
    await sink.close();
  }
}
