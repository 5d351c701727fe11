import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signGithub, signSlack } from '../../src/cli/signers';
import { sampleToRequest } from '../../src/core/sample-request';
import { InputError } from '../../src/lib/errors';
import type { SampleRequest } from '../../src/schemas/webhook';
import { createTestApp, type TestApp } from '../helpers/app';

const TEMPLATE = '{"event": "model.refreshed", "resource": {"prefect.resource.id": "product.models.{{body.model}}"}}';

describe('webhooks API', () => {
  let t: TestApp;
  beforeEach(() => {
    t = createTestApp();
  });
  afterEach(() => t.close());

  async function create(body: unknown = { name: 'models', mapping: { kind: 'template', template: TEMPLATE } }) {
    const response = await t.api('/api/webhooks', { method: 'POST', json: body });
    return { response, body: (await response.json()) as Record<string, unknown> };
  }

  it('creates a webhook: 201, a server-made id and slug, and the URL to give the sender', async () => {
    const { response, body } = await create();
    expect(response.status).toBe(201);
    expect(response.headers.get('location')).toBe(`/api/webhooks/${body.id}`);
    expect(body).toMatchObject({ name: 'models', description: '', enabled: true, verify: { scheme: 'none' }, idFrom: null });
    expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.slug).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(body.url).toBe(`http://localhost/hooks/${body.slug}`);
  });

  it('builds URLs on HOOKGATE_PUBLIC_URL when set', async () => {
    await t.close();
    t = createTestApp({ publicUrl: 'https://hooks.example.com/' });
    const { body } = await create();
    expect(body.url).toBe(`https://hooks.example.com/hooks/${body.slug}`);
  });

  it('never lets the client choose the id or slug', async () => {
    const { response, body } = await create({ name: 'x', slug: 'mine', mapping: { kind: 'template', template: TEMPLATE } });
    expect(response.status).toBe(422);
    expect(body.code).toBe('validation-failed');
  });

  it('lists, gets, patches any field, and deletes', async () => {
    const { body: created } = await create();
    const list = (await (await t.api('/api/webhooks')).json()) as unknown[];
    expect(list).toHaveLength(1);
    expect(await (await t.api(`/api/webhooks/${created.id}`)).json()).toEqual(created);

    const patched = await t.api(`/api/webhooks/${created.id}`, {
      method: 'PATCH',
      json: {
        name: 'renamed',
        description: 'd',
        enabled: false,
        idFrom: 'header:x-delivery',
        mapping: { kind: 'static', event: { event: 'cron.ran', resource: { 'prefect.resource.id': 'cron.nightly' } } },
      },
    });
    expect(patched.status).toBe(200);
    const after = (await patched.json()) as Record<string, unknown>;
    expect(after).toMatchObject({
      name: 'renamed',
      description: 'd',
      enabled: false,
      idFrom: 'header:x-delivery',
      slug: created.slug,
    });
    expect(after.updated).not.toBe(created.updated);
    const cleared = await t.api(`/api/webhooks/${created.id}`, { method: 'PATCH', json: { idFrom: null } });
    expect(((await cleared.json()) as Record<string, unknown>).idFrom).toBeNull();

    expect((await t.api(`/api/webhooks/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await t.api(`/api/webhooks/${created.id}`)).status).toBe(404);
    expect((await t.api(`/api/webhooks/${created.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('rotates the slug: the old URL is 404 at once, everything else is kept', async () => {
    const { body: created } = await create();
    const response = await t.api(`/api/webhooks/${created.id}/rotate`, { method: 'POST' });
    const rotated = (await response.json()) as Record<string, unknown>;
    expect(rotated.slug).not.toBe(created.slug);
    expect(rotated).toMatchObject({ id: created.id, name: created.name, mapping: created.mapping });
    const old = await t.app.request(`/hooks/${created.slug}`, { method: 'POST', body: 'model=a' });
    expect(old.status).toBe(404);
    const fresh = await t.app.request(`/hooks/${rotated.slug}`, {
      method: 'POST',
      body: 'model=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(fresh.status).toBe(204);
  });

  it.each([
    ['a missing name', { mapping: { kind: 'template', template: TEMPLATE } }, 'name'],
    ['a name over 5000 characters', { name: 'n'.repeat(5001), mapping: { kind: 'template', template: TEMPLATE } }, 'name'],
    [
      'a description over 5000 characters',
      { name: 'n', description: 'd'.repeat(5001), mapping: { kind: 'static', event: {} } },
      'description',
    ],
    [
      'a template over 30,000 characters',
      { name: 'n', mapping: { kind: 'template', template: ' '.repeat(30_001) } },
      'mapping.template',
    ],
    ['an unknown mapping kind', { name: 'n', mapping: { kind: 'magic' } }, 'mapping.kind'],
    [
      'an unknown verify scheme',
      { name: 'n', mapping: { kind: 'template', template: TEMPLATE }, verify: { scheme: 'hope' } },
      'verify.scheme',
    ],
    [
      'a bearer scheme without secrets',
      { name: 'n', mapping: { kind: 'template', template: TEMPLATE }, verify: { scheme: 'bearer' } },
      'verify.secrets',
    ],
    ['a bad idFrom selector', { name: 'n', mapping: { kind: 'template', template: TEMPLATE }, idFrom: 'cookie:x' }, 'idFrom'],
    [
      'a static event without resource',
      { name: 'n', mapping: { kind: 'static', event: { event: 'x' } } },
      'mapping.event.resource',
    ],
    [
      'a static event with a number label',
      { name: 'n', mapping: { kind: 'static', event: { event: 'x', resource: { 'prefect.resource.id': 'r', n: 1 } } } },
      'mapping.event.resource.n',
    ],
  ])('refuses %s with 422 problem+json naming the field', async (_name, body, path) => {
    const { response, body: problem } = await create(body);
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect(problem.code).toBe('validation-failed');
    expect((problem.issues as { path: string }[]).map((i) => i.path)).toContain(path);
  });

  it('refuses a template that cannot parse, naming line and column', async () => {
    const { response, body } = await create({
      name: 'n',
      mapping: { kind: 'template', template: '{\n  "event": "{{body.x"\n}' },
    });
    expect(response.status).toBe(422);
    expect(body).toMatchObject({ code: 'invalid-template', line: 2 });
    expect(body.detail).toMatch(/^mapping\.template: line 2, column \d+: /);
  });

  it('answers 400 for a body that is not JSON and 404 for unknown or malformed ids', async () => {
    const bad = await t.api('/api/webhooks', { method: 'POST', body: '{nope', headers: { 'content-type': 'application/json' } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { code: string }).code).toBe('invalid-json');
    expect((await t.api('/api/webhooks/0190b000-0000-4000-8000-000000000001')).status).toBe(404);
    expect((await t.api('/api/webhooks/not-a-uuid')).status).toBe(404);
  });

  it('never returns secrets, only hints; a PATCH may keep them by leaving them out', async () => {
    const secret = 'super-secret-token-XYZW';
    const { body } = await create({
      name: 'guarded',
      mapping: { kind: 'template', template: TEMPLATE },
      verify: { scheme: 'bearer', secrets: [secret] },
    });
    expect(JSON.stringify(body)).not.toContain(secret);
    expect(body.verify).toEqual({ scheme: 'bearer', secretHints: ['…XYZW'] });
    const patched = await t.api(`/api/webhooks/${body.id}`, { method: 'PATCH', json: { verify: { scheme: 'bearer' } } });
    expect(((await patched.json()) as { verify: unknown }).verify).toEqual({ scheme: 'bearer', secretHints: ['…XYZW'] });
    const list = await (await t.api('/api/webhooks')).text();
    expect(list).not.toContain(secret);
    const ok = await t.app.request(`/hooks/${body.slug}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: '{"model": "m"}',
    });
    expect(ok.status).toBe(204);
  });

  it('requires the admin token on every API route, compared exactly', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${'x'}`, 'Basic abc']) {
      const headers = authorization ? { authorization } : undefined;
      const response = await t.app.request('/api/webhooks', { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await t.app.request('/healthz')).status).toBe(200);
  });

  describe('dry run (POST /api/webhooks/:id/test)', () => {
    it('returns the events a sample request becomes, and stores nothing', async () => {
      const { body: created } = await create();
      const response = await t.api(`/api/webhooks/${created.id}/test`, {
        method: 'POST',
        json: { method: 'POST', headers: { 'content-type': 'application/json' }, body: { model: 'recs' } },
      });
      expect(response.status).toBe(200);
      const { events } = (await response.json()) as { events: { event: string; resource: Record<string, string> }[] };
      expect(events).toHaveLength(1);
      expect(events[0]?.resource['prefect.resource.id']).toBe('product.models.recs');
      const stored = await t.deps.store.queryEvents({} as never, { limit: 10, offset: 0 });
      expect(stored.total).toBe(0);
    });

    it('gives the same error the live endpoint would, plus the rendered text, and stores no failure', async () => {
      const { body: created } = await create({
        name: 'broken',
        mapping: { kind: 'template', template: '{"event": {{json body.n}}' },
      });
      const dry = await t.api(`/api/webhooks/${created.id}/test`, { method: 'POST', json: { body: { n: 1 } } });
      const live = await t.app.request(`/hooks/${created.slug}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"n": 1}',
      });
      expect(dry.status).toBe(live.status);
      const dryProblem = (await dry.json()) as Record<string, unknown>;
      const liveProblem = (await live.json()) as Record<string, unknown>;
      expect(dryProblem.code).toBe(liveProblem.code);
      expect(dryProblem.detail).toBe(liveProblem.detail);
      expect(dryProblem.rendered).toBe('{"event": 1');
      expect(dryProblem.liveStatus).toBe(400);
      expect(liveProblem.rendered).toBeUndefined();
    });

    it('checks the signature as the live URL does, and answers a failure 422 with the live status, not 401', async () => {
      const secret = 'github-secret-0123456789';
      const { body: created } = await create({
        name: 'signed',
        mapping: { kind: 'template', template: TEMPLATE },
        verify: { scheme: 'github', secrets: [secret] },
      });
      const body = '{"model": "recs"}';
      const test = (headers: Record<string, string>) =>
        t.api(`/api/webhooks/${created.id}/test`, {
          method: 'POST',
          json: { headers: { 'content-type': 'application/json', ...headers }, body },
        });
      for (const [headers, code] of [
        [{}, 'signature-missing'],
        [signGithub('not-the-secret-0123456789', body), 'signature-mismatch'],
      ] as const) {
        const dry = await test(headers);
        const live = await t.app.request(`/hooks/${created.slug}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers },
          body,
        });
        expect(live.status).toBe(401);
        const liveProblem = (await live.json()) as Record<string, unknown>;
        expect(dry.status, code).toBe(422);
        expect(await dry.json()).toMatchObject({ code, detail: liveProblem.detail, liveStatus: 401, status: 422 });
      }
      const signed = await test(signGithub(secret, body));
      expect(signed.status).toBe(200);
      expect(await signed.json()).toMatchObject({ events: [{ resource: { 'prefect.resource.id': 'product.models.recs' } }] });
    });

    it('answers a handshake as the live URL would: no events, and the answer', async () => {
      const secret = 'slack-secret-0123456789';
      const { body: created } = await create({ name: 'slack', preset: 'slack', verify: { secrets: [secret] } });
      const body = '{"type": "url_verification", "challenge": "c-123", "token": "t"}';
      const headers = { 'content-type': 'application/json', ...signSlack(secret, body, Math.floor(Date.now() / 1000)) };
      const dry = await t.api(`/api/webhooks/${created.id}/test`, { method: 'POST', json: { headers, body } });
      expect(dry.status).toBe(200);
      const answer = (await dry.json()) as { events: unknown[]; handshake: { status: number; body: string } };
      expect(answer).toMatchObject({ events: [], handshake: { status: 200 } });
      expect(JSON.parse(answer.handshake.body)).toEqual({ challenge: 'c-123' });
    });

    it.each([
      [{ headers: { 'bad name': 'x' } }, 'headers["bad name"]', 'header name'],
      [{ headers: { '': 'x' } }, 'headers[""]', 'header name'],
      [{ headers: { 'x-a': 'a\nb' } }, 'headers["x-a"]', 'CR, LF or NUL'],
      [{ headers: { 'x-a': 'a\u0000b' } }, 'headers["x-a"]', 'CR, LF or NUL'],
      [{ headers: { 'x-price': '10 €' } }, 'headers["x-price"]', 'Latin-1'],
      [{ method: 'CONNECT' }, 'method', 'must be one of GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS'],
      [{ method: 'TRACE' }, 'method', 'must be one of'],
      [{ method: 'track' }, 'method', 'must be one of'],
    ])('refuses a sample that cannot be sent, %j: 422 naming the field', async (sample, path, message) => {
      const { body: created } = await create();
      const response = await t.api(`/api/webhooks/${created.id}/test`, { method: 'POST', json: sample });
      expect(response.status).toBe(422);
      const problem = (await response.json()) as { code: string; issues: { path: string; message: string }[] };
      expect(problem.code).toBe('validation-failed');
      expect(problem.issues).toEqual([{ path, message: expect.stringContaining(message) }]);
    });

    it('takes any method senders use, in any case', async () => {
      const { body: created } = await create();
      for (const method of ['get', 'HEAD', 'Post', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        const response = await t.api(`/api/webhooks/${created.id}/test`, { method: 'POST', json: { method } });
        expect(response.status, method).toBe(200);
      }
    });

    it('turns a sample the runtime still refuses into a 422, never a 500', () => {
      // Outside what the schema admits, on purpose: the safety net behind it.
      const refused = () => sampleToRequest({ method: 'CONNECT', headers: {}, query: {} } as unknown as SampleRequest);
      expect(refused).toThrow(InputError);
      try {
        refused();
      } catch (error) {
        expect(error).toMatchObject({ status: 422, code: 'invalid-sample' });
      }
    });
  });
});
