/**
 * The `prefect` sink against the fake Prefect events API (test/helpers/fake-prefect.ts): the shared
 * suite, then faults only a fake can inject (5xx, 429 + Retry-After, resets, slow answers, 401,
 * 422 naming events, refusals naming none).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { type FakePrefect, startFakePrefect } from '../helpers/fake-prefect';
import { openRig, REQUEST_TIMEOUT_MS, type Rig, recentEvents } from './harness';
import { describePrefectSuite } from './prefect-suite';

const servers: FakePrefect[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function fake(options: Parameters<typeof startFakePrefect>[0] = {}): Promise<FakePrefect> {
  const server = await startFakePrefect(options);
  servers.push(server);
  return server;
}

describePrefectSuite('fake Prefect (Bearer)', async () => {
  const server = await fake({ apiKey: 'pnu_test_key_0123456789' });
  return {
    target: { kind: 'prefect', url: `${server.url}/`, apiKey: 'pnu_test_key_0123456789' },
    stored: async (ids) => new Set(ids.filter((id) => server.events.has(id))),
    read: async (id) => server.events.get(id),
  };
});

describe('prefect sink against a faulty fake', () => {
  let rig: Rig | undefined;
  afterEach(async () => {
    await rig?.close();
    rig = undefined;
  });

  async function rigWith(options: Parameters<typeof startFakePrefect>[0] = {}) {
    const server = await fake(options);
    rig = await openRig({ kind: 'prefect', url: server.url, ...(options.authString && { authString: options.authString }) });
    return { server, rig };
  }

  it('sends Basic auth from an auth string, and only the seven spec fields', async () => {
    const { server, rig } = await rigWith({ authString: 'admin:s3cret' });
    const [event] = recentEvents(1);
    await rig.store.writeEvents([event as never]);
    await rig.drain();
    const stored = server.events.get(event?.id as string);
    expect(Object.keys(stored ?? {}).sort()).toEqual(['event', 'follows', 'id', 'occurred', 'payload', 'related', 'resource']);
  });

  it('marks a sink answering 401 failing with the reason, retries it slowly and loses nothing', async () => {
    const server = await fake({ apiKey: 'right-key-0123456789' });
    rig = await openRig({ kind: 'prefect', url: server.url, apiKey: 'wrong-key-0123456789' });
    await rig.store.writeEvents(recentEvents(3));
    await rig.drain();
    const counters = await rig.store.sinkCounters(rig.sink.id);
    expect(counters).toMatchObject({ state: 'failing', lastStatus: 401, pending: 3, deadLetters: 0 });
    expect(counters?.lastError).toContain('Unauthorized');
    expect((counters?.nextAttemptMicros ?? 0) - Date.now() * 1000).toBeGreaterThan(40e6);
    rig.advance(10_000);
    await rig.drain();
    expect(server.requests).toBe(1);
    await rig.store.updateSink({ ...rig.sink, target: { kind: 'prefect', url: server.url, apiKey: 'right-key-0123456789' } });
    rig.advance(30 * 60_000);
    expect(await rig.drain()).toBe(3);
    expect((await rig.store.sinkCounters(rig.sink.id))?.state).toBe('ok');
  });

  for (const [label, fault] of [
    ['a 503', { status: 503 }],
    ['a connection reset', { reset: true as const }],
    ['an answer slower than the timeout', { delayMs: REQUEST_TIMEOUT_MS + 500 }],
  ] as const) {
    it(`waits with visible lag after ${label}, then delivers everything`, async () => {
      const { server, rig } = await rigWith();
      server.faults.push(fault, fault);
      const events = recentEvents(5);
      await rig.store.writeEvents(events);
      await rig.drain();
      const waiting = await rig.store.sinkCounters(rig.sink.id);
      expect(waiting).toMatchObject({ state: 'retrying', pending: 5, deadLetters: 0 });
      expect(waiting?.oldestPendingMicros).not.toBeNull();
      expect(await rig.drain()).toBe(0);
      rig.advance(1_500);
      await rig.drain();
      expect((await rig.store.sinkCounters(rig.sink.id))?.pending).toBe(5);
      rig.advance(60_000);
      expect(await rig.drain()).toBe(5);
      expect(new Set(server.events.keys())).toEqual(new Set(events.map((e) => e.id)));
      expect((await rig.store.sinkCounters(rig.sink.id))?.state).toBe('ok');
    });
  }

  it('honours Retry-After on a 429', async () => {
    const { server, rig } = await rigWith();
    server.faults.push({ status: 429, retryAfter: '120' });
    await rig.store.writeEvents(recentEvents(2));
    await rig.drain();
    const next = (await rig.store.sinkCounters(rig.sink.id))?.nextAttemptMicros ?? 0;
    expect(next - Date.now() * 1000).toBeGreaterThanOrEqual(119e6);
    rig.advance(100_000);
    expect(await rig.drain()).toBe(0);
    rig.advance(40_000);
    expect(await rig.drain()).toBe(2);
  });

  it('dead-letters the events a 422 names, with the status and an excerpt, and delivers the rest', async () => {
    const { server, rig } = await rigWith();
    const detail = {
      exception_message: 'Invalid request received.',
      exception_detail: [{ loc: ['body', 1, 'id'], msg: 'bad', type: 'uuid_parsing' }],
    };
    server.faults.push({ status: 422, body: JSON.stringify(detail) });
    const events = recentEvents(3);
    await rig.store.writeEvents(events);
    expect(await rig.drain()).toBe(2);
    expect([...server.events.keys()].sort()).toEqual([events[0]?.id, events[2]?.id].sort());
    const letters = await rig.store.listDeadLetters(rig.sink.id, 10);
    expect(letters).toHaveLength(1);
    expect(letters[0]).toMatchObject({ eventId: events[1]?.id, status: 422 });
    expect(letters[0]?.excerpt).toContain('uuid_parsing');
    expect((await rig.store.sinkCounters(rig.sink.id))?.state).toBe('ok');
  });

  it('bisects a refusal that names no event down to the one at fault', async () => {
    const { server, rig } = await rigWith();
    // [0..3] refused; [0,1] taken; [2,3] refused; [2] taken; [3] refused → dead letter.
    server.faults.push(
      { status: 400, body: 'no' },
      { delayMs: 0 },
      { status: 400, body: 'no' },
      { delayMs: 0 },
      { status: 400, body: 'no' },
    );
    const events = recentEvents(4);
    await rig.store.writeEvents(events);
    expect(await rig.drain()).toBe(3);
    expect((await rig.store.listDeadLetters(rig.sink.id, 10)).map((d) => d.eventId)).toEqual([events[3]?.id]);
    expect(await rig.store.retryDeadLetters(rig.sink.id)).toBe(1);
    expect(await rig.drain()).toBe(1);
    expect(server.events.size).toBe(4);
  });

  it("forwards only what the sink's filter matches", async () => {
    const server = await fake();
    rig = await openRig(
      { kind: 'prefect', url: server.url },
      { filter: { event: { prefix: ['github.'] }, order: 'DESC' } as never },
    );
    const [push] = recentEvents(1, { event: 'github.push' });
    await rig.store.writeEvents([push as never, ...recentEvents(2, { event: 'stripe.charge' })]);
    expect(await rig.drain()).toBe(1);
    expect([...server.events.keys()]).toEqual([push?.id]);
  });

  it('answers /events/ with a 307 and drops an event over 1,500,000 bytes behind a 204 (as Prefect does)', async () => {
    const server = await fake();
    const slash = await fetch(`${server.url}/events/`, { method: 'POST', body: '[]', redirect: 'manual' });
    expect(slash.status).toBe(307);
    const [event] = recentEvents(1, { payload: { big: 'x'.repeat(1_500_001) } });
    const answer = await fetch(`${server.url}/events`, { method: 'POST', body: JSON.stringify([event]) });
    expect(answer.status).toBe(204);
    expect(server.events.size).toBe(0);
  });
});
