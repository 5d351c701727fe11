/**
 * `handleHook` called directly, over a real SQLite store (test/helpers/app.ts), with webhooks saved
 * by the same rules the API uses (core/webhooks.ts): what it resolves to, what it throws, and what
 * is committed — read back through a second connection — by the time it does either.
 */

import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signSlack } from '../../src/cli/signers';
import { ADMIN_TOKEN_ACTOR } from '../../src/core/audit';
import { handleHook, type PipelineDeps } from '../../src/core/pipeline';
import { RateLimitedError } from '../../src/core/rate-limit';
import { createWebhook } from '../../src/core/webhooks';
import { createRouteDeps } from '../../src/deps';
import { MappingError, ReceiveError, VerifyError } from '../../src/lib/errors';
import { uuidv5 } from '../../src/lib/ids';
import type { Webhook } from '../../src/schemas/webhook';
import { createTestApp, type TestApp } from '../helpers/app';
import { eventsOf } from '../helpers/hooks';

const NOW_MS = Date.parse('2026-03-27T12:00:00Z');
const ECHO = '{"event": "thing.{{body.kind}}", "resource": {"prefect.resource.id": "thing.{{body.id}}"}}';
const TOKEN = 'pipeline-sender-token-0123';
const BEARER = { scheme: 'bearer', secrets: [TOKEN] };

let t: TestApp;
let deps: PipelineDeps;
beforeEach(() => {
  t = createTestApp({ now: () => NOW_MS, maxBodyBytes: 4096 });
  deps = createRouteDeps(t.deps).pipeline;
});
afterEach(() => t.close());

const save = (input: Record<string, unknown>) =>
  createWebhook(
    { name: 'pipeline', mapping: { kind: 'template', template: ECHO }, ...input },
    { store: t.deps.store, pipeline: deps, actor: ADMIN_TOKEN_ACTOR },
  );

function request(webhook: Webhook, body: string | null, headers: Record<string, string> = {}, method = 'POST'): Request {
  return new Request(`http://127.0.0.1:8787/hooks/${webhook.slug}`, {
    method,
    headers: body === null ? headers : { 'content-type': 'application/json', ...headers },
    body,
  });
}

/** What the store has committed for `webhook`, read through its own connection to the file. */
const committed = (webhook: Webhook) => eventsOf(t.dbFile, webhook);

