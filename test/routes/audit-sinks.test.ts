/**
 * Audit events for sinks (issue 17): creating, changing and deleting a sink through the API writes
 * `hookgate.sink.<action>` naming the acting key, in the change's transaction, and never a secret
 * of the sink (searched for in the stored events' text). The operator's sink from the environment
 * is not audited (src/core/sinks.ts ensureEnvSink).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ensureEnvSink } from '../../src/core/sinks';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeKey, withKey } from '../helpers/keys';

const API_KEY = 'pnu_audit_secret_key_0123456789';
const AUTH_STRING = 'someone:an-auth-password-to-keep';
const HEADER_VALUE = 'a-proxy-header-value-to-keep';
const SIGNING_SECRET = 'whsec_c2lnbmluZy1zZWNyZXQtdG8ta2VlcA==';

interface Stored {
  event: string;
  resource: Record<string, string>;
  related: Record<string, string>[];
  payload: Record<string, unknown>;
}

async function sinkAuditEvents(t: TestApp): Promise<Stored[]> {
  const response = await t.api('/api/events/filter', {
    method: 'POST',
    json: { filter: { event: { prefix: ['hookgate.sink.'] }, order: 'ASC' }, limit: 200 },
  });
  return ((await response.json()) as { events: Stored[] }).events;
}

describe('sink audit events', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  it('records each sink change with the acting key, never a secret', async () => {
    const manager = await makeKey(t, 'manage');
    const call = (path: string, method: string, json?: unknown) => withKey(t, manager.key, path, { method, json });
    const created = await call('/api/sinks', 'POST', {
      name: 'cloud',
      target: {
        kind: 'prefect',
        url: 'https://prefect.example.com/api',
        apiKey: API_KEY,
        headers: { 'x-proxy': HEADER_VALUE },
      },
    });
    expect(created.status).toBe(201);
    const sink = (await created.json()) as { id: string; status: { pending: number } };
    // Its own creation is recorded just before it exists: queued for the other sinks, not for it.
    expect(sink.status.pending).toBe(0);
    const patched = await call(`/api/sinks/${sink.id}`, 'PATCH', {
      enabled: false,
      target: { kind: 'http', url: 'https://events.example.com/in', signingSecret: SIGNING_SECRET },
    });
    expect(patched.status).toBe(200);
    const renamed = await call(`/api/sinks/${sink.id}`, 'PATCH', {
      target: { kind: 'prefect', url: 'https://prefect.example.com/api', authString: AUTH_STRING },
    });
    expect(renamed.status).toBe(200);
    expect((await call(`/api/sinks/${sink.id}`, 'DELETE')).status).toBe(204);
    // Changes that change nothing stored leave no trail: a second delete, a duplicate name.
    expect((await call(`/api/sinks/${sink.id}`, 'DELETE')).status).toBe(404);
    await call('/api/sinks', 'POST', { name: 'twin', target: { kind: 'http', url: 'https://a.example.com/' } });
    const twin = await call('/api/sinks', 'POST', { name: 'twin', target: { kind: 'http', url: 'https://b.example.com/' } });
    expect(twin.status).toBe(409);

    const events = await sinkAuditEvents(t);
    expect(events.map((e) => e.event)).toEqual([
      'hookgate.sink.created',
      'hookgate.sink.updated',
      'hookgate.sink.updated',
      'hookgate.sink.deleted',
      'hookgate.sink.created',
    ]);
    for (const event of events.slice(0, 4)) {
      expect(event.resource).toEqual({ 'prefect.resource.id': `hookgate.sink.${sink.id}`, 'prefect.resource.name': 'cloud' });
      expect(event.related).toEqual([
        {
          'prefect.resource.id': `hookgate.api-key.${manager.id}`,
          'prefect.resource.role': 'actor',
          'prefect.resource.name': 'manage key',
        },
      ]);
    }
    expect(events[0]?.payload).toEqual({ enabled: true, kind: 'prefect', filtered: false, batchSize: 100 });
    expect(events[1]?.payload).toMatchObject({ enabled: false, kind: 'http', fields: ['enabled', 'target'] });

    const stored = (await t.storedBodies()).join('\n');
    expect(stored).toContain('hookgate.sink.deleted');
    for (const secret of [API_KEY, AUTH_STRING, HEADER_VALUE, SIGNING_SECRET, manager.key]) {
      expect(stored).not.toContain(secret);
    }
  });

  it("does not audit the operator's sink from the environment", async () => {
    const store = t.deps.store;
    const deps = { store, now: () => Date.now() };
    await ensureEnvSink('prefect', { kind: 'prefect', url: 'https://prefect.example.com/api', apiKey: API_KEY }, deps);
    await ensureEnvSink('prefect', { kind: 'prefect', url: 'https://other.example.com/api', apiKey: API_KEY }, deps);
    expect((await store.getSinkByName('prefect'))?.target.url).toBe('https://other.example.com/api');
    expect(await sinkAuditEvents(t)).toEqual([]);
  });
});
