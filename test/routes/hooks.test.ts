import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/app';
import { createTestApp, startServer, type TestApp } from '../helpers/app';

const ECHO = '{"event": "thing.{{body.kind}}", "resource": {"prefect.resource.id": "thing.{{body.id}}"}}';

interface Problem {
  code: string;
  detail: string;
  status: number;
}

async function storedEvents(t: TestApp): Promise<{ event: string; id: string; payload: Record<string, unknown> }[]> {
  return (await t.storedBodies()).map((body) => JSON.parse(body));
}

describe('ANY /hooks/:slug', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  async function webhook(body: Record<string, unknown>): Promise<{ id: string; slug: string; url: string }> {
    const response = await t.api('/api/webhooks', { method: 'POST', json: { name: 'hook', ...body } });
    expect(response.status).toBe(201);
    return (await response.json()) as { id: string; slug: string; url: string };
  }

  const post = (slug: string, body: string, headers: Record<string, string> = { 'content-type': 'application/json' }) =>
    t.app.request(`/hooks/${slug}`, { method: 'POST', body, headers });

  it('204 once the event is committed, with the webhook as related resource and the request as default payload', async () => {
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO } });
    const response = await post(hook.slug, '{"kind": "made", "id": 7}', { 'content-type': 'application/json', 'x-extra': 'yes' });
    expect(response.status).toBe(204);
    const [event] = await storedEvents(t);
    expect(event).toMatchObject({
      event: 'thing.made',
      resource: { 'prefect.resource.id': 'thing.7' },
      related: [
        {
          'prefect.resource.id': `hookgate.webhook.${hook.id}`,
          'prefect.resource.role': 'webhook',
          'prefect.resource.name': 'hook',
        },
      ],
      payload: { method: 'POST', body: { kind: 'made', id: 7 }, headers: { 'x-extra': 'yes' } },
    });
    expect(event?.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7/); // a new UUIDv7
  });

  it('never shows the authorization or cookie headers to templates or in events', async () => {
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO } });
    await post(hook.slug, '{"kind": "k", "id": 1}', {
      'content-type': 'application/json',
      cookie: 'session=1',
      authorization: 'Bearer x',
    });
    const [event] = await storedEvents(t);
    expect(JSON.stringify(event)).not.toMatch(/session=1|Bearer x/);
  });

  it('a static mapping works for any method, with or without a body (a cron job’s curl)', async () => {
    const hook = await webhook({
      mapping: { kind: 'static', event: { event: 'model.refreshed', resource: { 'prefect.resource.id': 'models.recs' } } },
    });
    for (const method of ['GET', 'HEAD', 'DELETE', 'POST', 'PUT', 'PATCH']) {
      const response = await t.app.request(`/hooks/${hook.slug}`, { method });
      expect(response.status, method).toBe(204);
    }
    const events = await storedEvents(t);
    expect(events.map((e) => e.event)).toEqual(Array(6).fill('model.refreshed'));
    expect(events.map((e) => e.payload.method)).toEqual(['GET', 'HEAD', 'DELETE', 'POST', 'PUT', 'PATCH']);
  });

  it('fans out: an array renders one event per element, all committed before the 204', async () => {
    const template =
      '[{{#each body.items}}{"event": "item.seen", "resource": {"prefect.resource.id": "item.{{this}}"}}{{#unless @last}},{{/unless}}{{/each}}]';
    const hook = await webhook({ mapping: { kind: 'template', template } });
    expect((await post(hook.slug, JSON.stringify({ items: [1, 2, 3] }))).status).toBe(204);
    expect(
      (await storedEvents(t)).map((e) => (e as unknown as { resource: Record<string, string> }).resource['prefect.resource.id']),
    ).toEqual(['item.1', 'item.2', 'item.3']);
  });

  it('400 too-many-events beyond 100 events per request, and nothing but the failure is stored', async () => {
    const template =
      '[{{#each body.items}}{"event": "e", "resource": {"prefect.resource.id": "r"}}{{#unless @last}},{{/unless}}{{/each}}]';
    const hook = await webhook({ mapping: { kind: 'template', template } });
    const response = await post(hook.slug, JSON.stringify({ items: Array.from({ length: 101 }, (_, i) => i) }));
    expect(response.status).toBe(400);
    expect(((await response.json()) as Problem).code).toBe('too-many-events');
    expect((await storedEvents(t)).map((e) => e.event)).toEqual(['hookgate.webhook.failed']);
  });

  describe('idempotency: redelivery with the same delivery id stores one event', () => {
    it.each([
      ['header:x-github-delivery', (d: string) => ({ path: '', headers: { 'x-github-delivery': d }, body: {} })],
      ['query:delivery', (d: string) => ({ path: `?delivery=${d}`, headers: {}, body: {} })],
      ['body:meta.id', (d: string) => ({ path: '', headers: {}, body: { meta: { id: d } } })],
    ])('with idFrom %s', async (idFrom, request) => {
      const hook = await webhook({ mapping: { kind: 'template', template: ECHO }, idFrom });
      const send = async (delivery: string) => {
        const r = request(delivery);
        return t.app.request(`/hooks/${hook.slug}${r.path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...r.headers },
          body: JSON.stringify({ kind: 'k', id: 1, ...r.body }),
        });
      };
      expect((await send('d-1')).status).toBe(204);
      expect((await send('d-1')).status).toBe(204);
      expect((await send('d-2')).status).toBe(204);
      const events = await storedEvents(t);
      expect(events).toHaveLength(2);
      expect(new Set(events.map((e) => e.id)).size).toBe(2);
    });

    it('does not take two large numeric delivery ids that JSON rounds alike for one delivery', async () => {
      const hook = await webhook({ mapping: { kind: 'template', template: ECHO }, idFrom: 'body:id' });
      expect((await post(hook.slug, '{"kind": "k", "id": 12345678901234567890}')).status).toBe(204);
      expect((await post(hook.slug, '{"kind": "k", "id": 12345678901234567891}')).status).toBe(204);
      expect(await storedEvents(t)).toHaveLength(2);
    });

    it('gives the n-th event of a delivery the id UUIDv5(webhook id, "<delivery id>:<n>")', async () => {
      const { uuidv5 } = await import('../../src/lib/ids');
      const hook = await webhook({ mapping: { kind: 'template', template: ECHO }, idFrom: 'header:x-delivery' });
      await post(hook.slug, '{"kind": "k", "id": 1}', { 'content-type': 'application/json', 'x-delivery': 'abc' });
      expect((await storedEvents(t))[0]?.id).toBe(uuidv5(hook.id, 'abc:0'));
    });
  });

  describe('failures are events', () => {
    it.each([
      [
        'a template that renders something other than JSON',
        '{"event": {{body.kind}}}',
        '{"kind": "x"}',
        'template-output-not-json',
      ],
      ['an event without resource', '{"event": "e"}', '{}', 'invalid-event'],
      [
        'a number in a label',
        '{"event": "e", "resource": {"prefect.resource.id": "r", "n": {{json body.n}}}}',
        '{"n": 5}',
        'invalid-event',
      ],
      ['a body that says JSON and is not', ECHO, '{"kind": ', 'invalid-body'],
      ['a helper that refuses its input', '{"event": "{{jsonParse body.s}}"}', '{"s": "not json"}', 'template-render-failed'],
    ])(
      '%s: 400 problem+json, and a hookgate.webhook.failed event with error, request and rendered text',
      async (_name, template, body, code) => {
        const hook = await webhook({ mapping: { kind: 'template', template } });
        const response = await post(hook.slug, body);
        expect(response.status).toBe(400);
        expect(response.headers.get('content-type')).toBe('application/problem+json');
        const problem = (await response.json()) as Problem;
        expect(problem.code).toBe(code);
        const [failed] = (await storedEvents(t)) as unknown as {
          event: string;
          resource: Record<string, string>;
          payload: { error: { code: string }; request: { method: string; body: string }; rendered: string | null };
        }[];
        expect(failed?.event).toBe('hookgate.webhook.failed');
        expect(failed?.resource['prefect.resource.id']).toBe(`hookgate.webhook.${hook.id}`);
        expect(failed?.payload.error.code).toBe(code);
        expect(failed?.payload.request).toMatchObject({ method: 'POST', body });
        expect(JSON.stringify(failed)).not.toContain(hook.slug);
      },
    );

    it('names the label that is not a string', async () => {
      const hook = await webhook({
        mapping: {
          kind: 'template',
          template: '{"event": "e", "resource": {"prefect.resource.id": "r", "count": {{json body.n}}}}',
        },
      });
      const problem = (await (await post(hook.slug, '{"n": 5}')).json()) as Problem;
      expect(problem.detail).toBe('resource.count: label values must be strings, got a number');
    });

    it('keeps what the template rendered', async () => {
      const hook = await webhook({ mapping: { kind: 'template', template: '{"event": {{body.kind}}}' } });
      await post(hook.slug, '{"kind": "x"}');
      const [failed] = (await storedEvents(t)) as unknown as { payload: { rendered: string } }[];
      expect(failed?.payload.rendered).toBe('{"event": x}');
    });
  });

  it('answers inertly: no script or sniffing, whatever the webhook returns (even its own HTML success response)', async () => {
    const hook = await webhook({
      mapping: { kind: 'template', template: ECHO },
      response: { status: 200, contentType: 'text/html', body: '<p>Thanks {{body.kind}}</p>' },
    });
    const response = await post(hook.slug, '{"kind": "<script>alert(1)</script>", "id": 1}');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toContain('sandbox');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    const missing = await post('AAAAAAAAAAAAAAAAAAAAAA', '{}');
    expect(missing.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  describe('hostile bodies', () => {
    const nested = (depth: number) => `{"a": ${'['.repeat(depth)}${']'.repeat(depth)}}`;

    it('answers 400 invalid-body (never 500) to JSON nested thousands deep, and records the failure', async () => {
      const hook = await webhook({
        mapping: {
          kind: 'template',
          template: '{"event": "e", "resource": {"prefect.resource.id": "r"}, "payload": {{json body}}}',
        },
      });
      const response = await post(hook.slug, nested(5000));
      expect(response.status).toBe(400);
      expect(((await response.json()) as Problem).code).toBe('invalid-body');
      const [failed] = (await storedEvents(t)) as unknown as { event: string; payload: { request: { body: string } } }[];
      expect(failed?.event).toBe('hookgate.webhook.failed');
      expect(failed?.payload.request.body).toBe(nested(5000));
    });

    it('stores a static event for a deep body, with the body kept as text', async () => {
      const hook = await webhook({
        mapping: { kind: 'static', event: { event: 'e', resource: { 'prefect.resource.id': 'r' } } },
      });
      expect((await post(hook.slug, nested(5000))).status).toBe(204);
      expect((await storedEvents(t))[0]?.payload.body).toBe(nested(5000));
    });

    it('keeps a failure event within 1,500,000 bytes of JSON however the body escapes', async () => {
      const hook = await webhook({ mapping: { kind: 'template', template: '{{{rawBody}}}' } });
      const body = '\u0001'.repeat(1024 * 1024 - 10);
      const response = await post(hook.slug, body, { 'content-type': 'text/plain' });
      expect(response.status).toBe(400);
      const [stored] = await t.storedBodies();
      expect(Buffer.byteLength(stored ?? '')).toBeLessThanOrEqual(1_500_000 + 60);
      const failure = JSON.parse(stored ?? '{}') as {
        payload: { request: { bodyTruncated: boolean }; renderedTruncated: boolean };
      };
      expect(failure.payload.request.bodyTruncated).toBe(true);
      expect(failure.payload.renderedTruncated).toBe(true);
    });
  });

  it('404 with one and the same body for unknown, rotated and disabled slugs', async () => {
    const rotated = await webhook({ mapping: { kind: 'template', template: ECHO } });
    await t.api(`/api/webhooks/${rotated.id}/rotate`, { method: 'POST' });
    const disabled = await webhook({ mapping: { kind: 'template', template: ECHO }, enabled: false });
    const bodies = new Set<string>();
    for (const slug of ['AAAAAAAAAAAAAAAAAAAAAA', rotated.slug, disabled.slug]) {
      const response = await post(slug, '{}');
      expect(response.status).toBe(404);
      bodies.add(await response.text());
    }
    expect(bodies.size).toBe(1);
    expect(await storedEvents(t)).toHaveLength(0);
  });

  it('401 when verification fails, and nothing is stored', async () => {
    const hook = await webhook({
      mapping: { kind: 'template', template: ECHO },
      verify: { scheme: 'bearer', secrets: ['right-token-123'] },
    });
    const missing = await post(hook.slug, '{"kind": "k", "id": 1}');
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as Problem).code).toBe('signature-missing');
    const wrong = await post(hook.slug, '{"kind": "k", "id": 1}', {
      'content-type': 'application/json',
      authorization: 'Bearer wrong',
    });
    expect(((await wrong.json()) as Problem).code).toBe('signature-mismatch');
    expect(await storedEvents(t)).toHaveLength(0);
  });

  it('accepts any of several secrets (rotation), for bearer and basic', async () => {
    const bearer = await webhook({
      mapping: { kind: 'template', template: ECHO },
      verify: { scheme: 'bearer', secrets: ['old-token-1234', 'new-token-5678'] },
    });
    for (const token of ['old-token-1234', 'new-token-5678']) {
      const response = await post(bearer.slug, '{"kind": "k", "id": 1}', {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
      });
      expect(response.status).toBe(204);
    }
    const basic = await webhook({
      mapping: { kind: 'template', template: ECHO },
      verify: { scheme: 'basic', username: 'ci', secrets: ['pw-one', 'pw-two'] },
    });
    const auth = (user: string, pw: string) => ({
      'content-type': 'application/json',
      authorization: `Basic ${btoa(`${user}:${pw}`)}`,
    });
    expect((await post(basic.slug, '{"kind": "k", "id": 1}', auth('ci', 'pw-two'))).status).toBe(204);
    expect((await post(basic.slug, '{"kind": "k", "id": 1}', auth('other', 'pw-two'))).status).toBe(401);
  });

  it('429 with Retry-After beyond the webhook’s rate limit', async () => {
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO }, rateLimit: { requests: 2, perSeconds: 60 } });
    expect((await post(hook.slug, '{"kind": "k", "id": 1}')).status).toBe(204);
    expect((await post(hook.slug, '{"kind": "k", "id": 2}')).status).toBe(204);
    const limited = await post(hook.slug, '{"kind": "k", "id": 3}');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await limited.json()) as Problem).code).toBe('rate-limited');
    expect(await storedEvents(t)).toHaveLength(2);
  });

  it('counts only verified requests against the rate limit: unsigned floods cannot drain it', async () => {
    const hook = await webhook({
      mapping: { kind: 'template', template: ECHO },
      verify: { scheme: 'bearer', secrets: ['limited-sender-token'] },
      rateLimit: { requests: 2, perSeconds: 60 },
    });
    for (let i = 0; i < 5; i++) expect((await post(hook.slug, '{"kind": "k", "id": 1}')).status).toBe(401);
    const signed = { 'content-type': 'application/json', authorization: 'Bearer limited-sender-token' };
    expect((await post(hook.slug, '{"kind": "k", "id": 1}', signed)).status).toBe(204);
    expect((await post(hook.slug, '{"kind": "k", "id": 2}', signed)).status).toBe(204);
    expect((await post(hook.slug, '{"kind": "k", "id": 3}', signed)).status).toBe(429);
  });

  it('does not count a sender’s OPTIONS check (CloudEvents abuse protection) against the rate limit', async () => {
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO }, rateLimit: { requests: 1, perSeconds: 60 } });
    for (let i = 0; i < 3; i++) {
      const check = await t.app.request(`/hooks/${hook.slug}`, {
        method: 'OPTIONS',
        headers: { 'webhook-request-origin': 'eventemitter.example.com' },
      });
      expect(check.status).toBe(200);
    }
    expect((await post(hook.slug, '{"kind": "k", "id": 1}')).status).toBe(204);
  });

  it('413 for a body over the limit, declared or streamed, over real HTTP; nothing stored', async () => {
    await t.close();
    t = createTestApp({ maxBodyBytes: 1000 });
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO } });
    const server = await startServer(t.app);
    try {
      const declared = await fetch(`${server.url}/hooks/${hook.slug}`, { method: 'POST', body: 'x'.repeat(1001) });
      expect(declared.status).toBe(413);
      expect(((await declared.json()) as Problem).code).toBe('payload-too-large');
      const chunks = new ReadableStream({
        start(controller) {
          for (let i = 0; i < 5; i++) controller.enqueue(new TextEncoder().encode('y'.repeat(300)));
          controller.close();
        },
      });
      const streamed = await fetch(`${server.url}/hooks/${hook.slug}`, {
        method: 'POST',
        body: chunks,
        duplex: 'half',
      } as RequestInit);
      expect(streamed.status).toBe(413);
      const exact = await fetch(`${server.url}/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'k', id: 1, pad: 'z'.repeat(1000 - 30) }),
      });
      expect(exact.status).toBe(204);
    } finally {
      await server.close();
    }
    expect(await storedEvents(t)).toHaveLength(1);
  });

  it('503 with Retry-After when the store cannot commit (a read-only database), and no 2xx', async () => {
    const hook = await webhook({ mapping: { kind: 'template', template: ECHO } });
    const readonly = t.openReadonlyStore();
    const app = createApp({ ...t.deps, store: readonly });
    const server = await startServer(app);
    try {
      const response = await fetch(`${server.url}/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"kind": "k", "id": 1}',
      });
      expect(response.status).toBe(503);
      expect(response.headers.get('retry-after')).toBe('5');
      expect(((await response.json()) as Problem).code).toBe('store-unavailable');
      const failing = await fetch(`${server.url}/hooks/${hook.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{',
      });
      expect(failing.status).toBe(503); // the failure event cannot be stored either: the sender must retry
    } finally {
      await server.close();
      await readonly.close();
    }
    expect(await storedEvents(t)).toHaveLength(0);
  });
});
