/**
 * Operator metrics and logs (issue 17): histograms and gauges on /metrics (parsed strictly), the
 * read scope on /metrics unless public, one JSON log line per webhook request with a request id,
 * `traceparent` kept with the events, and /readyz answering 503 while the store cannot write.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import type { Logger } from '../../src/deps';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeKey, withKey } from '../helpers/keys';
import { parsePrometheus } from '../helpers/prometheus';

const TEMPLATE =
  '[{"event": "a", "resource": {"prefect.resource.id": "r.{{body.n}}"}}, {"event": "b", "resource": {"prefect.resource.id": "s"}}]';
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

describe('operator metrics, logs and readiness', () => {
  let t: TestApp;
  let logs: { message: string; fields?: Record<string, unknown> }[];
  let hook: { id: string; slug: string };
  const send = (headers: Record<string, string> = {}, body = '{"n": 1, "secret": "body-secret-xyz"}') =>
    t.app.request(`/hooks/${hook.slug}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  beforeEach(async () => {
    logs = [];
    const log: Logger = {
      info: (message, fields) => logs.push({ message, fields }),
      warn: (message, fields) => logs.push({ message, fields }),
      error: (message, fields) => logs.push({ message, fields }),
    };
    t = createTestApp({ log });
    const created = await t.api('/api/webhooks', {
      method: 'POST',
      json: { name: 'm', mapping: { kind: 'template', template: TEMPLATE } },
    });
    hook = (await created.json()) as { id: string; slug: string };
  });
  afterEach(() => t.close());

  it('has request and commit histograms and store gauges, in strictly valid exposition format', async () => {
    for (let i = 0; i < 3; i++) expect((await send()).status).toBe(204);
    expect((await send({}, 'not json')).status).toBe(400);
    await t.app.request('/hooks/AAAAAAAAAAAAAAAAAAAAAA', { method: 'POST' });

    const families = parsePrometheus(await (await t.api('/metrics')).text());
    const requests = families.get('hookgate_hook_request_duration_seconds');
    expect(requests?.type).toBe('histogram');
    const count = (labels: Record<string, string>) =>
      requests?.samples.find((s) => s.name.endsWith('_count') && JSON.stringify(s.labels) === JSON.stringify(labels))?.value;
    expect(count({ webhook: hook.id, outcome: 'stored' })).toBe(3);
    expect(count({ webhook: hook.id, outcome: 'failed' })).toBe(1);
    expect(count({ webhook: 'unknown', outcome: 'rejected' })).toBe(1);
    const commitCount = families.get('hookgate_store_commit_duration_seconds')?.samples.find((s) => s.name.endsWith('_count'));
    expect(commitCount?.value).toBeGreaterThanOrEqual(4);
    const sizes = families.get('hookgate_store_commit_events')?.samples;
    expect(sizes?.find((s) => s.name.endsWith('_sum'))?.value).toBeGreaterThanOrEqual(7);
    const gauge = (name: string) => families.get(name)?.samples[0]?.value;
    expect(families.get('hookgate_events_stored')?.type).toBe('gauge');
    expect(gauge('hookgate_events_stored')).toBe(8); // 6 events, 1 failure, the webhook's audit event
    expect(gauge('hookgate_oldest_event_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(gauge('hookgate_store_size_bytes')).toBeGreaterThan(0);
  });

  it('needs a read key for /metrics unless it is public', async () => {
    expect((await t.app.request('/metrics')).status).toBe(401);
    expect((await withKey(t, (await makeKey(t, 'read')).key, '/metrics')).status).toBe(200);
    expect((await withKey(t, (await makeKey(t, 'emit')).key, '/metrics')).status).toBe(403);
    const open = createApp({ ...t.deps, metricsPublic: true });
    expect((await open.request('/metrics')).status).toBe(200);
  });

  it('logs one line per webhook request with its request id, never the slug, a secret or the body', async () => {
    const given = await send({ 'x-request-id': 'req-123' });
    expect(given.headers.get('x-request-id')).toBe('req-123');
    const made = await send({ 'x-request-id': 'no spaces "or quotes"' });
    const generated = made.headers.get('x-request-id') ?? '';
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    const lines = logs.filter((line) => line.message === 'webhook request');
    expect(lines).toHaveLength(2);
    expect(lines[0]?.fields).toMatchObject({ requestId: 'req-123', webhook: hook.id, status: 204, outcome: 'stored', events: 2 });
    expect(lines[0]?.fields?.durationMs).toEqual(expect.any(Number));
    expect(lines[1]?.fields?.requestId).toBe(generated);
    const text = JSON.stringify(logs);
    expect(text).not.toContain(hook.slug);
    expect(text).not.toContain('body-secret-xyz');
  });

  it('keeps a traceparent with every event of the request as a hookgate.trace related resource', async () => {
    expect((await send({ traceparent: TRACEPARENT })).status).toBe(204);
    expect((await send({ traceparent: '00-00000000000000000000000000000000-00f067aa0ba902b7-01' })).status).toBe(204);
    const response = await t.api('/api/events/filter', {
      method: 'POST',
      json: { filter: { related: { id: [`hookgate.trace.${TRACE_ID}`] } } },
    });
    const { events } = (await response.json()) as { events: { related: Record<string, string>[] }[] };
    expect(events).toHaveLength(2);
    expect(events[0]?.related).toContainEqual({
      'prefect.resource.id': `hookgate.trace.${TRACE_ID}`,
      'prefect.resource.role': 'trace',
      traceparent: TRACEPARENT,
    });
    const all = await t.api('/api/events/filter', { method: 'POST', json: { filter: { related: { role: ['trace'] } } } });
    expect(((await all.json()) as { total: number }).total).toBe(2);
  });

  it('/readyz is 200 while the store takes writes and 503 while it cannot', async () => {
    expect(await (await t.app.request('/readyz')).json()).toEqual({ status: 'ready' });
    const readonly = createSqliteStore({ filename: t.dbFile, migrations: readMigrations(), readonly: true });
    try {
      const app = createApp({ ...t.deps, store: readonly });
      expect((await app.request('/healthz')).status).toBe(200);
      expect((await app.request('/readyz')).status).toBe(503);
    } finally {
      await readonly.close();
    }
  });
});
