/**
 * API keys inside workerd over a real local D1: made with the admin token, used, refused without
 * the scope (403) and after a revoke (401) at once; the changes are audit events in the store.
 */
import { applyD1Migrations } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { beforeAll, describe, expect, it } from 'vitest';

const ORIGIN = 'https://hookgate.test';

function call(path: string, token: string, method = 'GET', body?: unknown): Promise<Response> {
  return exports.default.fetch(
    new Request(`${ORIGIN}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
}

describe('API keys on Workers', () => {
  beforeAll(async () => {
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
  });

  it('makes, uses, scopes and revokes a key; each change is an audit event naming the actor', async () => {
    const admin = env.HOOKGATE_ADMIN_TOKEN;
    const made = await call('/api/keys', admin, 'POST', { name: 'dashboards', scope: 'read', expires: '90d' });
    expect(made.status).toBe(201);
    const key = (await made.json()) as { id: string; key: string };
    expect(key.key).toMatch(/^hgk_/);

    expect((await call('/api/webhooks', key.key)).status).toBe(200);
    const denied = await call('/api/webhooks', key.key, 'POST', { name: 'x' });
    expect(denied.status).toBe(403);
    expect(await denied.json()).toMatchObject({ code: 'insufficient-scope', requiredScope: 'manage' });

    expect((await call(`/api/keys/${key.id}`, admin, 'DELETE')).status).toBe(204);
    expect((await call('/api/webhooks', key.key)).status).toBe(401);

    const audit = await call('/api/events/filter', admin, 'POST', {
      filter: { event: { prefix: ['hookgate.api-key.'] }, resource: { id: [`hookgate.api-key.${key.id}`] }, order: 'ASC' },
    });
    const { events } = (await audit.json()) as { events: { event: string; related: Record<string, string>[] }[] };
    expect(events.map((e) => e.event)).toEqual(['hookgate.api-key.created', 'hookgate.api-key.revoked']);
    expect(events[0]?.related[0]).toMatchObject({ 'prefect.resource.role': 'actor', 'prefect.resource.name': 'admin-token' });
    expect(JSON.stringify(events)).not.toContain(key.key);
  });
});
