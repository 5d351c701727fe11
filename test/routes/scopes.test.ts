/**
 * Every API route × every scope → the expected answer. The route list comes from the app itself,
 * and every served route must have a row in SCOPE_NEEDED, so a new route cannot be forgotten.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app';
import { makeKey, withKey } from '../helpers/keys';

/** The least scope each route needs (`read` < `manage` < `admin`; `emit` stands apart, manage and admin include it). */
const SCOPE_NEEDED: Record<string, string> = {
  'POST /api/webhooks': 'manage',
  'GET /api/webhooks': 'read',
  'GET /api/webhooks/:id': 'read',
  'PATCH /api/webhooks/:id': 'manage',
  'DELETE /api/webhooks/:id': 'manage',
  'POST /api/webhooks/:id/rotate': 'manage',
  'POST /api/webhooks/:id/test': 'manage',
  'POST /api/webhooks/:id/replay': 'manage',
  'GET /api/webhooks/:id/deliveries': 'read',
  'POST /api/events': 'emit',
  'POST /api/events/filter': 'read',
  'GET /api/events/filter/next': 'read',
  'POST /api/events/tail': 'read',
  'POST /api/events/count-by/:countable': 'read',
  'GET /api/events/:id': 'read',
  'POST /api/keys': 'admin',
  'GET /api/keys': 'admin',
  'DELETE /api/keys/:id': 'admin',
  'GET /api/presets': 'read',
  'GET /api/presets/:name': 'read',
  'GET /api/openapi.json': 'read',
  'GET /metrics': 'read',
  'GET /api/sinks': 'read',
  'POST /api/sinks': 'manage',
  'GET /api/sinks/:id': 'read',
  'PATCH /api/sinks/:id': 'manage',
  'DELETE /api/sinks/:id': 'manage',
  'GET /api/sinks/:id/dead-letters': 'read',
  'POST /api/sinks/:id/dead-letters/retry': 'manage',
  'POST /api/sinks/:id/replay': 'manage',
  'POST /api/sinks/:id/test': 'manage',
};

const INCLUDES: Record<string, string[]> = {
  read: ['read'],
  emit: ['emit'],
  manage: ['read', 'manage', 'emit'],
  admin: ['read', 'manage', 'admin', 'emit'],
};

const concrete = (path: string) =>
  path.replace(':id', crypto.randomUUID()).replace(':countable', 'day').replace(':name', 'github');

describe('scopes on every route', () => {
  let t: TestApp;
  const keys: Record<string, string> = {};
  beforeAll(async () => {
    t = createTestApp();
    for (const scope of Object.keys(INCLUDES)) keys[scope] = (await makeKey(t, scope)).key;
  });
  afterAll(() => t.close());

  const served = () =>
    t.app.routes
      .filter((r) => (r.path.startsWith('/api/') || r.path === '/metrics') && r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path}`);

  it('has a row for every served route, and no other', async () => {
    const routes = served();
    expect(new Set(routes)).toEqual(new Set(Object.keys(SCOPE_NEEDED)));
  });

  it("documents each route's scope in the OpenAPI document (x-required-scope)", async () => {
    const document = (await (await t.api('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, { 'x-required-scope': string }>>;
    };
    for (const [path, methods] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(methods)) {
        const route = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
        expect(operation['x-required-scope'], route).toBe(SCOPE_NEEDED[route]);
      }
    }
  });

  const cases = Object.entries(SCOPE_NEEDED).flatMap(([route, needed]) =>
    Object.keys(INCLUDES).map((scope) => ({ route, needed, scope, allowed: INCLUDES[scope]?.includes(needed) ?? false })),
  );

  it.each(cases)('$route with a $scope key: allowed=$allowed', async ({ route, scope, allowed }) => {
    const [method = 'GET', path = '/'] = route.split(' ');
    const init = method === 'GET' || method === 'DELETE' ? { method } : { method, json: {} };
    const response = await withKey(t, keys[scope] ?? '', concrete(path), init);
    const body = response.status === 204 ? {} : ((await response.json().catch(() => ({}))) as { code?: string });
    if (allowed) {
      expect(response.status).not.toBe(401);
      expect(body.code).not.toBe('insufficient-scope');
    } else {
      expect(response.status).toBe(403);
      expect(body).toMatchObject({ code: 'insufficient-scope', requiredScope: SCOPE_NEEDED[route] });
    }
  });

  it.each(Object.keys(SCOPE_NEEDED))('%s: 401 without a token or with a wrong one', async (route) => {
    const [method = 'GET', path = '/'] = route.split(' ');
    expect((await t.app.request(concrete(path), { method })).status).toBe(401);
    expect((await withKey(t, 'hgk_wrong', concrete(path), { method })).status).toBe(401);
  });
});
