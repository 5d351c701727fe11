/**
 * Event queries inside workerd over a real local D1, whose limits are tighter than SQLite's
 * (100 bound parameters, expressions 100 deep): long filter lists work, a filter still past a
 * limit is a 422, new events are followed by arrival, and /healthz only pings the store.
 */
import '../../src/adapter/workers/jitless';
import { applyD1Migrations } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { DEFAULT_RENDER_LIMITS } from '../../src/core/template/budget';
import { interpretTemplate } from '../../src/core/template/interpreter';
import { silentLogger } from '../../src/deps';
import { createD1Store } from '../../src/store/d1';

const ORIGIN = 'https://hookgate.test';
const occurred = { since: '2026-05-01T00:00:00Z', until: '2026-05-02T00:00:00Z' };
const id = (n: number) => `d1000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const EVENTS = [
  {
    id: id(1),
    occurred: '2026-05-01T10:00:00Z',
    event: 'd1q.order.created',
    resource: { 'prefect.resource.id': 'd1q.order.1', env: 'env-119' },
    payload: { note: 'needle' },
  },
  { id: id(2), occurred: '2026-05-01T11:00:00Z', event: 'd1q.order.paid', resource: { 'prefect.resource.id': 'd1q.order.2' } },
];

function api(path: string, body?: unknown): Promise<Response> {
  return exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${env.HOOKGATE_ADMIN_TOKEN}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

async function matching(filter: Record<string, unknown>): Promise<string[]> {
  const response = await api('/api/events/filter', { filter: { occurred, ...filter } });
  expect(response.status, (await response.clone().text()).slice(0, 300)).toBe(200);
  return ((await response.json()) as { events: { id: string }[] }).events.map((event) => event.id).sort();
}

const misses = (count: number, make: (i: number) => string) => Array.from({ length: count }, (_, i) => make(i));

describe('event queries on D1', () => {
  beforeAll(async () => {
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    expect((await api('/api/events', EVENTS)).status).toBe(204);
  });

  it('filters by 200 event prefixes, 200 label values and a 60-term text query', async () => {
    expect(await matching({ event: { prefix: [...misses(199, (i) => `x${i}.`), 'd1q.order.c'] } })).toEqual([id(1)]);
    expect(await matching({ event: { prefix: ['d1q.'], exclude_prefix: misses(200, (i) => `d1q.order.p${i}`) } })).toHaveLength(
      2,
    );
    expect(await matching({ resource: { labels: { env: misses(200, (i) => `env-${i}`) } } })).toEqual([id(1)]);
    expect(await matching({ resource: { labels: { env: misses(200, (i) => `env-${i}*`) } } })).toEqual([id(1)]);
    expect(await matching({ any_resource: { id_prefix: [...misses(199, (i) => `x${i}.`), 'd1q.order.2'] } })).toEqual([id(2)]);
    // 60 terms within the 200 characters a query may have (a repeated term is still a term).
    const query = [...misses(59, () => 'jk'), 'needle'].join(' ');
    const excluding = misses(60, () => '-j').join(' ');
    expect(Math.max(query.length, excluding.length)).toBeLessThanOrEqual(200);
    expect(await matching({ text: { query } })).toEqual([id(1)]);
    expect(await matching({ text: { query: excluding } })).toHaveLength(2);
  });

  it('answers a filter past a D1 limit with 422 filter-too-large, not a 500', async () => {
    // 60 related filters (ANDed) take 3 parameters each: past D1's 100.
    const response = await api('/api/events/filter', { filter: { occurred, related: misses(60, (i) => ({ id: [`r${i}`] })) } });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ code: 'filter-too-large' });
  });

  it('follows new events by arrival through POST /api/events/tail', async () => {
    const start = (await (await api('/api/events/tail', {})).json()) as { cursor: string };
    const late = { ...EVENTS[1], id: id(3), occurred: '2001-01-01T00:00:00Z' };
    expect((await api('/api/events', [late])).status).toBe(204);
    const response = await api('/api/events/tail', { after: start.cursor, filter: { event: { prefix: ['d1q.'] } } });
    expect(response.status).toBe(200);
    const next = (await response.json()) as { events: { id: string }[]; cursor: string };
    expect(next.events.map((event) => event.id)).toEqual([id(3)]);
    expect(next.cursor).not.toBe(start.cursor);
  });

  it('answers /healthz from a ping, without reading every webhook', async () => {
    const store = createD1Store(env.DB);
    store.listWebhooks = () => Promise.reject(new Error('listWebhooks is not a health check'));
    const app = createApp({
      store,
      adminToken: env.HOOKGATE_ADMIN_TOKEN,
      maxBodyBytes: 65536,
      renderLimits: DEFAULT_RENDER_LIMITS,
      compileTemplate: interpretTemplate,
      now: Date.now,
      log: silentLogger,
    });
    const response = await app.request('/healthz');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });
});