/** The error a call that must fail throws. */
const thrown = (running: Promise<unknown>) =>
  running.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('handleHook', () => {
  it('resolves "stored" only once the events are committed, with the request context', async () => {
    const webhook = await save({});
    const outcome = await handleHook(webhook, request(webhook, '{"kind": "made", "id": 7}'), deps);
    if (outcome.kind !== 'stored') throw new Error(`expected stored, got ${outcome.kind}`);
    expect(outcome.events.map((event) => event.event)).toEqual(['thing.made']);
    expect(outcome.context).toMatchObject({ method: 'POST', body: { kind: 'made', id: 7 } });
    expect(committed(webhook).map((event) => [event.id, event.event, event.resource['prefect.resource.id']])).toEqual([
      [outcome.events[0]?.id, 'thing.made', 'thing.7'],
    ]);
  });

  it('answers a handshake after verification and stores nothing', async () => {
    const secret = 'slack-signing-secret-0123';
    const webhook = await save({ preset: 'slack', verify: { secrets: [secret] } });
    const body = '{"type": "url_verification", "challenge": "c-123", "token": "t"}';
    const signed = signSlack(secret, body, NOW_MS / 1000);
    const outcome = await handleHook(webhook, request(webhook, body, signed), deps);
    if (outcome.kind !== 'answered') throw new Error(`expected answered, got ${outcome.kind}`);
    expect(outcome.response.status).toBe(200);
    expect(await outcome.response.json()).toEqual({ challenge: 'c-123' });
    expect(await thrown(handleHook(webhook, request(webhook, body), deps))).toBeInstanceOf(VerifyError);
    expect(committed(webhook)).toEqual([]);
  });

  it('commits a failure event, then throws the mapping error (400)', async () => {
    const webhook = await save({ mapping: { kind: 'template', template: '{"event": {{body.kind}}}' } });
    const error = await thrown(handleHook(webhook, request(webhook, '{"kind": "x"}'), deps));
    expect(error).toBeInstanceOf(MappingError);
    expect(error).toMatchObject({ status: 400, code: 'template-output-not-json' });
    const [failure, ...rest] = committed(webhook);
    expect(rest).toEqual([]);
    expect(failure).toMatchObject({
      event: 'hookgate.webhook.failed',
      payload: { error: { code: 'template-output-not-json' }, request: { method: 'POST', body: '{"kind": "x"}' } },
    });
  });

  it.each([
    ['no credentials', {}, 'signature-missing'],
    ['a wrong token', { authorization: 'Bearer not-the-token-0123' }, 'signature-mismatch'],
  ])('throws VerifyError (401) for %s and stores nothing, not even a failure', async (_label, headers, code) => {
    // A mapping that would fail: an unverified request must not reach it.
    const webhook = await save({ verify: BEARER, mapping: { kind: 'template', template: '{"event": {{body.kind}}}' } });
    const error = await thrown(handleHook(webhook, request(webhook, '{"kind": "x"}', headers), deps));
    expect(error).toBeInstanceOf(VerifyError);
    expect(error).toMatchObject({ status: 401, code });
    expect(committed(webhook)).toEqual([]);
  });

  it('throws ReceiveError (413) for a body over the limit and stores nothing', async () => {
    const webhook = await save({});
    const error = await thrown(handleHook(webhook, request(webhook, `{"kind": "${'x'.repeat(4096)}"}`), deps));
    expect(error).toBeInstanceOf(ReceiveError);
    expect(error).toMatchObject({ status: 413, code: 'payload-too-large' });
    expect(committed(webhook)).toEqual([]);
  });

  it('takes the rate limit after verification: refused requests do not drain it', async () => {
    const webhook = await save({ verify: BEARER, rateLimit: { requests: 2, perSeconds: 60 } });
    const send = (headers: Record<string, string>) =>
      handleHook(webhook, request(webhook, '{"kind": "k", "id": 1}', headers), deps);
    for (let i = 0; i < 5; i++) expect(await thrown(send({}))).toBeInstanceOf(VerifyError);
    const signed = { authorization: `Bearer ${TOKEN}` };
    expect((await send(signed)).kind).toBe('stored');
    expect((await send(signed)).kind).toBe('stored');
    const limited = await thrown(send(signed));
    expect(limited).toBeInstanceOf(RateLimitedError);
    expect(limited).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(committed(webhook)).toHaveLength(2);
  });

  it('stores a redelivery once: idFrom fixes the event ids', async () => {
    const webhook = await save({ idFrom: 'header:x-delivery' });
    const send = (delivery: string) =>
      handleHook(webhook, request(webhook, '{"kind": "k", "id": 1}', { 'x-delivery': delivery }), deps);
    const first = await send('d-1');
    const again = await send('d-1');
    await send('d-2');
    if (first.kind !== 'stored' || again.kind !== 'stored') throw new Error('expected stored');
    expect(again.events.map((event) => event.id)).toEqual(first.events.map((event) => event.id));
    expect(committed(webhook).map((event) => event.id)).toEqual([uuidv5(webhook.id, 'd-1:0'), uuidv5(webhook.id, 'd-2:0')]);
  });

  it('answers a CloudEvents OPTIONS preflight before verification, without a rate-limit token or a stored event', async () => {
    const webhook = await save({ verify: BEARER, rateLimit: { requests: 1, perSeconds: 60 } });
    for (let i = 0; i < 3; i++) {
      const preflight = request(webhook, null, { 'webhook-request-origin': 'eventemitter.example.com' }, 'OPTIONS');
      const outcome = await handleHook(webhook, preflight, deps);
      if (outcome.kind !== 'answered') throw new Error(`expected answered, got ${outcome.kind}`);
      expect(outcome.response.status).toBe(200);
      expect(outcome.response.headers.get('webhook-allowed-origin')).toBe('eventemitter.example.com');
      expect(outcome.response.headers.get('webhook-allowed-rate')).toBe('1');
    }
    const signed = request(webhook, '{"kind": "k", "id": 1}', { authorization: `Bearer ${TOKEN}` });
    expect((await handleHook(webhook, signed, deps)).kind).toBe('stored');
    expect(committed(webhook)).toHaveLength(1);
  });
});
