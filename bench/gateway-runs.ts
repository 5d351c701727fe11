/**
 * The gateway under load, scenario by scenario: a built gateway started on a file database, one
 * webhook per scenario created through its API, a warm-up, then the measured window (req/s,
 * latency, server CPU) and a check that every 2xx left its events in the store.
 */
import { join } from 'node:path';
import { withCpu } from './cpu';
import { load } from './load';
import { type Server, startServer } from './processes';
import type { ScenarioResult } from './report';
import type { Scenario } from './scenarios';

export const TOKEN = 'bench-admin-token-0123456789abcdef';

export interface RunSettings {
  connections: number;
  seconds: number;
  warmupSeconds: number;
}

export async function api(base: string, path: string, body: unknown): Promise<Record<string, unknown>> {
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

/** A built gateway (`dist/node.mjs`) as `npm start` runs it, on its own database file in `dir`. */
export function startGateway(script: string, dir: string, name: string): Promise<Server> {
  return startServer(script, {
    HOOKGATE_DB: join(dir, `${name}.db`),
    HOOKGATE_ADMIN_TOKEN: TOKEN,
    HOOKGATE_MAX_BODY_BYTES: String(1024 * 1024),
    HOOKGATE_SQLITE_WRITER: process.env.HOOKGATE_SQLITE_WRITER ?? 'inline',
    HOOKGATE_SYNCHRONOUS: process.env.HOOKGATE_SYNCHRONOUS ?? 'NORMAL',
  });
}

export async function measureScenario(gateway: Server, scenario: Scenario, run: RunSettings): Promise<ScenarioResult> {
  const webhook = await api(gateway.url, '/api/webhooks', { name: `bench ${scenario.name}`, ...scenario.webhook });
  const options = { url: String(webhook.url), ...scenario.request, connections: run.connections };
  await load({ ...options, durationSeconds: run.warmupSeconds });
  const before = await storedFor(gateway.url, String(webhook.id));
  const result = await withCpu(gateway.child.pid ?? 0, () => load({ ...options, durationSeconds: run.seconds }));
  const stored = (await storedFor(gateway.url, String(webhook.id))) - before;
  return {
    name: scenario.name,
    description: scenario.description,
    ...result,
    eventsPerSecond: result.rps * scenario.eventsPerRequest,
    rss: gateway.memory(),
    stored,
    expected: (result.requests - result.non2xx) * scenario.eventsPerRequest,
  };
}
