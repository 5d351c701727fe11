/**
 * `http` and `cloudevents` sinks against real local receivers: a JSON array with an
 * Idempotency-Key and a Standard Webhooks signature our own verifier accepts; CloudEvents in
 * binary, structured and batch modes, read back with the `cloudevents` SDK.
 */
import { HTTP } from 'cloudevents';
import { afterEach, describe, expect, it } from 'vitest';
import { verifyStandardWebhooks } from '../../src/core/verify/standard-webhooks';
import { openRig, type Rig, recentEvents } from './harness';
import { type Receiver, startReceiver } from './receiver';

const SECRET = `whsec_${Buffer.from('a-32-byte-signing-secret-for-us!').toString('base64')}`;

let rig: Rig | undefined;
let receiver: Receiver | undefined;
afterEach(async () => {
  await rig?.close();
  await receiver?.close();
  rig = undefined;
});

describe('http sink', () => {
  it('posts a JSON array with an Idempotency-Key and a signature the receiver can verify', async () => {
    receiver = await startReceiver();
    rig = await openRig({ kind: 'http', url: receiver.url, signingSecret: SECRET, headers: { 'x-tenant': 'acme' } });
    const events = recentEvents(3);
    await rig.store.writeEvents(events);
    expect(await rig.drain()).toBe(3);
    const [request] = receiver.requests;
    const body = JSON.parse(request?.body ?? '[]') as { id: string; received: string }[];
    expect(body.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(body[0]?.received).toBeTruthy();
    expect(request?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
    expect(request?.headers['x-tenant']).toBe('acme');
    const headers = new Headers(request?.headers as Record<string, string>);
    const verified = verifyStandardWebhooks(
      { scheme: 'standard-webhooks', secrets: [SECRET], toleranceSeconds: 300 } as never,
      { headers, body: new TextEncoder().encode(request?.body), receivedAt: Date.now() } as never,
    );
    await expect(verified).resolves.toBeUndefined();
  });

  it('gives a resent batch the same Idempotency-Key', async () => {
    receiver = await startReceiver();
    let first = true;
    receiver.answer = () => {
      const status = first ? 503 : 204;
      first = false;
      return status;
    };
    rig = await openRig({ kind: 'http', url: receiver.url });
    await rig.store.writeEvents(recentEvents(2));
    await rig.drain();
    rig.advance(10_000);
    await rig.drain();
    const keys = receiver.requests.map((r) => r.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).toBe(keys[1]);
  });
});

describe('cloudevents sink', () => {
  for (const mode of ['binary', 'structured', 'batch'] as const) {
    it(`sends ${mode} mode the cloudevents SDK reads: id, type, time, subject, the event as data`, async () => {
      receiver = await startReceiver();
      rig = await openRig({ kind: 'cloudevents', url: receiver.url, mode });
      const events = recentEvents(2, { event: 'github.push', resource: { 'prefect.resource.id': 'repo.ü' } });
      await rig.store.writeEvents(events);
      expect(await rig.drain()).toBe(2);
      expect(receiver.requests).toHaveLength(mode === 'batch' ? 1 : 2);
      const read = receiver.requests.flatMap((r) => {
        const parsed = HTTP.toEvent({ headers: r.headers as Record<string, string>, body: r.body });
        return Array.isArray(parsed) ? parsed : [parsed];
      });
      expect(read.map((e) => e.id)).toEqual(events.map((e) => e.id));
      for (const [i, ce] of read.entries()) {
        expect(ce.type).toBe('github.push');
        expect(ce.source).toBe('hookgate');
        expect(ce.subject).toBe(mode === 'binary' ? 'repo.%C3%BC' : 'repo.ü');
        expect(new Date(ce.time as string).toISOString()).toBe(new Date(events[i]?.occurred as string).toISOString());
        expect((ce.data as { id: string }).id).toBe(events[i]?.id);
      }
    });
  }
});
