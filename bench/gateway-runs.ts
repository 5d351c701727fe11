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

/** The round whose CPU per request is the median of them, carrying every round's figure. */
function medianRound(rounds: ScenarioResult[]): ScenarioResult {
  const sorted = [...rounds].sort((a, b) => (a.cpuMicrosPerRequest ?? 0) - (b.cpuMicrosPerRequest ?? 0));
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as ScenarioResult;
  return { ...median, cpuRounds: rounds.map((r) => r.cpuMicrosPerRequest ?? 0) };
}

/**
 * Every scenario on this gateway and, when given, on the one built before, `rounds` times: before
 * and now back to back, their order swapped every round (so a drift of the machine favours
 * neither). Each scenario's row is its median round by CPU per request.
 */
export async function measureRounds(
  gateway: Server,
  before: Server | undefined,
  list: readonly Scenario[],
  run: RunSettings,
  rounds: number,
): Promise<{ now: ScenarioResult[]; before: ScenarioResult[] }> {
  const now = new Map<string, ScenarioResult[]>();
  const then = new Map<string, ScenarioResult[]>();
  const add = (into: Map<string, ScenarioResult[]>, result: ScenarioResult) =>
    into.set(result.name, [...(into.get(result.name) ?? []), result]);
  for (let round = 0; round < rounds; round++) {
    for (const scenario of list) {
      const beforeFirst = round % 2 === 0;
      if (before && beforeFirst) add(then, await measureScenario(before, scenario, run));
      add(now, await measureScenario(gateway, scenario, run));
      if (before && !beforeFirst) add(then, await measureScenario(before, scenario, run));
    }
  }
  return { now: [...now.values()].map(medianRound), before: [...then.values()].map(medianRound) };
}
