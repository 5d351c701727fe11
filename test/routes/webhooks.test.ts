/**
 * The webhooks API: create (server-made id, slug and URL), list, get, patch, rotate and delete;
 * secrets write-only (hints only, kept by a PATCH that leaves them out); the admin token on every route.
 */
import { describe, expect, it } from 'vitest';
import { usePerTestApp } from '../helpers/per-test-app';
import { createViaApi, TEMPLATE } from '../helpers/webhooks-api';

describe('webhooks API', () => {
  const webhooks = usePerTestApp();
  const create = (body?: unknown) => createViaApi(webhooks.t, body);

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
    await webhooks.restart({ publicUrl: 'https://hooks.example.com/' });
    const { body } = await create();
    expect(body.url).toBe(`https://hooks.example.com/hooks/${body.slug}`);
  });

  it('lists, gets, patches any field, and deletes', async () => {
    const { body: created } = await create();
    const list = (await (await webhooks.t.api('/api/webhooks')).json()) as unknown[];
    expect(list).toHaveLength(1);
    expect(await (await webhooks.t.api(`/api/webhooks/${created.id}`)).json()).toEqual(created);

    const patched = await webhooks.t.api(`/api/webhooks/${created.id}`, {
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
    const cleared = await webhooks.t.api(`/api/webhooks/${created.id}`, { method: 'PATCH', json: { idFrom: null } });
    expect(((await cleared.json()) as Record<string, unknown>).idFrom).toBeNull();

    expect((await webhooks.t.api(`/api/webhooks/${created.id}`, { method: 'DELETE' })).status).toBe(204);
    expect((await webhooks.t.api(`/api/webhooks/${created.id}`)).status).toBe(404);
    expect((await webhooks.t.api(`/api/webhooks/${created.id}`, { method: 'DELETE' })).status).toBe(404);
  });

  it('rotates the slug: the old URL is 404 at once, everything else is kept', async () => {
    const { body: created } = await create();
    const response = await webhooks.t.api(`/api/webhooks/${created.id}/rotate`, { method: 'POST' });
    const rotated = (await response.json()) as Record<string, unknown>;
    expect(rotated.slug).not.toBe(created.slug);
    expect(rotated).toMatchObject({ id: created.id, name: created.name, mapping: created.mapping });
    const old = await webhooks.t.app.request(`/hooks/${created.slug}`, { method: 'POST', body: 'model=a' });
    expect(old.status).toBe(404);
    const fresh = await webhooks.t.app.request(`/hooks/${rotated.slug}`, {
      method: 'POST',
      body: 'model=a',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(fresh.status).toBe(204);
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
    const patched = await webhooks.t.api(`/api/webhooks/${body.id}`, { method: 'PATCH', json: { verify: { scheme: 'bearer' } } });
    expect(((await patched.json()) as { verify: unknown }).verify).toEqual({ scheme: 'bearer', secretHints: ['…XYZW'] });
    const list = await (await webhooks.t.api('/api/webhooks')).text();
    expect(list).not.toContain(secret);
    const ok = await webhooks.t.app.request(`/hooks/${body.slug}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' },
      body: '{"model": "m"}',
    });
    expect(ok.status).toBe(204);
  });

  it('requires the admin token on every API route, compared exactly', async () => {
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${'x'}`, 'Basic abc']) {
      const headers = authorization ? { authorization } : undefined;
      const response = await webhooks.t.app.request('/api/webhooks', { headers });
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    expect((await webhooks.t.app.request('/healthz')).status).toBe(200);
  });
});
