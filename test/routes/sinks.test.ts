/**
 * The sinks API through `app.request`, with the Node forwarding loop on a real store and real
 * local receivers: CRUD with write-only secrets, status with lag, dead letters and their retry,
 * replay, the test event, and problem answers for bad input.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type NodeForwarding, startForwarding, wakingStore } from '../../src/adapter/node/forwarding';
import { silentLogger } from '../../src/deps';
import { readMigrations } from '../../src/store/migrations-fs';
import { createSqliteStore } from '../../src/store/sqlite';
import { recentEvents } from '../forward/harness';
import { type Receiver, startReceiver } from '../forward/receiver';
import { createTestApp, type TestApp } from '../helpers/app';
import { type FakePrefect, startFakePrefect } from '../helpers/fake-prefect';

let t: TestApp;
let forwarding: NodeForwarding;
let prefect: FakePrefect;
let receiver: Receiver;

beforeEach(async () => {
  const store = createSqliteStore({ filename: ':memory:', migrations: readMigrations() });
  forwarding = startForwarding(store, { allowPrivate: true, timeoutMs: 2000, leaseMs: 60_000, log: silentLogger });
  t = createTestApp({ store: wakingStore(store, forwarding.wake), forwarding });
  prefect = await startFakePrefect({ apiKey: 'pnu_secret_key_0123456789' });
  receiver = await startReceiver();
});
afterEach(async () => {
  await forwarding.stop();
  await t.close();
  await prefect.close();
  await receiver.close();
});

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers as loose JSON and asserts their shape
type Loose = Record<string, any>;
const json = async (response: Response) => ({ status: response.status, body: (await response.json()) as Loose });

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await read();
    if (done(value)) return value;
    await new Promise((r) => setTimeout(r, 25));
  }
  return read();
}

async function createPrefectSink(extra: Record<string, unknown> = {}) {
  return json(
    await t.api('/api/sinks', {
      method: 'POST',
      json: { name: 'cloud', target: { kind: 'prefect', url: prefect.url, apiKey: 'pnu_secret_key_0123456789' }, ...extra },
    }),
  );
}

describe('/api/sinks', () => {
  it('creates a sink, shows secrets only as hints, and forwards stored events', async () => {
    const created = await createPrefectSink();
    expect(created.status).toBe(201);
    expect(created.body.target).toEqual({ kind: 'prefect', url: prefect.url, apiKeyHint: '…6789' });
    expect(JSON.stringify(created.body)).not.toContain('pnu_secret');
    const events = recentEvents(3);
    expect((await t.api('/api/events', { method: 'POST', json: events })).status).toBe(204);
    await until(
      async () => prefect.events.size,
      (n) => n === 3,
    );
    const item = await until(
      async () => (await json(await t.api(`/api/sinks/${created.body.id}`))).body,
      (body) => body.status.delivered === 3,
    );
    expect(item.status).toMatchObject({ state: 'ok', delivered: 3, pending: 0, lagSeconds: 0, deadLetters: 0 });
    const list = await json(await t.api('/api/sinks'));
    expect(list.body.map((s: { id: string }) => s.id)).toEqual([created.body.id]);
  });

  it('keeps secrets a PATCH leaves out, and refuses a name in use (409)', async () => {
    const created = await createPrefectSink();
    const patched = await json(
      await t.api(`/api/sinks/${created.body.id}`, {
        method: 'PATCH',
        json: { target: { kind: 'prefect', url: `${prefect.url}/` } },
      }),
    );
    expect(patched.body.target.apiKeyHint).toBe('…6789');
    const other = await json(
      await t.api('/api/sinks', { method: 'POST', json: { name: 'cloud', target: { kind: 'http', url: receiver.url } } }),
    );
    expect(other.status).toBe(409);
    expect(other.body.code).toBe('sink-name-taken');
  });

  it("makes the environment's sink an API sink (SSRF guard on) once its target is changed through the API", async () => {
    const { ensureEnvSink } = await import('../../src/core/sinks');
    const env = await ensureEnvSink('prefect', { kind: 'prefect', url: prefect.url }, { store: t.deps.store, now: Date.now });
    expect(env.origin).toBe('env');
    const kept = await json(await t.api(`/api/sinks/${env.id}`, { method: 'PATCH', json: { batchSize: 50 } }));
    expect(kept.body.origin).toBe('env');
    const moved = await json(
      await t.api(`/api/sinks/${env.id}`, {
        method: 'PATCH',
        json: { target: { kind: 'http', url: 'http://169.254.169.254/' } },
      }),
    );
    expect(moved.body.origin).toBe('api');
  });

  it('answers bad input and unknown ids with problems', async () => {
    const bad = await t.api('/api/sinks', { method: 'POST', json: { name: 'x', target: { kind: 'kafka', url: receiver.url } } });
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toContain('application/problem+json');
    const creds = await json(
      await t.api('/api/sinks', { method: 'POST', json: { name: 'x', target: { kind: 'http', url: 'http://u:p@127.0.0.1/' } } }),
    );
    expect(creds.status).toBe(422);
    expect((await json(await t.api('/api/sinks/nope'))).body.code).toBe('sink-not-found');
    expect((await t.api('/api/sinks/00000000-0000-4000-8000-000000000000', { method: 'DELETE' })).status).toBe(404);
  });

  it('lists dead letters with the answer excerpt, and retries them', async () => {
    const created = await createPrefectSink();
    const detail = { exception_detail: [{ loc: ['body', 0, 'id'], msg: 'nope', type: 'uuid_parsing' }] };
    prefect.faults.push({ status: 422, body: JSON.stringify(detail) });
    const [event] = recentEvents(1);
    await t.api('/api/events', { method: 'POST', json: [event] });
    const letters = await until(
      async () => (await json(await t.api(`/api/sinks/${created.body.id}/dead-letters`))).body.deadLetters,
      (list: { excerpt: string }[]) => list.length === 1,
    );
    expect(letters[0]).toMatchObject({ eventId: event?.id, status: 422, event: { id: event?.id } });
    expect(letters[0]?.excerpt).toContain('uuid_parsing');
    const retried = await json(await t.api(`/api/sinks/${created.body.id}/dead-letters/retry`, { method: 'POST' }));
    expect(retried.body).toEqual({ retried: 1 });
    await until(
      async () => prefect.events.size,
      (n) => n === 1,
    );
    expect(prefect.events.has(event?.id as string)).toBe(true);
  });

  it('replays events received before the sink existed', async () => {
    const events = recentEvents(2);
    await t.api('/api/events', { method: 'POST', json: events });
    const sink = await json(
      await t.api('/api/sinks', { method: 'POST', json: { name: 'late', target: { kind: 'http', url: receiver.url } } }),
    );
    expect((await json(await t.api(`/api/sinks/${sink.body.id}`))).body.status.pending).toBe(0);
    const replay = await json(
      await t.api(`/api/sinks/${sink.body.id}/replay`, { method: 'POST', json: { since: '2000-01-01T00:00:00Z' } }),
    );
    // The two events, and the sink's own `hookgate.sink.created`, stored just before it existed.
    expect(replay.body.queued).toBe(3);
    await until(
      async () => receiver.requests.length,
      (n) => n >= 1,
    );
    const sent = receiver.requests.flatMap((r) => JSON.parse(r.body) as { id: string; event: string }[]);
    expect(new Set(sent.filter((e) => e.event !== 'hookgate.sink.created').map((e) => e.id))).toEqual(
      new Set(events.map((e) => e.id)),
    );
    expect(sent.filter((e) => e.event === 'hookgate.sink.created')).toHaveLength(1);
  });

  it('sends one synthetic test event and reports the answer', async () => {
    const sink = await json(
      await t.api('/api/sinks', { method: 'POST', json: { name: 'probe', target: { kind: 'http', url: receiver.url } } }),
    );
    receiver.answer = () => 202;
    const result = await json(await t.api(`/api/sinks/${sink.body.id}/test`, { method: 'POST' }));
    expect(result.body).toMatchObject({ ok: true, status: 202 });
    expect(JSON.parse(receiver.requests[0]?.body ?? '[]')[0].event).toBe('hookgate.sink.test');
  });

  it('shows a failing sink with its reason and pending events', async () => {
    const sink = await json(
      await t.api('/api/sinks', {
        method: 'POST',
        json: { name: 'wrong', target: { kind: 'prefect', url: prefect.url, apiKey: 'bad-key-0123456789' } },
      }),
    );
    await t.api('/api/events', { method: 'POST', json: recentEvents(2) });
    const status = await until(
      async () => (await json(await t.api(`/api/sinks/${sink.body.id}`))).body.status,
      (s) => s.state === 'failing',
    );
    expect(status).toMatchObject({ state: 'failing', lastStatus: 401, pending: 2, deadLetters: 0 });
    expect(status.lastError).toContain('Unauthorized');
    expect(status.nextAttempt).not.toBeNull();
    const metrics = await (await t.api('/metrics')).text();
    expect(metrics).toContain('hookgate_sink_pending_events{sink="wrong"} 2');
    expect(metrics).toContain('hookgate_forward_failed_attempts_total{sink="wrong"} 1');
  });
});
